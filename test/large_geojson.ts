import { closeSync, openSync, statSync, writeSync } from 'node:fs';

/**
 * Writes a synthetic road GeoJSON of about `targetBytes` to `path` (for benchmarks and large-input
 * tests, always in the OS tmpdir, never in the repository): a square grid of streets 0.001° apart
 * around 116.3°E 39.9°N, every block side one LineString feature of 11 vertices (7 decimals), with
 * Chinese classes and names, every fifth street one-way. Returns the grid size and counts, so a
 * reader's figures can be checked against the closed form: (n + 1)² junctions, 2 n (n + 1) links.
 */
export function writeGridGeoJson(path: string, targetBytes: number): { n: number; features: number; vertices: number; bytes: number } {
  const perFeature = 400; // bytes, measured on this format
  const n = Math.max(1, Math.round(Math.sqrt(targetBytes / perFeature / 2)));
  const fd = openSync(path, 'w');
  const classes = ['主干路', '次干路', '支路', '快速路'];
  let buf = '{"type":"FeatureCollection","name":"synthetic grid","features":[\n';
  let features = 0;
  let vertices = 0;
  const flush = (force: boolean) => {
    if (force || buf.length > 4 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  };
  const feature = (x0: number, y0: number, dx: number, dy: number, street: number) => {
    const pts: string[] = [];
    for (let k = 0; k <= 10; k++) pts.push(`[${(116.3 + (x0 + (dx * k) / 10) * 0.001).toFixed(7)},${(39.9 + (y0 + (dy * k) / 10) * 0.001).toFixed(7)}]`);
    const oneway = street % 5 === 0 ? ',"oneway":"yes"' : '';
    buf += `${features === 0 ? '' : ',\n'}{"type":"Feature","properties":{"class":"${classes[street % 4]}","name":"路${street}"${oneway}},"geometry":{"type":"LineString","coordinates":[${pts.join(',')}]}}`;
    features++;
    vertices += 11;
    flush(false);
  };
  for (let j = 0; j <= n; j++) for (let i = 0; i < n; i++) feature(i, j, 1, 0, j);
  for (let i = 0; i <= n; i++) for (let j = 0; j < n; j++) feature(i, j, 0, 1, n + 1 + i);
  buf += '\n]}\n';
  flush(true);
  closeSync(fd);
  return { n, features, vertices, bytes: statSync(path).size };
}
