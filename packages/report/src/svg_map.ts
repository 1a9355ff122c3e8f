import type { GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { esc, num } from './escape';
import { fittedProjection, metresPerUnit, niceLengthM, positionsOf } from './projection';

export type Lang = 'en' | 'zh';

/** How one feature is drawn. `null` leaves it out. */
export interface Style {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  dash?: string;
  opacity?: number;
  /** Point symbol. */
  symbol?: 'circle' | 'half' | 'ring' | 'triangle' | 'square' | 'cross' | 'diamond';
  size?: number;
  /** A text label drawn at the point or polygon label position (lines of text). */
  label?: string[];
  labelColor?: string;
}

export interface MapLayer {
  features: readonly Feature[];
  style: (f: Feature) => Style | null;
}

export interface LegendItem {
  label: string;
  style: Style;
  /** How the swatch is drawn. */
  kind: 'area' | 'line' | 'point';
}

export interface MapSpec {
  id: string;
  title: string;
  subtitle?: string;
  layers: MapLayer[];
  legend: LegendItem[];
  /** Features that set the map extent (all drawn layers when absent). */
  extent?: readonly Feature[];
  /** "Data: …" line: data date and sources. */
  dataLine: string;
  /** Attribution line ("© OpenStreetMap contributors" only when OSM data is drawn). */
  attribution: string | null;
  lang: Lang;
}

export const MAP_WIDTH = 1000;
export const MAP_HEIGHT = 820;
const FRAME = { x: 20, y: 72, width: 960, height: 600 };
export const FONT = "'Noto Sans CJK SC','Noto Sans SC','Noto Sans',sans-serif";

function ringPath(p: GeoProjection, ring: Position[]): string {
  let d = '';
  for (let i = 0; i < ring.length; i++) {
    const xy = p([ring[i][0], ring[i][1]]);
    if (!xy) continue;
    d += `${i === 0 ? 'M' : 'L'}${num(xy[0])} ${num(xy[1])}`;
  }
  return d;
}

/** Planar SVG path of a line or polygon geometry (rings closed, even-odd holes). */
export function pathOf(p: GeoProjection, g: Geometry): string {
  switch (g.type) {
    case 'LineString':
      return ringPath(p, g.coordinates);
    case 'MultiLineString':
      return g.coordinates.map((l) => ringPath(p, l)).join('');
    case 'Polygon':
      return g.coordinates.map((r) => `${ringPath(p, r)}Z`).join('');
    case 'MultiPolygon':
      return g.coordinates.map((poly) => poly.map((r) => `${ringPath(p, r)}Z`).join('')).join('');
    case 'GeometryCollection':
      return g.geometries.map((x) => pathOf(p, x)).join('');
    default:
      return '';
  }
}

/** SVG presentation attributes of a style for an area, line or point. */
export function styleAttrs(s: Style, kind: 'area' | 'line' | 'point'): string {
  const a: string[] = [];
  a.push(`fill="${kind === 'line' ? 'none' : esc(s.fill ?? 'none')}"`);
  if (s.stroke) a.push(`stroke="${esc(s.stroke)}" stroke-width="${num(s.strokeWidth ?? 1)}"`);
  if (s.dash) a.push(`stroke-dasharray="${esc(s.dash)}"`);
  if (s.opacity !== undefined && s.opacity !== 1) a.push(`opacity="${Math.round(s.opacity * 100) / 100}"`);
  if (kind === 'area') a.push('fill-rule="evenodd"');
  if (kind !== 'point') a.push('stroke-linejoin="round" stroke-linecap="round"');
  return a.join(' ');
}

/** A point symbol centred on (x, y). */
export function symbolSvg(x: number, y: number, s: Style): string {
  const r = (s.size ?? 8) / 2;
  const attrs = styleAttrs(s, 'point');
  switch (s.symbol ?? 'circle') {
    case 'circle':
      return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" ${attrs}/>`;
    case 'ring':
      return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="#ffffff" stroke="${esc(s.fill ?? s.stroke ?? '#000')}" stroke-width="${num(Math.max(1.5, r / 3))}"${s.dash ? ` stroke-dasharray="${esc(s.dash)}"` : ''}/>`;
    case 'half': {
      const c = esc(s.fill ?? '#000');
      return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="#ffffff" stroke="${c}" stroke-width="${num(Math.max(1.5, r / 4))}"/><path d="M${num(x - r)} ${num(y)}A${num(r)} ${num(r)} 0 0 1 ${num(x + r)} ${num(y)}Z" fill="${c}"/>`;
    }
    case 'triangle':
      return `<path d="M${num(x)} ${num(y - r)}L${num(x + r)} ${num(y + r * 0.8)}L${num(x - r)} ${num(y + r * 0.8)}Z" ${attrs}/>`;
    case 'square':
      return `<rect x="${num(x - r)}" y="${num(y - r)}" width="${num(2 * r)}" height="${num(2 * r)}" ${attrs}/>`;
    case 'diamond':
      return `<path d="M${num(x)} ${num(y - r)}L${num(x + r)} ${num(y)}L${num(x)} ${num(y + r)}L${num(x - r)} ${num(y)}Z" ${attrs}/>`;
    case 'cross':
      return `<path d="M${num(x - r)} ${num(y)}H${num(x + r)}M${num(x)} ${num(y - r)}V${num(y + r)}" stroke="${esc(s.stroke ?? s.fill ?? '#000')}" stroke-width="${num(s.strokeWidth ?? 2.5)}"/>`;
  }
}

