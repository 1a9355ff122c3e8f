import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { pageSizePt, pageSizePx, placeLabels, renderPrintMap, wrapLabel, type Orientation, type Paper, type PrintMapSpec } from './print_map';

// ISO 216: A4 = 210 × 297 mm, A3 = 297 × 420 mm; 1 in = 25.4 mm = 72 pt.
describe('paper sizes', () => {
  it('A4 portrait at 300 dpi is 2480 × 3508 px (210 / 25.4 × 300 = 2480.3, 297 / 25.4 × 300 = 3507.9)', () => {
    expect(pageSizePx('A4', 'portrait', 300)).toEqual({ width: 2480, height: 3508 });
  });
  it('A3 landscape at 150 dpi is 2480 × 1754 px; A4 portrait at 600 dpi is 4961 × 7016 px', () => {
    expect(pageSizePx('A3', 'landscape', 150)).toEqual({ width: 2480, height: 1754 });
    // 210 / 25.4 × 600 = 4960.6 → 4961; 297 / 25.4 × 600 = 7015.7 → 7016
    expect(pageSizePx('A4', 'portrait', 600)).toEqual({ width: 4961, height: 7016 });
  });
  it('A4 in points is 595.28 × 841.89; landscape swaps the sides', () => {
    const p = pageSizePt('A4', 'portrait');
    expect(p.widthPt).toBeCloseTo(595.2756, 3);
    expect(p.heightPt).toBeCloseTo(841.8898, 3);
    const l = pageSizePt('A4', 'landscape');
    expect([l.widthPt, l.heightPt]).toEqual([p.heightPt, p.widthPt]);
  });
});

describe('wrapLabel', () => {
  it('keeps a short label whole and breaks a long one at spaces, never losing a word', () => {
    expect(wrapLabel('Road', 10)).toEqual(['Road']);
    const words = 'Land with neither hydrant nor intake';
    const lines = wrapLabel(words, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(words);
  });
  it('breaks Chinese between characters, each line within the width (1 em per character)', () => {
    const s = '既无消火栓也无取水点的用地';
    const lines = wrapLabel(s, 5);
    expect(lines.join('')).toBe(s);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(5);
  });
});

const square = (x0: number, y0: number, d: number, props: Record<string, unknown>): Feature => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]] },
});

function spec(paper: Paper, orientation: Orientation, attribution: string | null): PrintMapSpec {
  const districts = [square(104.5, 30.0, 0.02, { name: 'A' }), square(104.52, 30.0, 0.02, { name: 'B' }), square(104.5, 30.02, 0.02, { name: 'C' })];
  return {
    paper,
    orientation,
    title: 'Test town',
    subtitle: 'subtitle',
    legendTitle: 'Legend',
    layers: [{ features: districts, style: () => ({ fill: '#ccebc5', stroke: '#333333', strokeWidth: 1.4, label: ['district'] }) }],
    legend: [{ title: 'Districts', items: [{ kind: 'area', label: 'District', style: { fill: '#ccebc5' } }, { kind: 'line', label: 'Road', style: { stroke: '#fff', strokeWidth: 2 }, under: { stroke: '#999', strokeWidth: 4 } }] }],
    bbox: [104.5, 30.0, 104.54, 30.04],
    dataLine: 'Data: test',
    attribution,
    lang: 'en',
  };
}

