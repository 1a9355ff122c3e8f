import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { withDpi } from './png_dpi';

/** The flags the project's browser tests use (see ../shared/notes/toolchain.md beside the repository). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Why the PDF or the PNG maps could not be made (the HTML is written regardless). */
export class ToolMissingError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
    this.name = 'ToolMissingError';
  }
}

/** Chromium to print with: $FIRECOVER_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  return env.FIRECOVER_CHROMIUM ?? '/usr/bin/chromium';
}

/** Families of the installed fonts with Chinese glyphs (fontconfig); empty when none or no fontconfig. */
export function cjkFontFamilies(): string[] {
  try {
    const out = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return [...new Set(out.split('\n').flatMap((l) => l.split(',')).map((s) => s.trim()).filter(Boolean))].sort();
  } catch {
    return [];
  }
}

/** Launches headless Chromium, or explains what is missing. */
export async function launchBrowser(executablePath = chromiumPath()): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new ToolMissingError(
      `no Chromium at ${executablePath}: install it (Debian: apt-get install chromium) or set FIRECOVER_CHROMIUM; report.html was still written`,
      `未找到 Chromium（${executablePath}）：请安装（Debian：apt-get install chromium）或设置 FIRECOVER_CHROMIUM；report.html 已照常写出`,
    );
  }
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (e) {
    throw new ToolMissingError(`Chromium at ${executablePath} did not start (${(e as Error).message.split('\n')[0]}); report.html was still written`, `Chromium（${executablePath}）无法启动；report.html 已照常写出`);
  }
}

/** A page that may request nothing from any server (the report is self-contained; this proves it stays so). */
async function offlinePage(browser: Browser, viewport: { width: number; height: number }, deviceScaleFactor = 1) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, offline: true, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  return { page, context };
}

/** Prints report.html to an A4 PDF: vector text and maps, fonts embedded, page numbers in the footer. */
export async function printPdf(browser: Browser, html: string, opts: { lang: 'en' | 'zh'; footer: string }): Promise<Uint8Array> {
  if (opts.lang === 'zh' && cjkFontFamilies().length === 0) {
    throw new ToolMissingError(
      'no font with Chinese glyphs is installed (Debian: apt-get install fonts-noto-cjk); report.html was still written',
      '未安装中文字体（Debian：apt-get install fonts-noto-cjk）；report.html 已照常写出',
    );
  }
  const { page, context } = await offlinePage(browser, { width: 794, height: 1123 });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-family:'Noto Sans CJK SC','Noto Sans',sans-serif;font-size:8px;color:#555;width:100%;padding:0 14mm;display:flex;justify-content:space-between"><span>${esc(opts.footer)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
    });
    return new Uint8Array(pdf);
  } finally {
    await context.close();
  }
}

/**
 * Rasterises SVG documents to PNG at `widthPx` (e.g. 1748 px = A5 width, 148 mm, at 300 dpi), with a
 * pHYs chunk saying 300 dpi so word processors place them at print size.
 */
export async function rasterise(browser: Browser, svgs: { svg: string; width: number; height: number }[], widthPx: number, dpi = 300): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  // One page per picture width (the device scale factor is fixed per context), reused for every picture.
  const widths = [...new Set(svgs.map((s) => s.width))];
  for (const width of widths) {
    const maxHeight = Math.max(...svgs.filter((s) => s.width === width).map((s) => s.height));
    const { page, context } = await offlinePage(browser, { width, height: maxHeight }, widthPx / width);
    try {
      for (const [i, s] of svgs.entries()) {
        if (s.width !== width) continue;
        await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff}svg{display:block}</style></head><body>${s.svg}</body></html>`, { waitUntil: 'load' });
        const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: s.width, height: s.height } });
        out[i] = withDpi(new Uint8Array(png), dpi);
      }
    } finally {
      await context.close();
    }
  }
  return out;
}

export { crc32, withDpi } from './png_dpi';
