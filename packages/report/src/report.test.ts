import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { launchBrowser, crc32, withDpi, ToolMissingError } from './browser';
import { barChart } from './charts';
import { esc, fmt } from './escape';
import { fittedProjection, metresPerUnit, niceLengthM } from './projection';
import { renderMap, type MapSpec } from './svg_map';
import { parseXml } from './testing';

const point = (lon: number, lat: number, props: Record<string, unknown> = {}): Feature => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } });
const square = (lon: number, lat: number, d: number): Feature => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] },
});

function spec(name: string): MapSpec {
  return {
    id: 'test',
    title: `Map of ${name}`,
    layers: [
      { features: [square(104.5, 30, 0.02)], style: () => ({ fill: '#ccc', label: [name] }) },
      { features: [point(104.51, 30.01, { name })], style: () => ({ symbol: 'half', fill: '#d00', label: [name] }) },
    ],
    legend: [{ kind: 'point', label: name, style: { symbol: 'ring', fill: '#d00' } }],
    dataLine: 'Data date: 2026-12-01',
    attribution: null,
    lang: 'en',
  };
}

describe('text from the data is text', () => {
  it('escapes markup characters', () => {
    expect(esc('<script>alert("x")</script> & \'y\'')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });
  it('a station named <script> stays text in a map, and the map is well-formed XML', () => {
    const svg = renderMap(spec('<script>alert(1)</script>'));
    expect(parseXml(svg)).toBe('svg');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('drops characters XML 1.0 forbids', () => {
    expect(parseXml(renderMap(spec('bell\u0007 and form feed\u000c')))).toBe('svg');
  });
});

describe('maps', () => {
  it('are byte-identical for the same input', () => {
    expect(renderMap(spec('A'))).toBe(renderMap(spec('A')));
  });
  it('carry title, scale bar, north arrow, data date; no OSM attribution unless asked', () => {
    const svg = renderMap(spec('A'));
    expect(svg).toContain('>Map of A<');
    expect(svg).toContain('>N<');
    expect(svg).toContain('Data date: 2026-12-01');
    expect(svg).not.toContain('OpenStreetMap');
    expect(renderMap({ ...spec('A'), attribution: '© OpenStreetMap contributors' })).toContain('© OpenStreetMap contributors');
  });
  it('scale: a degree of longitude on the equator spans the fitted frame (111.195 km per degree on the 6,371,008.8 m sphere)', () => {
    // 0.1° × π/180 × 6,371,008.8 m = 11,119.5 m across a 500-unit-wide frame (the limiting side for a 500 × 500 frame
    // and a 0.1° × 0.05° box) → 22.24 m per unit.
    const p = fittedProjection(
      [
        [0, 0],
        [0.1, 0.05],
      ],
      { x: 0, y: 0, width: 500, height: 500 },
    );
    const expected = (0.1 * Math.PI * 6_371_008.8) / 180 / 500;
    expect(metresPerUnit(p, 250, 250)).toBeCloseTo(expected, 2);
  });
  it('north is up: a point north of another is drawn above it', () => {
    const p = fittedProjection(
      [
        [104.5, 30],
        [104.6, 30.1],
      ],
      { x: 0, y: 0, width: 500, height: 500 },
    );
    const a = p([104.55, 30.02])!;
    const b = p([104.55, 30.08])!;
    expect(b[1]).toBeLessThan(a[1]);
    expect(Math.abs(a[0] - b[0])).toBeLessThan(1e-6);
  });
  it('scale bar lengths are 1-2-5 steps not above the room', () => {
    expect([niceLengthM(3400), niceLengthM(999), niceLengthM(1000), niceLengthM(260)]).toEqual([2000, 500, 1000, 200]);
  });
});

describe('charts', () => {
  it('are well-formed XML with escaped category names and the values printed', () => {
    const svg = barChart({ title: 'Areas', categories: ['<b>', 'B'], series: [{ name: 'area', colour: '#00f', values: [1.25, null] }], markers: { name: 'cap', values: [7, 4] }, unit: 'km²', digits: 2 });
    expect(parseXml(svg)).toBe('svg');
    expect(svg).toContain('&lt;b&gt;');
    expect(svg).toContain('>1.25<');
  });
});

describe('figures are formatted as analyze prints them', () => {
  it('fixed decimals, a dash for none', () => {
    expect([fmt(1.005, 2), fmt(null), fmt(Infinity), fmt(12.34, 1), fmt(7, 0)]).toEqual([(1.005).toFixed(2), '—', '—', '12.3', '7']);
  });
});

describe('PNG resolution', () => {
  it('CRC-32 of the IEND chunk type is the PNG constant AE 42 60 82', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
  it('withDpi writes a pHYs chunk of 300 dpi = 11,811 px/m after IHDR', () => {
    // The smallest PNG: signature, IHDR (1×1 grey), IDAT, IEND.
    const b64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVQI12NgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==';
    const png = withDpi(new Uint8Array(Buffer.from(b64, 'base64')), 300);
    const at = Buffer.from(png).indexOf('pHYs');
    expect(at).toBe(8 + 25 + 4);
    const v = new DataView(png.buffer, png.byteOffset);
    expect([v.getUint32(at + 4), v.getUint32(at + 8), png[at + 12]]).toEqual([11811, 11811, 1]);
    expect(v.getUint32(at + 13)).toBe(crc32(png.subarray(at, at + 13)));
  });
});

describe('a missing browser', () => {
  it('is a clear message in English and Chinese, not a crash', async () => {
    const e = await launchBrowser('/nonexistent/chromium').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ToolMissingError);
    expect((e as ToolMissingError).message).toMatch(/no Chromium at \/nonexistent\/chromium.*report\.html was still written/);
    expect((e as ToolMissingError).messageZh).toMatch(/未找到 Chromium/);
  });
});