describe('renderPrintMap', () => {
  for (const paper of ['A4', 'A3'] as const)
    for (const orientation of ['portrait', 'landscape'] as const) {
      it(`${paper} ${orientation}: the page is the paper, the legend sits beside the frame, both inside the margins`, () => {
        const m = renderPrintMap(spec(paper, orientation, null));
        const page = pageSizePt(paper, orientation);
        expect([m.widthPt, m.heightPt]).toEqual([page.widthPt, page.heightPt]);
        expect(m.svg).toContain(`viewBox="0 0 ${page.widthPt.toFixed(2)} ${page.heightPt.toFixed(2)}"`);
        // disjoint: the legend starts right of the frame's right edge
        expect(m.legend.x).toBeGreaterThan(m.frame.x + m.frame.width);
        for (const b of [m.frame, m.legend]) {
          expect(b.x).toBeGreaterThan(0);
          expect(b.y).toBeGreaterThan(0);
          expect(b.x + b.width).toBeLessThan(m.widthPt);
          expect(b.y + b.height).toBeLessThan(m.heightPt);
        }
        // A 10 mm margin at A4 (28.35 pt), scaled by √2 at A3
        expect(m.frame.x).toBeCloseTo(paper === 'A4' ? 28.35 : 28.35 * Math.SQRT2, 1);
      });
    }

  it('draws each district as a closed path with its style, and the attribution only when given', () => {
    const m = renderPrintMap(spec('A4', 'portrait', null));
    const paths = [...m.svg.matchAll(/<path d="(M[^"]*Z)" fill="#ccebc5" stroke="#333333"/g)];
    expect(paths).toHaveLength(3);
    expect(m.svg).not.toContain('OpenStreetMap');
    expect(m.svg).not.toContain('paint-order');
    const osm = renderPrintMap(spec('A4', 'portrait', '© OpenStreetMap contributors'));
    expect(osm.svg).toContain('© OpenStreetMap contributors');
  });

  it('a scale bar of the 1-2-5 length that fits a quarter of the frame: 1 km for a 0.04° square at 30° N on A4', () => {
    // Frame on A4 portrait: 538.6 pt of content width less the legend (27 %) and a 10 pt gutter = 383.2 pt wide,
    // the data fitted into its inner 90 % = 344.9 pt. The bbox is 0.04° × cos 30° × 111.195 km = 3.852 km wide
    // and 4.448 km tall (the frame is 733 pt tall: the width binds), 3852 m / 344.9 pt = 11.17 m/pt; a quarter
    // of the frame, 95.8 pt, is 1070 m → the longest 1-2-5 length not above it is 1 km.
    const m = renderPrintMap(spec('A4', 'portrait', null));
    expect(m.frame.width).toBeCloseTo(383.2, 0);
    const label = /text-anchor="middle">(\d+(?:\.\d+)?) (m|km)<\/text>/.exec(m.svg);
    expect(label?.slice(1)).toEqual(['1', 'km']);
  });
});

describe('placeLabels', () => {
  const box = (svg: string) => {
    const m = /<text x="([\d.-]+)" y="([\d.-]+)"[^>]*fill="#ffffff"/.exec(svg)!;
    return { x: Number(m[1]), y: Number(m[2]) };
  };
  it('a label that would cover a higher one moves to a free position; a free label stays at its first choice', () => {
    // Same point twice: the later (upper) label takes "below", the earlier one must go elsewhere (above).
    const out = placeLabels([
      { x: 100, y: 100, r: 6, lines: ['lower'], color: '#000' },
      { x: 100, y: 100, r: 6, lines: ['upper'], color: '#000' },
    ]);
    const upper = box(out[0]);
    const lower = box(out[1]);
    expect(upper.y).toBeGreaterThan(100); // below the symbol
    expect(lower.y).toBeLessThan(100); // above it
    const alone = box(placeLabels([{ x: 300, y: 300, r: 6, lines: ['alone'], color: '#000' }])[0]);
    expect(alone.x).toBe(300);
    expect(alone.y).toBeGreaterThan(300);
  });
});

describe('renderPrintMap fitting', () => {
  it('a legend too tall for the frame is set smaller so its box stays within the frame height', () => {
    const s = spec('A4', 'landscape', null);
    const items = Array.from({ length: 40 }, (_, i) => ({ kind: 'area' as const, label: `class ${i}`, style: { fill: '#888' } }));
    const m = renderPrintMap({ ...s, legend: [{ title: 'Many', items }] });
    expect(m.legend.height).toBeLessThanOrEqual(m.frame.height);
    // the last entry's text baseline lies inside the frame's height (≥ 60 % size still fits 40 rows on A4 landscape)
    const ys = [...m.svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" font-size="[\d.]+" fill="#222"><tspan[^>]*>class 39</g)].map((x) => Number(x[1]));
    expect(ys).toHaveLength(1);
    expect(ys[0]).toBeLessThan(m.frame.y + m.frame.height);
  });
  it('a long data line wraps above the attribution, and the frame ends above the foot', () => {
    const s = spec('A4', 'portrait', '© OpenStreetMap contributors');
    const m = renderPrintMap({ ...s, dataLine: `Data: ${'a long description of where the data came from '.repeat(6)}` });
    const foot = [...m.svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" font-size="7" fill="#555">([^<]*)</g)].map((x) => ({ y: Number(x[1]), text: x[2] }));
    expect(foot.length).toBeGreaterThanOrEqual(3);
    expect(foot[foot.length - 1].text).toBe('© OpenStreetMap contributors');
    for (let i = 1; i < foot.length; i++) expect(foot[i].y).toBeGreaterThan(foot[i - 1].y);
    expect(m.frame.y + m.frame.height).toBeLessThan(foot[0].y - 7);
  });
});
