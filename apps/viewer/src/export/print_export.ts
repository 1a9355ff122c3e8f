import { pageSizePx, renderPrintMap, withDpi, FONT, type Orientation, type PageBox, type Paper, type PrintMap } from '@firecover/report/print';
import { state } from '../app_state';
import { getLang, pick, t } from '../i18n';
import type { MapView } from '../map/map_view';
import { HATCH_DEFS, printLayers, printLegend, readSources, visibleSources } from './print_layers';
import { pt, type PrintKey } from './print_text';

/**
 * Print exports of the current view: the report's SVG map renderer (`@firecover/report/print`) lays the
 * visible layers out on A4 or A3 with title, legend column, scale bar, north arrow, data line and
 * attribution. SVG is that document; PDF converts it with jsPDF + svg2pdf.js (vector paths, Noto Sans
 * SC embedded as a subset, so Chinese text is text); PNG draws it into a canvas of exactly the paper
 * size at the chosen dpi (the browser rasterises the SVG: no MapLibre offscreen map, no canvas cap).
 */

export type ExportFormat = 'png' | 'pdf' | 'svg';

export interface ExportMapOptions {
  format: ExportFormat;
  paper?: Paper;
  orientation?: Orientation;
  /** PNG only: dots per inch, 300 by default (150 and 600 offered in the dialog). */
  dpi?: number;
}

export interface ExportMapResult {
  bytes: Uint8Array;
  /** PNG: pixels; PDF and SVG: the page in points (1/72 in; A4 portrait 595.28 × 841.89). */
  width: number;
  height: number;
  unit: 'px' | 'pt';
  /** The map frame and the legend column, in `unit` from the page's top-left corner. */
  frame: PageBox;
  legend: PageBox;
  mime: string;
  fileName: string;
  /** Wall time of the export, ms. */
  ms: number;
  /** Wall time per stage, ms, by progress key (`p_layers` covers reading the layers and the layout). */
  stagesMs: Record<string, number>;
}

/** Progress reporting that also times each stage. */
class Stages {
  readonly ms: Record<string, number> = {};
  private key: string | null = null;
  private at = performance.now();
  constructor(private readonly progress: (s: string) => void) {}
  step(key: PrintKey, vars?: Record<string, string | number>): void {
    this.end();
    this.key = key;
    this.progress(pt(key, vars));
  }
  end(): Record<string, number> {
    const now = performance.now();
    if (this.key) this.ms[this.key] = (this.ms[this.key] ?? 0) + now - this.at;
    this.key = null;
    this.at = now;
    return this.ms;
  }
}

export const DEFAULT_DPI = 300;
/** Family name the PDF's embedded font is registered under (first in the PDF's font list). */
const PDF_FONT = 'NotoSansSC';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The print layout of the current view (SVG, points). */
export async function printMap(view: MapView, paper: Paper, orientation: Orientation, fontFamily?: string): Promise<PrintMap> {
  const info = state.info;
  const bandsS = info?.bandsS ?? [180, 240, 300];
  const data = await readSources(view, visibleSources(view));
  const b = view.map.getBounds();
  // The view, narrowed to the data when the data is smaller than the view (the map then fills the frame).
  let bbox: [number, number, number, number] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  const d = info?.bbox;
  if (d) {
    const cut: [number, number, number, number] = [Math.max(bbox[0], d[0]), Math.max(bbox[1], d[1]), Math.min(bbox[2], d[2]), Math.min(bbox[3], d[3])];
    if (cut[0] < cut[2] && cut[1] < cut[3]) bbox = cut;
  }
  // Attribution for what is drawn: the scenario's OSM-derived data. The online raster basemap is never printed
  // (no tiles in the vector layout), so switching it on adds nothing here.
  const osm = info?.osm ?? false;
  const subtitle = [info?.synthetic ? t('synthetic') : '', info?.presetName ? `${t('standard')}: ${info.presetName[getLang()]}` : '', state.candidates.length ? `${t('candidates')}: ${state.candidates.length}` : ''].filter(Boolean).join(' · ');
  return renderPrintMap({
    paper,
    orientation,
    title: info ? pick(info.name, info.nameZh) : 'firecover',
    subtitle: subtitle || undefined,
    legendTitle: pt('legendTitle'),
    layers: printLayers(data, view, bandsS),
    legend: printLegend(data, view, bandsS),
    bbox,
    dataLine: [`${pt('dataLabel')}: ${info?.provenance ?? ''}`, `${pt('printed')}: ${today()}`, 'firecover'].join(' · '),
    attribution: osm ? '© OpenStreetMap contributors' : null,
    lang: getLang(),
    fontFamily,
    defs: HATCH_DEFS,
  });
}

const scaleBox = (b: PageBox, k: number): PageBox => ({ x: b.x * k, y: b.y * k, width: b.width * k, height: b.height * k });

/** The scenario's name as a file-name stem. */
export function baseName(): string {
  return (state.info?.name ?? 'firecover').replace(/[^\w.-]+/g, '_');
}

