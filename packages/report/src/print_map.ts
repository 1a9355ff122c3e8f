import type { GeoProjection } from 'd3-geo';
import type { Feature, Position } from 'geojson';
import { esc, num } from './escape';
import { fittedProjection, metresPerUnit, niceLengthM } from './projection';
import { FONT, featureSvgWith, styleAttrs, symbolSvg, type Lang, type LegendItem, type MapLayer, type Style } from './svg_map';

/**
 * A map laid out on a sheet of paper (ISO 216 A4 or A3, portrait or landscape) as one SVG document
 * whose user unit is the PostScript point (1/72 in): title, the map in its frame, the legend in a
 * column beside the frame (never over the map), scale bar, north arrow, data line, attribution.
 * The layers are drawn with the report's own pieces (`pathOf`, `symbolSvg`, `styleAttrs`, the fitted
 * transverse Mercator), so a viewer print and a report map of the same data look alike. Pure string
 * building: no Node, no DOM (the viewer imports it through `@firecover/report/print`).
 *
 * Text is drawn twice where it needs a halo (a white stroked copy under the filled one) rather than
 * with `paint-order`, which SVG-to-PDF converters do not all honour.
 */

export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

/** ISO 216 sheet sizes, short side × long side, millimetres. */
export const PAPER_MM: Readonly<Record<Paper, readonly [number, number]>> = { A4: [210, 297], A3: [297, 420] };
export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;

/** Page size in millimetres for a sheet and orientation. */
export function pageSizeMm(paper: Paper, orientation: Orientation): { widthMm: number; heightMm: number } {
  const [a, b] = PAPER_MM[paper];
  return orientation === 'portrait' ? { widthMm: a, heightMm: b } : { widthMm: b, heightMm: a };
}

/** Page size in points (A4 portrait: 595.28 × 841.89 pt). */
export function pageSizePt(paper: Paper, orientation: Orientation): { widthPt: number; heightPt: number } {
  const { widthMm, heightMm } = pageSizeMm(paper, orientation);
  return { widthPt: (widthMm / MM_PER_INCH) * PT_PER_INCH, heightPt: (heightMm / MM_PER_INCH) * PT_PER_INCH };
}

/** Page size in whole pixels at `dpi` (A4 portrait at 300 dpi: 2480 × 3508 px). */
export function pageSizePx(paper: Paper, orientation: Orientation, dpi: number): { width: number; height: number } {
  const { widthMm, heightMm } = pageSizeMm(paper, orientation);
  return { width: Math.round((widthMm / MM_PER_INCH) * dpi), height: Math.round((heightMm / MM_PER_INCH) * dpi) };
}

/** A legend entry; `under` is drawn first (a road's casing under its fill line). */
export interface PrintLegendItem extends LegendItem {
  under?: Style;
}

export interface PrintLegendGroup {
  title: string;
  items: PrintLegendItem[];
}

export interface PrintMapSpec {
  paper: Paper;
  orientation: Orientation;
  title: string;
  subtitle?: string;
  /** Heading of the legend column ("Legend" / "图例"). */
  legendTitle: string;
  layers: MapLayer[];
  legend: PrintLegendGroup[];
  /** [west, south, east, north], degrees: the area that must be on the page. */
  bbox: [number, number, number, number];
  /** Data line printed at the foot: sources and data date. */
  dataLine: string;
  /** "© OpenStreetMap contributors" when OSM data is drawn, else null (nothing printed). */
  attribution: string | null;
  lang: Lang;
  /** Font family list (the PDF path puts its embedded font first). */
  fontFamily?: string;
  /** SVG definitions the styles refer to (`fill: 'url(#id)'`: hatch patterns), placed in `<defs>` as given. */
  defs?: string;
}

/** A rectangle on the page, points from the top-left corner. */
export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PrintMap {
  svg: string;
  widthPt: number;
  heightPt: number;
  /** The map frame. */
  frame: PageBox;
  /** The legend column's box (beside the frame, disjoint from it). */
  legend: PageBox;
}

/** Map units per point inside the frame at A4: labels of 12 units print at 7.2 pt, as the report's maps read at A5 width. */
const INNER_PT = 0.6;
const A4_SHORT_PT = (210 / MM_PER_INCH) * PT_PER_INCH;

/** Rough advance width of a text in ems: CJK and full-width characters 1 em, others 0.56 em. */
function textEms(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.56;
  return w;
}

