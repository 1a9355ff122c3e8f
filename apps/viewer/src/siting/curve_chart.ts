import { scaleLinear } from 'd3-scale';
import type { SitingCurvePoint } from './siting_types';

/**
 * The coverage curve as a small SVG: covered share (%) against the number of new stations, from p = 0
 * (the fixed stations alone) to the curve's last p; each point labelled with its share.
 */
export function curveSvg(curve: SitingCurvePoint[], title: string, xLabel: string, width = 280, height = 150): string {
  if (curve.length === 0) return '';
  const base = curve[0].coveredShare - curve[0].marginalShare;
  const pts: [number, number][] = [[0, base * 100], ...curve.map((c) => [c.p, c.coveredShare * 100] as [number, number])];
  const m = { l: 38, r: 20, t: 18, b: 28 };
  const x = scaleLinear().domain([0, pts[pts.length - 1][0]]).range([m.l, width - m.r]);
  const lo = Math.max(0, Math.floor(Math.min(...pts.map((p) => p[1])) / 5) * 5);
  const y = scaleLinear().domain([lo, 100]).range([height - m.b, m.t]).nice();
  const path = pts.map(([p, v], i) => `${i ? 'L' : 'M'}${x(p).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const yTicks = y.ticks(4).map((v) => `<g><line x1="${m.l}" x2="${width - m.r}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e5e5e5"/><text x="${m.l - 4}" y="${(y(v) + 3).toFixed(1)}" text-anchor="end">${v}%</text></g>`).join('');
  const xTicks = pts.map(([p]) => `<text x="${x(p).toFixed(1)}" y="${height - m.b + 12}" text-anchor="middle">${p}</text>`).join('');
  const dots = pts
    .map(([p, v], i) => `<circle cx="${x(p).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.2" fill="${i === 0 ? '#fff' : '#762a83'}" stroke="#762a83" stroke-width="1.5"><title>p = ${p}: ${v.toFixed(2)} %</title></circle>${i ? `<text x="${x(p).toFixed(1)}" y="${(y(v) - 6).toFixed(1)}" text-anchor="middle" class="val">${v.toFixed(1)}</text>` : ''}`)
    .join('');
  return `<svg id="siting-curve" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-size="10" font-family="sans-serif">
<title>${escapeXml(title)}</title>${yTicks}${xTicks}<path d="${path}" fill="none" stroke="#762a83" stroke-width="2"/>${dots}
<text x="${(m.l + width - m.r) / 2}" y="${height - 3}" text-anchor="middle">${escapeXml(xLabel)}</text></svg>`;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