async function rasterise(svg: string, width: number, height: number, dpi: number): Promise<Uint8Array> {
  // Give the SVG its pixel size as intrinsic size, so the browser draws the vectors at that size.
  const sized = svg.replace(/^<svg([^>]*?) width="[^"]*" height="[^"]*"/, `<svg$1 width="${width}" height="${height}"`);
  const url = URL.createObjectURL(new Blob([sized], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(`no 2D canvas of ${width} × ${height} px`);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob>((res, rej) => canvas.toBlob((x) => (x ? res(x) : rej(new Error(`PNG encoding of ${width} × ${height} px failed`))), 'image/png'));
    canvas.width = 0;
    canvas.height = 0;
    return withDpi(new Uint8Array(await blob.arrayBuffer()), dpi);
  } finally {
    URL.revokeObjectURL(url);
  }
}

const fontBinaries = new Map<string, Promise<string>>();

/** A font file from the built page's assets as a binary string for jsPDF, fetched once per page load. */
function fontBinary(key: string, load: () => Promise<{ default: string }>): Promise<string> {
  let p = fontBinaries.get(key);
  if (!p) {
    p = (async () => {
      const { default: url } = await load();
      const res = await fetch(url);
      if (!res.ok) throw new Error(`font ${url}: HTTP ${res.status}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return s;
    })();
    p.catch(() => fontBinaries.delete(key));
    fontBinaries.set(key, p);
  }
  return p;
}

/** Noto Sans SC (SIL OFL 1.1) regular and bold, TrueType outlines (what jsPDF embeds). */
const pdfFonts = () =>
  Promise.all([
    fontBinary('regular', () => import('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url')),
    fontBinary('bold', () => import('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf?url')),
  ]);

async function toPdf(doc: PrintMap, orientation: Orientation, stages: Stages): Promise<Uint8Array> {
  stages.step('p_font');
  const [{ jsPDF }, { svg2pdf }, [regular, bold]] = await Promise.all([import('jspdf'), import('svg2pdf.js'), pdfFonts()]);
  stages.step('p_pdf');
  const pdf = new jsPDF({ unit: 'pt', format: [doc.widthPt, doc.heightPt], orientation, compress: true });
  pdf.addFileToVFS('NotoSansSC-Regular.ttf', regular);
  pdf.addFileToVFS('NotoSansSC-Bold.ttf', bold);
  pdf.addFont('NotoSansSC-Regular.ttf', PDF_FONT, 'normal');
  pdf.addFont('NotoSansSC-Bold.ttf', PDF_FONT, 'bold');
  pdf.setFont(PDF_FONT, 'normal');
  pdf.setProperties({ title: state.info ? pick(state.info.name, state.info.nameZh) : 'firecover', creator: 'firecover viewer' });
  const el = new DOMParser().parseFromString(doc.svg, 'image/svg+xml').documentElement;
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-100000px;top:0;visibility:hidden;';
  host.append(el);
  document.body.append(host);
  try {
    await svg2pdf(el, pdf, { x: 0, y: 0, width: doc.widthPt, height: doc.heightPt });
  } finally {
    host.remove();
  }
  return new Uint8Array(pdf.output('arraybuffer'));
}

/** Exports the current view on paper; `progress` receives each stage's text in the page language. */
export async function exportMap(view: MapView, opts: ExportMapOptions, progress: (s: string) => void = () => {}): Promise<ExportMapResult> {
  const t0 = performance.now();
  const paper = opts.paper ?? 'A4';
  const orientation = opts.orientation ?? 'portrait';
  const stem = `${baseName()}-map-${paper}-${orientation}`;
  const stages = new Stages(progress);
  stages.step('p_layers');
  if (opts.format === 'png') {
    const dpi = opts.dpi ?? DEFAULT_DPI;
    const doc = await printMap(view, paper, orientation);
    stages.step('p_raster', { dpi });
    const { width, height } = pageSizePx(paper, orientation, dpi);
    const bytes = await rasterise(doc.svg, width, height, dpi);
    const k = width / doc.widthPt;
    return { bytes, width, height, unit: 'px', frame: scaleBox(doc.frame, k), legend: scaleBox(doc.legend, k), mime: 'image/png', fileName: `${stem}-${dpi}dpi.png`, ms: performance.now() - t0, stagesMs: stages.end() };
  }
  if (opts.format === 'svg') {
    const doc = await printMap(view, paper, orientation);
    const bytes = new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${doc.svg}\n`);
    return { bytes, width: doc.widthPt, height: doc.heightPt, unit: 'pt', frame: doc.frame, legend: doc.legend, mime: 'image/svg+xml', fileName: `${stem}.svg`, ms: performance.now() - t0, stagesMs: stages.end() };
  }
  const doc = await printMap(view, paper, orientation, `${PDF_FONT},${FONT}`);
  const bytes = await toPdf(doc, orientation, stages);
  return { bytes, width: doc.widthPt, height: doc.heightPt, unit: 'pt', frame: doc.frame, legend: doc.legend, mime: 'application/pdf', fileName: `${stem}.pdf`, ms: performance.now() - t0, stagesMs: stages.end() };
}