/** Breaks a label into lines no wider than `maxEms` (at spaces, or between CJK characters). */
export function wrapLabel(s: string, maxEms: number): string[] {
  if (textEms(s) <= maxEms) return [s];
  const tokens = s.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\s+/g) ?? [s];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (line && textEms(line + tok.trimEnd()) > maxEms) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function haloText(x: number, y: number, lines: string[], size: number, color: string, anchor: 'middle' | 'start' = 'middle'): string {
  const tsp = lines.map((l, i) => `<tspan x="${num(x)}" dy="${i === 0 ? 0 : num(size * 1.17)}">${esc(l)}</tspan>`).join('');
  const common = `x="${num(x)}" y="${num(y)}" font-size="${num(size)}" text-anchor="${anchor}"`;
  return `<text ${common} fill="#ffffff" stroke="#ffffff" stroke-width="${num(size / 4)}" stroke-linejoin="round">${tsp}</text><text ${common} fill="${esc(color)}">${tsp}</text>`;
}

/** A label waiting for placement: at a point symbol of radius `r`, or at a polygon's anchor (`r` null). */
interface PendingLabel {
  x: number;
  y: number;
  r: number | null;
  lines: string[];
  color: string;
}

const LABEL_SIZE = 12;
const LINE_STEP = LABEL_SIZE * 1.17;

/**
 * Places labels greedily, topmost layer first (stations before districts): each takes the first of its
 * candidate positions (point: below, above, right, left of the symbol; area: the anchor, then shifted
 * down or up) whose box is free, else its first candidate — a label is never dropped from a print.
 */
export function placeLabels(pending: readonly PendingLabel[]): string[] {
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const out: string[] = [];
  for (let i = pending.length - 1; i >= 0; i--) {
    const l = pending[i];
    const w = Math.max(...l.lines.map(textEms)) * LABEL_SIZE + 4;
    const h = l.lines.length * LINE_STEP + 2;
    // candidate box top-left corners
    const c: [number, number][] =
      l.r === null
        ? [[l.x - w / 2, l.y - h / 2], [l.x - w / 2, l.y + h / 2 + 2], [l.x - w / 2, l.y - 1.5 * h - 2]]
        : [[l.x - w / 2, l.y + l.r + 2], [l.x - w / 2, l.y - l.r - 2 - h], [l.x + l.r + 3, l.y - h / 2], [l.x - l.r - 3 - w, l.y - h / 2]];
    const free = c.find(([x0, y0]) => placed.every((b) => x0 >= b.x1 || x0 + w <= b.x0 || y0 >= b.y1 || y0 + h <= b.y0)) ?? c[0];
    placed.push({ x0: free[0], y0: free[1], x1: free[0] + w, y1: free[1] + h });
    out.push(haloText(free[0] + w / 2, free[1] + 1 + LABEL_SIZE * 0.9, l.lines, LABEL_SIZE, l.color));
  }
  return out;
}

function featureSvg(p: GeoProjection, f: Feature, s: Style, labels: PendingLabel[]): string {
  // A label-only style (no fill, no stroke) draws no path.
  return featureSvgWith(p, f, s, (x, y, r) => labels.push({ x, y, r, lines: s.label!, color: s.labelColor ?? (r === null ? '#222' : '#111') }), false);
}

/** Scales the widths and sizes of a map style (map units) to points. */
function scaled(s: Style, k: number): Style {
  return { ...s, strokeWidth: s.strokeWidth === undefined ? undefined : s.strokeWidth * k, size: s.size === undefined ? undefined : s.size * k };
}

function swatchSvg(it: PrintLegendItem, x: number, y: number, w: number, h: number, k: number): string {
  const s = scaled(it.style, k);
  if (it.kind === 'area') return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" ${styleAttrs({ ...s, stroke: s.stroke ?? '#777', strokeWidth: s.strokeWidth ?? 0.5 }, 'area')}/>`;
  if (it.kind === 'line') {
    const line = (st: Style) => `<path d="M${num(x + 1)} ${num(y + h / 2)}H${num(x + w - 1)}" ${styleAttrs(st, 'line')}/>`;
    return (it.under ? line(scaled(it.under, k)) : '') + line(s);
  }
  return symbolSvg(x + w / 2, y + h / 2, { ...s, size: Math.min(s.size ?? h, h * 1.1) });
}