function labelSvg(x: number, y: number, lines: string[], color = '#222'): string {
  const tsp = lines.map((l, i) => `<tspan x="${num(x)}" dy="${i === 0 ? 0 : 14}">${esc(l)}</tspan>`).join('');
  return `<text x="${num(x)}" y="${num(y)}" font-size="12" fill="${esc(color)}" stroke="#ffffff" stroke-width="3" paint-order="stroke" text-anchor="middle">${tsp}</text>`;
}

/** A label position for a polygon: the centre of the bounding box of its largest ring, in map units. */
export function polygonAnchor(p: GeoProjection, g: Geometry): [number, number] | null {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let best: [number, number] | null = null;
  let bestArea = -1;
  for (const poly of polys) {
    const ring = poly[0];
    if (!ring) continue;
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (const c of ring) {
      const xy = p([c[0], c[1]]);
      if (!xy) continue;
      x0 = Math.min(x0, xy[0]);
      x1 = Math.max(x1, xy[0]);
      y0 = Math.min(y0, xy[1]);
      y1 = Math.max(y1, xy[1]);
    }
    const area = (x1 - x0) * (y1 - y0);
    if (area > bestArea) {
      bestArea = area;
      best = [(x0 + x1) / 2, (y0 + y1) / 2];
    }
  }
  return best;
}

/**
 * One feature as SVG: a symbol per point, else its path. `label(x, y, r)` is told where the feature's label
 * goes (a point's position with the symbol's radius, an area's anchor with r null); `bare`: draw the path of
 * a style with neither fill nor stroke (the report does; the print layout's label-only styles do not).
 */
export function featureSvgWith(p: GeoProjection, f: Feature, s: Style, label: (x: number, y: number, r: number | null) => void, bare = true): string {
  const g = f.geometry;
  if (!g) return '';
  if (g.type === 'Point' || g.type === 'MultiPoint') {
    const pts = g.type === 'Point' ? [g.coordinates] : g.coordinates;
    let out = '';
    for (const c of pts) {
      const xy = p([c[0], c[1]]);
      if (!xy) continue;
      out += symbolSvg(xy[0], xy[1], s);
      if (s.label) label(xy[0], xy[1], (s.size ?? 8) / 2);
    }
    return out;
  }
  const kind = g.type === 'LineString' || g.type === 'MultiLineString' ? 'line' : 'area';
  const d = pathOf(p, g);
  if (s.label && kind === 'area') {
    const a = polygonAnchor(p, g);
    if (a) label(a[0], a[1], null);
  }
  const paints = bare || (s.fill !== undefined && s.fill !== 'none') || s.stroke !== undefined;
  return d && paints ? `<path d="${d}" ${styleAttrs(s, kind)}/>` : '';
}

function featureSvg(p: GeoProjection, f: Feature, s: Style, labels: string[]): string {
  return featureSvgWith(p, f, s, (x, y, r) => {
    const lines = s.label!;
    labels.push(r === null ? labelSvg(x, y - 7 * (lines.length - 1), lines, s.labelColor) : labelSvg(x, y - r - 6 - 14 * (lines.length - 1), lines, s.labelColor));
  });
}

function legendSvg(items: LegendItem[], x: number, y: number, width: number): string {
  const cols = 3;
  const colW = width / cols;
  let out = '';
  items.forEach((it, i) => {
    const cx = x + (i % cols) * colW;
    const cy = y + Math.floor(i / cols) * 22;
    const s = it.style;
    if (it.kind === 'area') out += `<rect x="${num(cx)}" y="${num(cy - 9)}" width="22" height="13" ${styleAttrs({ ...s, stroke: s.stroke ?? '#666', strokeWidth: s.strokeWidth ?? 0.8 }, 'area')}/>`;
    else if (it.kind === 'line') out += `<path d="M${num(cx)} ${num(cy - 3)}H${num(cx + 22)}" ${styleAttrs(s, 'line')}/>`;
    else out += symbolSvg(cx + 11, cy - 3, { ...s, size: Math.min(s.size ?? 10, 14) });
    out += `<text x="${num(cx + 30)}" y="${num(cy + 1)}" font-size="13" fill="#222">${esc(it.label)}</text>`;
  });
  return out;
}

