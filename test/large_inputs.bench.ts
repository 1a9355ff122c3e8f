import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { writeGridGeoJson } from './large_geojson';
import { RHEIN_NECKAR_PBF, REPO_ROOT, haveSharedData } from './shared_data';

// Large inputs through the whole `firecover info` process, each run alone under /usr/bin/time (wall,
// CPU, peak RSS). Files are generated in the OS tmpdir at run time and removed after.
//   FIRECOVER_BENCH_GEOJSON_MB  size of the synthetic GeoJSON roads (default 500; 600 shows > 512 MiB)
//   FIRECOVER_BENCH_PBF_MB      size of the synthetic PBF (default 100)

const GEOJSON_MB = Number(process.env.FIRECOVER_BENCH_GEOJSON_MB ?? 500);
const PBF_MB = Number(process.env.FIRECOVER_BENCH_PBF_MB ?? 100);
/** Peak RSS of the whole process reading a 500 MB GeoJSON road file: "well under 2 GB". */
const TARGET_GEOJSON_RSS_MIB = 1536;
/** CPU seconds (user + sys) for the 500 MB file to a graph and its `info`. */
const TARGET_GEOJSON_CPU_S = 90;
/**
 * Block by block, memory is bounded by the graph and the cache of inflated node blocks kept between the
 * passes (PBF_STREAM_CACHE_BYTES, 64 MiB), not by the file: a PBF's extra bytes that add no road may add
 * at most that cache plus this share of themselves to the peak.
 */
const TARGET_PBF_EXTRA_SHARE = 0.05;
const PBF_CACHE_MIB = 64;
const BIN = join(REPO_ROOT, 'packages', 'cli', 'bin', 'firecover.mjs');

interface Run {
  code: number;
  wallS: number;
  cpuS: number;
  rssMiB: number;
  stdout: string;
  stderr: string;
}

function timed(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, BIN, ...args], {
    encoding: 'utf8',
    cwd: REPO_ROOT,
    env: { ...process.env, FIRECOVER_MAX_INPUT_MB: '4096', ...env },
    maxBuffer: 64 << 20,
  });
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const [wall, user, sys, kb] = last.split(' ').map(Number);
  return { code: r.status ?? -1, wallS: wall, cpuS: user + sys, rssMiB: kb / 1024, stdout: r.stdout, stderr: r.stderr };
}

const ok = (good: boolean): string => (good ? 'OK' : 'OVER');

// Each measurement is one whole process run, minutes long: the bench function does it once, however
// often tinybench calls it.
const once = new Set<string>();
const first = (key: string): boolean => !once.has(key) && Boolean(once.add(key));

