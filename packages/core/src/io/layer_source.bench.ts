import iconv from 'iconv-lite';
import proj4 from 'proj4';
import { bench, describe } from 'vitest';
import { prng } from '../search/test_networks';
import { readLayer } from './layer_source';

// Targets (set here: a provincial capital's hydrant inventory is 20,000–100,000 rows): reading 100,000
// rows of a GB18030 CSV in CGCS2000 GK zone 35 into WGS84 ≤ 1 s; 100,000 GCJ-02 points ≤ 1 s.
const TARGET_MS = 1000;
const N = 100_000;
const verdict = (v: number, target: number): string => (v <= target ? 'OK' : 'OVER');

const rand = prng(10);
const toGk = proj4('EPSG:4326', '+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=35500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
const rows = ['编号,X坐标,Y坐标,状态,所在道路'];
const gcjRows = ['编号,经度,纬度,状态'];
for (let i = 0; i < N; i++) {
  const lon = 104.5 + rand() * 0.2;
  const lat = 30.0 + rand() * 0.2;
  const [e, n] = toGk.forward([lon, lat]);
  rows.push(`H${i},${e.toFixed(3)},${n.toFixed(3)},${i % 10 === 0 ? '损坏' : '完好'},人民路`);
  gcjRows.push(`H${i},${lon.toFixed(7)},${lat.toFixed(7)},完好`);
}
const gkCsv = new Uint8Array(iconv.encode(rows.join('\r\n'), 'gb18030'));
const gcjCsv = new TextEncoder().encode(gcjRows.join('\n'));

async function timed(bytes: Uint8Array, crs: string): Promise<number> {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const { fc } = await readLayer({ path: 'h.csv', crs }, { layer: 'hydrants', displayName: 'h.csv', read: async () => bytes });
    best = Math.min(best, performance.now() - t0);
    if (fc.features.length !== N) throw new Error(`read ${fc.features.length} of ${N}`);
  }
  return best;
}

describe('layer import', async () => {
  const gk = await timed(gkCsv, 'EPSG:4523');
  console.log(`100,000-row GB18030 CSV in GK zone 35 → WGS84: ${gk.toFixed(0)} ms (target ≤ ${TARGET_MS} ms) ${verdict(gk, TARGET_MS)}`);
  const gcj = await timed(gcjCsv, 'GCJ-02');
  console.log(`100,000-row UTF-8 CSV in GCJ-02 → WGS84: ${gcj.toFixed(0)} ms (target ≤ ${TARGET_MS} ms) ${verdict(gcj, TARGET_MS)}`);
  bench('100k-row GB18030 CSV, GK zone 35', async () => {
    await readLayer({ path: 'h.csv', crs: 'EPSG:4523' }, { layer: 'hydrants', displayName: 'h.csv', read: async () => gkCsv });
  });
});