function scaleBar(p: GeoProjection, lang: Lang): string {
  const mPer = metresPerUnit(p, FRAME.x + FRAME.width / 2, FRAME.y + FRAME.height / 2);
  const lengthM = niceLengthM((FRAME.width / 4) * mPer);
  const w = lengthM / mPer;
  const x = FRAME.x + 16;
  const y = FRAME.y + FRAME.height - 18;
  const label = lengthM >= 1000 ? `${lengthM / 1000} km` : `${lengthM} m`;
  const half = w / 2;
  return (
    `<g font-size="12" fill="#222"><rect x="${num(x - 6)}" y="${num(y - 22)}" width="${num(w + 60)}" height="32" fill="#ffffff" opacity="0.85"/>` +
    `<rect x="${num(x)}" y="${num(y)}" width="${num(half)}" height="5" fill="#222"/><rect x="${num(x + half)}" y="${num(y)}" width="${num(half)}" height="5" fill="#ffffff" stroke="#222" stroke-width="1"/>` +
    `<text x="${num(x)}" y="${num(y - 5)}">0</text><text x="${num(x + w)}" y="${num(y - 5)}" text-anchor="middle">${esc(label)}</text>` +
    `<text x="${num(x + w + 8)}" y="${num(y + 6)}" font-size="10">${lang === 'zh' ? '比例尺' : 'scale'}</text></g>`
  );
}

function northArrow(lang: Lang): string {
  const x = FRAME.x + FRAME.width - 34;
  const y = FRAME.y + 20;
  return (
    `<g><path d="M${x} ${y}L${x + 10} ${y + 30}L${x} ${y + 24}L${x - 10} ${y + 30}Z" fill="#222"/>` +
    `<text x="${x}" y="${y + 46}" font-size="13" font-weight="bold" text-anchor="middle" fill="#222">${lang === 'zh' ? '北' : 'N'}</text></g>`
  );
}

/** A map as a standalone SVG document: title, frame, layers, legend, scale bar, north arrow, data line, attribution. */
export function renderMap(spec: MapSpec): string {
  const extentFeatures = spec.extent ?? spec.layers.flatMap((l) => l.features);
  const pts: Position[] = [];
  for (const f of extentFeatures) positionsOf(f.geometry, pts);
  const p = fittedProjection(pts, { x: FRAME.x + 20, y: FRAME.y + 20, width: FRAME.width - 40, height: FRAME.height - 40 });
  const body: string[] = [];
  const labels: string[] = [];
  for (const layer of spec.layers) {
    const parts: string[] = [];
    for (const f of layer.features) {
      const s = layer.style(f);
      if (s) parts.push(featureSvg(p, f, s, labels));
    }
    body.push(`<g>${parts.join('')}</g>`);
  }
  const clipId = `frame-${spec.id}`;
  const legendRows = Math.ceil(spec.legend.length / 3);
  const legendY = FRAME.y + FRAME.height + 28;
  const height = Math.max(MAP_HEIGHT, legendY + legendRows * 22 + 44);
  const foot = height - 14;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_WIDTH}" height="${height}" viewBox="0 0 ${MAP_WIDTH} ${height}" font-family="${FONT}" role="img" aria-label="${esc(spec.title)}">`,
    `<rect width="${MAP_WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${FRAME.x}" y="32" font-size="22" font-weight="bold" fill="#111">${esc(spec.title)}</text>`,
    spec.subtitle ? `<text x="${FRAME.x}" y="56" font-size="13" fill="#444">${esc(spec.subtitle)}</text>` : '',
    `<defs><clipPath id="${esc(clipId)}"><rect x="${FRAME.x}" y="${FRAME.y}" width="${FRAME.width}" height="${FRAME.height}"/></clipPath></defs>`,
    `<rect x="${FRAME.x}" y="${FRAME.y}" width="${FRAME.width}" height="${FRAME.height}" fill="#fbfbf8"/>`,
    `<g clip-path="url(#${esc(clipId)})">${body.join('')}<g>${labels.join('')}</g></g>`,
    `<rect x="${FRAME.x}" y="${FRAME.y}" width="${FRAME.width}" height="${FRAME.height}" fill="none" stroke="#444" stroke-width="1"/>`,
    scaleBar(p, spec.lang),
    northArrow(spec.lang),
    legendSvg(spec.legend, FRAME.x, legendY, FRAME.width),
    `<text x="${FRAME.x}" y="${foot}" font-size="11" fill="#555">${esc(spec.dataLine)}</text>`,
    spec.attribution ? `<text x="${FRAME.x + FRAME.width}" y="${foot}" font-size="11" fill="#555" text-anchor="end">${esc(spec.attribution)}</text>` : '',
    '</svg>',
  ].join('\n');
}

export type { FeatureCollection };