/** Lays the map out on the page: see the file comment. */
export function renderPrintMap(spec: PrintMapSpec): PrintMap {
  const { widthPt: W, heightPt: H } = pageSizePt(spec.paper, spec.orientation);
  const sc = Math.min(W, H) / A4_SHORT_PT;
  const margin = 28.35 * sc;
  const cw = W - 2 * margin;
  const top = margin + (spec.subtitle ? 40 : 28) * sc;
  // Foot: the data line (wrapped to the page width), then the attribution on a line of its own.
  const footFs = 7 * sc;
  const footLines = [...wrapLabel(spec.dataLine, (cw / footFs) * 0.95), ...(spec.attribution ? [spec.attribution] : [])];
  const bottom = H - margin - (footLines.length - 1) * footFs * 1.3 - 12 * sc;
  const gap = 10 * sc;
  const legendW = cw * (spec.orientation === 'portrait' ? 0.27 : 0.21);
  const frame: PageBox = { x: margin, y: top, width: cw - legendW - gap, height: bottom - top };
  const k = INNER_PT * sc;
  const iw = frame.width / k;
  const ih = frame.height / k;

  // Projection: the requested bbox (edges sampled, so the curved TM image of it fits) inside the frame.
  const [w, s, e, n] = spec.bbox;
  const pts: Position[] = [];
  for (let i = 0; i <= 8; i++) {
    const t = i / 8;
    pts.push([w + (e - w) * t, s], [w + (e - w) * t, n], [w, s + (n - s) * t], [e, s + (n - s) * t]);
  }
  // 5 % of the frame kept free on each side, so labels at the edge of the data stay on the page.
  const p = fittedProjection(pts, { x: iw * 0.05, y: ih * 0.05, width: iw * 0.9, height: ih * 0.9 });

  const body: string[] = [];
  const labels: PendingLabel[] = [];
  for (const layer of spec.layers) {
    const parts: string[] = [];
    for (const f of layer.features) {
      const st = layer.style(f);
      if (st) parts.push(featureSvg(p, f, st, labels));
    }
    if (parts.length) body.push(`<g>${parts.join('')}</g>`);
  }

  // Scale bar (bottom left inside the frame) and north arrow (top right): points.
  const mPerPt = metresPerUnit(p, iw / 2, ih / 2) / k;
  const lengthM = niceLengthM((frame.width / 4) * mPerPt);
  const barW = lengthM / mPerPt;
  const fs = 7.5 * sc;
  const bx = frame.x + 10 * sc;
  const by = frame.y + frame.height - 10 * sc;
  const barH = 3.5 * sc;
  const scaleLabel = lengthM >= 1000 ? `${lengthM / 1000} km` : `${lengthM} m`;
  const scaleBar =
    `<g font-size="${num(fs)}" fill="#222"><rect x="${num(bx - 5 * sc)}" y="${num(by - fs - 6 * sc)}" width="${num(barW + 5 * sc + textEms(scaleLabel) * fs * 0.5 + 8 * sc)}" height="${num(fs + barH + 10 * sc)}" fill="#ffffff" opacity="0.85"/>` +
    `<rect x="${num(bx)}" y="${num(by - barH)}" width="${num(barW / 2)}" height="${num(barH)}" fill="#222"/><rect x="${num(bx + barW / 2)}" y="${num(by - barH)}" width="${num(barW / 2)}" height="${num(barH)}" fill="#ffffff" stroke="#222" stroke-width="${num(0.6 * sc)}"/>` +
    `<text x="${num(bx)}" y="${num(by - barH - 2.5 * sc)}" text-anchor="middle">0</text><text x="${num(bx + barW)}" y="${num(by - barH - 2.5 * sc)}" text-anchor="middle">${esc(scaleLabel)}</text></g>`;
  const nx = frame.x + frame.width - 18 * sc;
  const ny = frame.y + 10 * sc;
  const north =
    `<g><circle cx="${num(nx)}" cy="${num(ny + 12 * sc)}" r="${num(14 * sc)}" fill="#ffffff" opacity="0.85"/>` +
    `<path d="M${num(nx)} ${num(ny)}L${num(nx + 6 * sc)} ${num(ny + 18 * sc)}L${num(nx)} ${num(ny + 14 * sc)}L${num(nx - 6 * sc)} ${num(ny + 18 * sc)}Z" fill="#222"/>` +
    `<text x="${num(nx)}" y="${num(ny + 26 * sc)}" font-size="${num(8 * sc)}" font-weight="bold" text-anchor="middle" fill="#222">${spec.lang === 'zh' ? '北' : 'N'}</text></g>`;

  // Legend column; a legend taller than the frame is laid out again at a smaller size (down to 60 %).
  const lx = frame.x + frame.width + gap;
  const layoutLegend = (f: number): { parts: string[]; height: number } => {
    const u = sc * f;
    const pad = 6 * u;
    const itemFs = 7.5 * u;
    const sw = 16 * u;
    const sh = 9 * u;
    const rowGap = 3 * u;
    const textX = pad + sw + 5 * u;
    const maxEms = ((legendW - textX - pad) / itemFs) * 0.95;
    const parts: string[] = [];
    let ly = pad + 10 * u;
    parts.push(`<text x="${num(lx + pad)}" y="${num(frame.y + ly)}" font-size="${num(10 * u)}" font-weight="bold" fill="#111">${esc(spec.legendTitle)}</text>`);
    ly += 8 * u;
    for (const g of spec.legend) {
      ly += 10 * u;
      parts.push(`<text x="${num(lx + pad)}" y="${num(frame.y + ly)}" font-size="${num(8.5 * u)}" font-weight="bold" fill="#222">${esc(g.title)}</text>`);
      ly += 4 * u;
      for (const it of g.items) {
        const lines = wrapLabel(it.label, maxEms);
        const rowH = Math.max(sh, lines.length * itemFs * 1.2);
        parts.push(swatchSvg(it, lx + pad, frame.y + ly, sw, sh, k * f));
        parts.push(
          `<text x="${num(lx + textX)}" y="${num(frame.y + ly + itemFs * 0.95)}" font-size="${num(itemFs)}" fill="#222">${lines.map((l, i) => `<tspan x="${num(lx + textX)}" dy="${i === 0 ? 0 : num(itemFs * 1.2)}">${esc(l)}</tspan>`).join('')}</text>`,
        );
        ly += rowH + rowGap;
      }
    }
    return { parts, height: ly + pad };
  };
  let laid = layoutLegend(1);
  if (laid.height > frame.height) laid = layoutLegend(Math.max(0.6, (frame.height / laid.height) * 0.98));
  const legendParts = laid.parts;
  const legend: PageBox = { x: lx, y: frame.y, width: legendW, height: Math.min(frame.height, laid.height) };

  const font = spec.fontFamily ?? FONT;
  const foot = H - margin;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(W)}pt" height="${num(H)}pt" viewBox="0 0 ${W.toFixed(2)} ${H.toFixed(2)}" font-family="${esc(font)}" role="img" aria-label="${esc(spec.title)}">`,
    `<rect width="${W.toFixed(2)}" height="${H.toFixed(2)}" fill="#ffffff"/>`,
    `<text x="${num(margin)}" y="${num(margin + 14 * sc)}" font-size="${num(16 * sc)}" font-weight="bold" fill="#111">${esc(spec.title)}</text>`,
    spec.subtitle ? `<text x="${num(margin)}" y="${num(margin + 28 * sc)}" font-size="${num(8.5 * sc)}" fill="#444">${esc(spec.subtitle)}</text>` : '',
    `<defs>${spec.defs ?? ''}<clipPath id="print-frame"><rect x="0" y="0" width="${num(iw)}" height="${num(ih)}"/></clipPath></defs>`,
    `<g transform="translate(${num(frame.x)} ${num(frame.y)}) scale(${k.toFixed(4)})"><rect x="0" y="0" width="${num(iw)}" height="${num(ih)}" fill="#f4f3ef"/><g clip-path="url(#print-frame)">${body.join('')}<g>${placeLabels(labels).join('')}</g></g></g>`,
    `<rect x="${num(frame.x)}" y="${num(frame.y)}" width="${num(frame.width)}" height="${num(frame.height)}" fill="none" stroke="#444" stroke-width="${num(0.8 * sc)}"/>`,
    scaleBar,
    north,
    `<rect x="${num(legend.x)}" y="${num(legend.y)}" width="${num(legend.width)}" height="${num(legend.height)}" fill="#ffffff" stroke="#999" stroke-width="${num(0.6 * sc)}"/>`,
    `<g>${legendParts.join('')}</g>`,
    ...footLines.map((l, i) => `<text x="${num(margin)}" y="${num(foot - (footLines.length - 1 - i) * footFs * 1.3)}" font-size="${num(footFs)}" fill="#555">${esc(l)}</text>`),
    '</svg>',
  ].join('\n');
  return { svg, widthPt: W, heightPt: H, frame, legend };
}
