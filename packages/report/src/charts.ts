import { esc, num } from './escape';
import { FONT } from './svg_map';

export interface BarSeries {
  name: string;
  colour: string;
  values: (number | null)[];
}

export interface BarChartSpec {
  title: string;
  categories: string[];
  series: BarSeries[];
  /** Axis label (unit). */
  unit: string;
  /** A marker per category (e.g. the district cap), drawn as a dark tick across the group. */
  markers?: { name: string; values: (number | null)[] };
  /** Digits of the value labels on the bars. */
  digits?: number;
}

const W = 900;
const H = 420;
const M = { left: 64, right: 20, top: 48, bottom: 96 };

/** The step of "nice" axis ticks for a maximum. */
function tickStep(max: number): number {
  const raw = max / 5;
  const e = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= raw) return m * e;
  return 10 * e;
}

/** A grouped bar chart as a standalone SVG document (deterministic; values from the report's figures). */
export function barChart(spec: BarChartSpec): string {
  const all = [...spec.series.flatMap((s) => s.values), ...(spec.markers?.values ?? [])].filter((v): v is number => v !== null && Number.isFinite(v));
  const max = Math.max(1e-9, ...all);
  const step = tickStep(max);
  const top = Math.ceil(max / step) * step;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const y = (v: number): number => M.top + plotH - (v / top) * plotH;
  const n = Math.max(1, spec.categories.length);
  const groupW = plotW / n;
  const barW = (groupW * 0.75) / Math.max(1, spec.series.length);
  const digits = spec.digits ?? 1;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}" role="img" aria-label="${esc(spec.title)}">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${M.left}" y="26" font-size="17" font-weight="bold" fill="#111">${esc(spec.title)}</text>`);
  for (let v = 0; v <= top + 1e-9; v += step) {
    out.push(`<path d="M${M.left} ${num(y(v))}H${W - M.right}" stroke="#e0e0e0" stroke-width="1"/>`);
    out.push(`<text x="${M.left - 6}" y="${num(y(v) + 4)}" font-size="11" text-anchor="end" fill="#444">${esc(Number(v.toFixed(6)))}</text>`);
  }
  out.push(`<text x="14" y="${num(M.top + plotH / 2)}" font-size="12" fill="#444" transform="rotate(-90 14 ${num(M.top + plotH / 2)})" text-anchor="middle">${esc(spec.unit)}</text>`);
  spec.categories.forEach((c, i) => {
    const gx = M.left + i * groupW + groupW * 0.125;
    spec.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || !Number.isFinite(v)) return;
      const x = gx + j * barW;
      out.push(`<rect x="${num(x)}" y="${num(y(v))}" width="${num(barW * 0.92)}" height="${num(y(0) - y(v))}" fill="${esc(s.colour)}"/>`);
      out.push(`<text x="${num(x + barW * 0.46)}" y="${num(y(v) - 3)}" font-size="10" text-anchor="middle" fill="#222">${esc(v.toFixed(digits))}</text>`);
    });
    const m = spec.markers?.values[i];
    if (m !== null && m !== undefined && Number.isFinite(m)) out.push(`<path d="M${num(gx - 4)} ${num(y(m))}H${num(gx + groupW * 0.75 + 4)}" stroke="#111" stroke-width="2.5" stroke-dasharray="6 3"/>`);
    out.push(`<text x="${num(M.left + (i + 0.5) * groupW)}" y="${H - M.bottom + 18}" font-size="12" text-anchor="middle" fill="#222">${esc(c)}</text>`);
  });
  out.push(`<path d="M${M.left} ${num(y(0))}H${W - M.right}" stroke="#444" stroke-width="1.2"/>`);
  const legend = [...spec.series.map((s) => ({ name: s.name, colour: s.colour, marker: false })), ...(spec.markers ? [{ name: spec.markers.name, colour: '#111', marker: true }] : [])];
  legend.forEach((l, i) => {
    const x = M.left + i * 220;
    const ly = H - 30;
    out.push(l.marker ? `<path d="M${x} ${ly - 4}H${x + 22}" stroke="#111" stroke-width="2.5" stroke-dasharray="6 3"/>` : `<rect x="${x}" y="${ly - 10}" width="22" height="12" fill="${esc(l.colour)}"/>`);
    out.push(`<text x="${x + 28}" y="${ly}" font-size="12" fill="#222">${esc(l.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
