import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { readOsm } from '../packages/core/src/index';
import { prng } from '../packages/core/src/search/test_networks';
import { BIN } from '../packages/cli/test/run_cli';
import { haveSharedData, REPO_ROOT, RHEIN_NECKAR_PBF } from './shared_data';

// Whole processes side by side in one run (issue "Hardening and scale", scale on one machine):
//  - Rhein-Neckar as an edge table of road segments (~177k edges): firecover ≤ 0.5 × networkx;
//  - a 4.5 M-edge grid table: firecover no slower than pandas + scipy, peaking under 1.2 GB.
// Each command runs `reach --edges E --nodes N --from-node S --budget 240 --out O` or its peer script
// (test/peers/*.py), timed and measured (peak RSS) by /usr/bin/time.
const TARGET_VS_NETWORKX = 0.5;
const TARGET_VS_SCIPY = 1.0;
const TARGET_PEAK_MB = 1200;
const DIR = join(tmpdir(), 'firecover-edge-bench');
// Before/after in one run: FIRECOVER_BENCH_BASELINE=path/to/an/older/bin/firecover.mjs (e.g. a copy of
// packages/cli/bin and dist, with packages/core/dist, built from the commit to compare with) adds its
// figures beside the current build's, measured in the same repetitions.
const BASELINE = process.env.FIRECOVER_BENCH_BASELINE;

interface Run {
  s: number;
  mb: number;
  reached: string;
}

function timed(cmd: string, args: string[]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8', cwd: REPO_ROOT, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(-800)}`);
  const [s, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { s, mb: kb / 1024, reached: r.stdout.trim().split('\n').pop() ?? '' };
}

class CsvFile {
  private fd: number;
  private buf: string[] = [];
  constructor(path: string, header: string) {
    this.fd = openSync(path, 'w');
    this.buf.push(header);
  }
  row(s: string): void {
    this.buf.push(s);
    if (this.buf.length >= 50_000) this.flush();
  }
  private flush(): void {
    writeSync(this.fd, `${this.buf.join('\n')}\n`);
    this.buf = [];
  }
  close(): void {
    if (this.buf.length) this.flush();
    closeSync(this.fd);
  }
}

/** Rhein-Neckar's links cut at every shape point: one edge per OSM road segment. Returns the source node id. */
function writeSegmentTable(edges: string, nodes: string): number {
  const net = readOsm(new Uint8Array(readFileSync(RHEIN_NECKAR_PBF)), 'rnv.osm.pbf').network;
  const e = new CsvFile(edges, 'id,source,target,cost,reverse_cost,length_m');
  const n = new CsvFile(nodes, 'id,lon,lat');
  for (let v = 0; v < net.nodeCount; v++) n.row(`${net.nodeId[v]},${net.nodeLon[v]},${net.nodeLat[v]}`);
  let nextId = 1e12;
  let edgeId = 1;
  for (let l = 0; l < net.linkCount; l++) {
    const a = net.geomOffset[l];
    const b = net.geomOffset[l + 1];
    const ids: number[] = [net.nodeId[net.linkSource[l]]];
    for (let k = a + 1; k < b - 1; k++) {
      ids.push(nextId);
      n.row(`${nextId++},${net.geomLon[k]},${net.geomLat[k]}`);
    }
    ids.push(net.nodeId[net.linkTarget[l]]);
    const segs = b - a - 1;
    const f = net.linkForwardS[l];
    const r = net.linkBackwardS[l];
    for (let k = 0; k < segs; k++) {
      const share = 1 / segs;
      e.row(`${edgeId++},${ids[k]},${ids[k + 1]},${f < Infinity ? (f * share).toFixed(3) : -1},${r < Infinity ? (r * share).toFixed(3) : -1},${((net.linkLengthM[l] * share) || 0).toFixed(2)}`);
    }
  }
  e.close();
  n.close();
  // Mannheim, near the Wasserturm.
  let best = 0;
  let bestD = Infinity;
  for (let v = 0; v < net.nodeCount; v++) {
    const d = (net.nodeLon[v] - 8.4754) ** 2 + (net.nodeLat[v] - 49.4841) ** 2;
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return net.nodeId[best];
}

/** A side × side grid, ~100 m spacing, costs 5–20 s, 10 % one-way. Returns the centre node id. */
function writeGridTable(edges: string, nodes: string, side: number): number {
  const rnd = prng(3);
  const e = new CsvFile(edges, 'id,source,target,cost,reverse_cost');
  const n = new CsvFile(nodes, 'id,lon,lat');
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) n.row(`${r * side + c + 1},${(8 + c * 0.0013).toFixed(6)},${(49 + r * 0.0009).toFixed(6)}`);
  let id = 1;
  const edge = (a: number, b: number): void => {
    const cost = (5 + rnd() * 15).toFixed(2);
    e.row(`${id++},${a},${b},${cost},${rnd() < 0.1 ? -1 : cost}`);
  };
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const v = r * side + c + 1;
      if (c + 1 < side) edge(v, v + 1);
      if (r + 1 < side) edge(v, v + side);
    }
  }
  e.close();
  n.close();
  return (side >> 1) * side + (side >> 1) + 1;
}

