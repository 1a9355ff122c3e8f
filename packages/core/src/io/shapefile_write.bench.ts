import type { Feature, FeatureCollection } from 'geojson';
import { bench, describe } from 'vitest';
import { prng } from '../search/test_networks';
import { writeShapefile } from './shapefile_write';

// Targets (set here, as for the readers: a provincial capital's hydrant inventory is 20,000–100,000
// rows, its reached road network some 100,000 links): writing 100,000 hydrant points with Chinese
// names as a GBK Shapefile ≤ 1 s; 100,000 road lines of 8 vertices ≤ 1 s.
const TARGET_MS = 1000;
const N = 100_000;
const verdict = (v: number, target: number): string => (v <= target ? 'OK' : 'OVER');

const rand = prng(10);
const roads = ['人民路', '滨江大道', '解放路', 'Century Avenue'];
const points: FeatureCollection = {
  type: 'FeatureCollection',
  features: Array.from({ length: N }, (_, i): Feature => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [104.5 + rand() * 0.2, 30 + rand() * 0.2] },
    properties: { id: `H${i}`, status: i % 10 === 0 ? 'damaged' : 'working', statusZh: i % 10 === 0 ? '损坏' : '完好', road: roads[i % 4], diameterMm: i % 3 === 0 ? 150 : 100, nearest_hydrant_m: Math.round(rand() * 2000) / 10, working: i % 10 !== 0 },
  })),
};
const lines: FeatureCollection = {
  type: 'FeatureCollection',
  features: Array.from({ length: N }, (_, i): Feature => {
    const x = 104.5 + rand() * 0.2;
    const y = 30 + rand() * 0.2;
    return { type: 'Feature', geometry: { type: 'LineString', coordinates: Array.from({ length: 8 }, (_, k) => [x + k * 1e-4, y + k * 5e-5]) }, properties: { linkId: i, stationId: 'chengzhong', fromS: Math.round(rand() * 3000) / 10, toS: 300 } };
  }),
};

function timed(fc: FeatureCollection, encoding: 'utf-8' | 'gbk'): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const out = writeShapefile(fc, 'b', { encoding });
    best = Math.min(best, performance.now() - t0);
    if (out.sets[0].records !== N) throw new Error(`wrote ${out.sets[0].records} of ${N}`);
  }
  return best;
}

describe('Shapefile writing', () => {
  const gbk = timed(points, 'gbk');
  console.log(`100,000 hydrant points, GBK attributes: ${gbk.toFixed(0)} ms (target ≤ ${TARGET_MS} ms) ${verdict(gbk, TARGET_MS)}`);
  const utf8 = timed(points, 'utf-8');
  console.log(`100,000 hydrant points, UTF-8 attributes: ${utf8.toFixed(0)} ms (target ≤ ${TARGET_MS} ms) ${verdict(utf8, TARGET_MS)}`);
  const l = timed(lines, 'utf-8');
  console.log(`100,000 road lines of 8 vertices: ${l.toFixed(0)} ms (target ≤ ${TARGET_MS} ms) ${verdict(l, TARGET_MS)}`);
  bench('100k points, GBK', () => {
    writeShapefile(points, 'b', { encoding: 'gbk' });
  });
});