describe('GeoJSON roads streamed into the graph (synthetic grid, tmpdir)', () => {
  bench(
    `${GEOJSON_MB} MB GeoJSON roads → graph (firecover info --geojson)`,
    () => {
      if (!first('geojson')) return;
      const dir = mkdtempSync(join(tmpdir(), 'firecover-bigio-'));
      try {
        const file = join(dir, 'grid.geojson');
        const g = writeGridGeoJson(file, GEOJSON_MB * 1e6);
        const r = timed(['info', '--geojson', file, '--json']);
        if (r.code !== 0) {
          console.log(`GeoJSON ${(g.bytes / 1e6).toFixed(0)} MB: exit ${r.code}: ${r.stderr.slice(0, 400)}`);
          return;
        }
        const info = JSON.parse(r.stdout) as { nodes: number; links: number };
        // closed form of the grid: (n + 1)² junctions, 2 n (n + 1) block sides
        const right = info.nodes === (g.n + 1) ** 2 && info.links === 2 * g.n * (g.n + 1);
        const over512 = g.bytes > 512 * 1024 * 1024 ? ', past the 512 MiB string limit' : '';
        console.log(
          `GeoJSON roads ${(g.bytes / 1e6).toFixed(0)} MB (${g.features} features, ${g.vertices} vertices${over512}) → graph of ${info.nodes} nodes, ${info.links} links ` +
            `(closed form ${right ? 'matches' : 'DIFFERS'}): peak RSS ${r.rssMiB.toFixed(0)} MiB (target ≤ ${TARGET_GEOJSON_RSS_MIB} MiB for 500 MB): ${ok(r.rssMiB <= TARGET_GEOJSON_RSS_MIB * (g.bytes / 500e6))}; ` +
            `CPU ${r.cpuS.toFixed(1)} s (target ≤ ${TARGET_GEOJSON_CPU_S} s for 500 MB): ${ok(r.cpuS <= TARGET_GEOJSON_CPU_S * (g.bytes / 500e6))}; wall ${r.wallS.toFixed(1)} s`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});

/** The blobs of a PBF: [start, end) of each whole blob (length, header, data) and its type. */
function blobs(bytes: Uint8Array): { start: number; end: number; dataStart: number; type: string }[] {
  const out = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let pos = 0; pos < bytes.length; ) {
    const headerLen = view.getInt32(pos);
    const header = bytes.subarray(pos + 4, pos + 4 + headerLen);
    // BlobHeader: field 1 type (string), field 3 datasize (varint); the type comes first in every writer
    const typeLen = header[1];
    const type = new TextDecoder().decode(header.subarray(2, 2 + typeLen));
    let i = 2 + typeLen;
    while (header[i] !== 0x18) i++; // field 3, varint
    let size = 0;
    let shift = 0;
    for (i++; ; i++) {
      size += (header[i] & 0x7f) * 2 ** shift;
      shift += 7;
      if (header[i] < 0x80) break;
    }
    const dataStart = pos + 4 + headerLen;
    out.push({ start: pos, end: dataStart + size, dataStart, type });
    pos = dataStart + size;
  }
  return out;
}

describe.runIf(haveSharedData(RHEIN_NECKAR_PBF))('OSM PBF block by block: peak memory vs file size', () => {
  bench(
    `rnv.osm.pbf and a ${PBF_MB} MB synthetic PBF (its node blocks repeated), whole vs block by block`,
    () => {
      if (!first('pbf')) return;
      const dir = mkdtempSync(join(tmpdir(), 'firecover-bigio-'));
      try {
        const rnv = new Uint8Array(readFileSync(RHEIN_NECKAR_PBF));
        // The synthetic file: rnv.osm.pbf, then its first node-only data blob again and again. Repeated
        // nodes add bytes to read and decode but no road: the graph stays that of rnv.
        // A sorted extract (rnv.osm.pbf is) starts with its nodes: the first data blob holds nodes only
        // (were it to hold ways, the link counts below would differ, and the line says so).
        const nodeBlob = blobs(rnv).find((b) => b.type === 'OSMData');
        if (!nodeBlob) {
          console.log('rnv.osm.pbf: no node-only blob found to repeat');
          return;
        }
        const file = join(dir, 'synthetic.osm.pbf');
        const fd = openSync(file, 'w');
        writeSync(fd, rnv);
        const piece = rnv.subarray(nodeBlob.start, nodeBlob.end);
        for (let size = rnv.length; size < PBF_MB * 1e6; size += piece.length) writeSync(fd, piece);
        closeSync(fd);
        const bigMB = statSync(file).size / 1e6;
        const runs = {
          rnvWhole: timed(['info', '--osm', RHEIN_NECKAR_PBF, '--json'], { FIRECOVER_STREAM_MB: '100000' }),
          rnvBlocks: timed(['info', '--osm', RHEIN_NECKAR_PBF, '--json'], { FIRECOVER_STREAM_MB: '0' }),
          bigWhole: timed(['info', '--osm', file, '--json'], { FIRECOVER_STREAM_MB: '100000' }),
          bigBlocks: timed(['info', '--osm', file, '--json'], { FIRECOVER_STREAM_MB: '0' }),
        };
        for (const [k, r] of Object.entries(runs)) if (r.code !== 0) console.log(`${k}: exit ${r.code}: ${r.stderr.slice(0, 300)}`);
        const links = (r: Run) => (JSON.parse(r.stdout) as { links: number }).links;
        const same = links(runs.bigBlocks) === links(runs.rnvBlocks) && links(runs.bigWhole) === links(runs.rnvWhole);
        const extraMiB = (bigMB - rnv.length / 1e6) * (1e6 / 1024 / 1024);
        const addedBlocks = runs.bigBlocks.rssMiB - runs.rnvBlocks.rssMiB;
        const addedWhole = runs.bigWhole.rssMiB - runs.rnvWhole.rssMiB;
        console.log(`PBF rnv.osm.pbf (${(rnv.length / 1e6).toFixed(1)} MB): peak RSS whole ${runs.rnvWhole.rssMiB.toFixed(0)} MiB, block by block ${runs.rnvBlocks.rssMiB.toFixed(0)} MiB`);
        console.log(
          `PBF synthetic ${bigMB.toFixed(0)} MB (same ${links(runs.bigBlocks)} links: ${same ? 'yes' : 'NO'}): peak RSS whole ${runs.bigWhole.rssMiB.toFixed(0)} MiB (+${addedWhole.toFixed(0)} MiB for ${extraMiB.toFixed(0)} MiB more file), ` +
            `block by block ${runs.bigBlocks.rssMiB.toFixed(0)} MiB (+${addedBlocks.toFixed(0)} MiB; target ≤ the ${PBF_CACHE_MIB} MiB node-block cache + ${(TARGET_PBF_EXTRA_SHARE * 100).toFixed(0)} % of the extra file = ${(PBF_CACHE_MIB + TARGET_PBF_EXTRA_SHARE * extraMiB).toFixed(0)} MiB): ` +
            `${ok(addedBlocks <= PBF_CACHE_MIB + TARGET_PBF_EXTRA_SHARE * extraMiB)}; CPU whole ${runs.bigWhole.cpuS.toFixed(1)} s, block by block ${runs.bigBlocks.cpuS.toFixed(1)} s`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