function havePython(module: string): boolean {
  try {
    execFileSync('python3', ['-c', `import ${module}`], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn(`python3 cannot import ${module} (pip install ${module}): that peer is left out`);
    return false;
  }
}

let done = false;

describe.runIf(haveSharedData(RHEIN_NECKAR_PBF))('edge tables: firecover reach against networkx and pandas + scipy, whole processes', () => {
  bench(
    'Rhein-Neckar segments (~177k edges) and a 4.5 M-edge grid',
    () => {
      if (done) return;
      done = true;
      mkdirSync(DIR, { recursive: true });
      const nx = havePython('networkx');
      const sp = havePython('scipy') && havePython('pandas');
      const tables = [
        { name: 'Rhein-Neckar segments', edges: join(DIR, 'rnv_edges.csv'), nodes: join(DIR, 'rnv_nodes.csv'), make: (e: string, n: string) => writeSegmentTable(e, n), peers: { nx, sp } },
        { name: '4.5 M-edge grid', edges: join(DIR, 'grid_edges.csv'), nodes: join(DIR, 'grid_nodes.csv'), make: (e: string, n: string) => writeGridTable(e, n, 1500), peers: { nx: false, sp } },
      ];
      for (const t of tables) {
        const source = t.make(t.edges, t.nodes);
        const lines = readFileSync(t.edges, 'utf8').split('\n').length - 2;
        const out = join(DIR, 'out.csv');
        const runs: Record<string, Run[]> = { firecover: [], baseline: [], networkx: [], scipy: [] };
        const reachArgs = ['reach', '--edges', t.edges, '--nodes', t.nodes, '--from-node', String(source), '--budget', '240', '--out', out];
        for (let rep = 0; rep < 3; rep++) {
          runs.firecover.push(timed(process.execPath, [BIN, ...reachArgs]));
          if (BASELINE) runs.baseline.push(timed(process.execPath, [BASELINE, ...reachArgs]));
          if (t.peers.nx) runs.networkx.push(timed('python3', [join(REPO_ROOT, 'test/peers/reach_networkx.py'), t.edges, t.nodes, String(source), '240', out]));
          if (t.peers.sp) runs.scipy.push(timed('python3', [join(REPO_ROOT, 'test/peers/reach_scipy.py'), t.edges, t.nodes, String(source), '240', out]));
        }
        const med = (rs: Run[]): Run => rs.slice().sort((a, b) => a.s - b.s)[rs.length >> 1];
        const f = med(runs.firecover);
        const parts = [`${t.name}: ${lines} edges; firecover ${f.s.toFixed(2)} s, peak ${f.mb.toFixed(0)} MB (${f.reached})`];
        if (runs.baseline.length) {
          const x = med(runs.baseline);
          parts.push(`baseline ${x.s.toFixed(2)} s, peak ${x.mb.toFixed(0)} MB: this build ×${(f.s / x.s).toFixed(2)} the time, ×${(f.mb / x.mb).toFixed(2)} the memory`);
        }
        if (runs.networkx.length) {
          const x = med(runs.networkx);
          const ratio = f.s / x.s;
          parts.push(`networkx ${x.s.toFixed(2)} s, ${x.mb.toFixed(0)} MB (${x.reached} nodes): ×${ratio.toFixed(2)} (target ≤ ${TARGET_VS_NETWORKX}) ${ratio <= TARGET_VS_NETWORKX ? 'OK' : 'OVER'}`);
        }
        if (runs.scipy.length) {
          const x = med(runs.scipy);
          const ratio = f.s / x.s;
          parts.push(`pandas+scipy ${x.s.toFixed(2)} s, ${x.mb.toFixed(0)} MB (${x.reached} nodes): ×${ratio.toFixed(2)}${t.peers.nx ? '' : ` (target ≤ ${TARGET_VS_SCIPY}) ${ratio <= TARGET_VS_SCIPY ? 'OK' : 'OVER'}`}`);
        }
        if (!t.peers.nx) parts.push(`firecover peak ${f.mb.toFixed(0)} MB (target < ${TARGET_PEAK_MB}) ${f.mb < TARGET_PEAK_MB ? 'OK' : 'OVER'}`);
        console.log(parts.join('; '));
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
