import type { ReportInput } from './analysis_input';
import { launchBrowser, printPdf, rasterise, ToolMissingError, withDpi } from './browser';
import { buildReport, type ReportOptions } from './build_report';
import type { Block } from './document';
import { reportDocx } from './docx';

/** One output file, its path relative to the output directory. */
export interface ReportFile {
  path: string;
  data: string | Uint8Array;
}

export interface ReportFiles {
  files: ReportFile[];
  /** What could not be made and why (English, Chinese): a missing browser or font. */
  warnings: { en: string; zh: string }[];
}

/** 300 dpi at A5 width (148 mm): the PNG maps' width in pixels. */
export const PNG_WIDTH_PX = Math.round((148 / 25.4) * 300);

const sizeOf = (svg: string): { width: number; height: number } => {
  const m = /<svg[^>]*\bwidth="(\d+(?:\.\d+)?)"[^>]*\bheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return { width: m ? Number(m[1]) : 1000, height: m ? Number(m[2]) : 800 };
};

/** PNGs without a browser: resvg with the Noto CJK font (slower than Chromium; used when Chromium is missing). */
async function resvgPngs(svgs: string[], widthPx: number): Promise<Uint8Array[]> {
  const { Resvg } = await import('@resvg/resvg-js');
  const fontFiles = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'];
  return svgs.map((svg) => withDpi(new Resvg(svg, { fitTo: { mode: 'width', value: widthPx }, font: { fontFiles, loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' } }).render().asPng(), 300));
}

/**
 * Every file of the report: report.html, indicators.csv, maps/*.svg and *.png, charts/*.svg, report.pdf,
 * report.docx. The PDF needs Chromium (and, in Chinese, a CJK font): when missing, the rest is still
 * made and `warnings` says why.
 */
export async function reportFiles(input: ReportInput, opts: ReportOptions & { chromium?: string }): Promise<ReportFiles> {
  const parts = buildReport(input, opts);
  const warnings: ReportFiles['warnings'] = [];
  const files: ReportFile[] = [
    { path: 'report.html', data: parts.html },
    { path: 'indicators.csv', data: parts.indicatorsCsv },
  ];
  const figures = parts.document.sections.flatMap((s) => s.blocks).filter((b): b is Extract<Block, { kind: 'figure' }> => b.kind === 'figure');
  for (const f of figures) files.push({ path: `${f.type === 'map' ? 'maps' : 'charts'}/${f.id}.svg`, data: f.svg });

  const svgs = figures.map((f) => ({ svg: f.svg, ...sizeOf(f.svg) }));
  const docx = (pngs: Uint8Array[]): Promise<Uint8Array> =>
    reportDocx(parts.document, new Map(figures.map((f, i) => [f.id, { png: pngs[i], width: svgs[i].width, height: svgs[i].height }])));

  let pngs: Uint8Array[] | null = null;
  let pdf: Uint8Array | null = null;
  let docxBytes: Uint8Array | null = null;
  try {
    const browser = await launchBrowser(opts.chromium);
    try {
      // Chromium prints the PDF in one page while another rasterises the pictures; the DOCX is packed
      // (in this process) as soon as the pictures are there, while the PDF may still be printing.
      const pictures = rasterise(browser, svgs, PNG_WIDTH_PX);
      const packed = pictures.then(docx);
      const [printed, rastered, docxDone] = await Promise.allSettled([printPdf(browser, parts.html, { lang: opts.lang, footer: parts.document.title }), pictures, packed]);
      if (rastered.status === 'fulfilled') pngs = rastered.value;
      if (docxDone.status === 'fulfilled') docxBytes = docxDone.value;
      if (printed.status === 'rejected') throw printed.reason;
      pdf = printed.value;
    } finally {
      await browser.close();
    }
  } catch (e) {
    if (!(e instanceof ToolMissingError)) throw e;
    warnings.push({ en: e.message, zh: e.messageZh });
  }
  if (!pngs) pngs = await resvgPngs(svgs.map((s) => s.svg), PNG_WIDTH_PX);
  figures.forEach((f, i) => {
    if (f.type === 'map') files.push({ path: `maps/${f.id}.png`, data: pngs![i] });
  });
  if (pdf) files.push({ path: 'report.pdf', data: pdf });
  files.push({ path: 'report.docx', data: docxBytes ?? (await docx(pngs)) });
  return { files, warnings };
}
