import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { bench, describe } from 'vitest';
import { RHEIN_NECKAR_PBF } from '../../../../test/shared_data';
import { readOsm } from '../io/osm_import';
import { SnapIndex } from '../spatial/snap_index';
import type { RoadNetwork } from '../network/road_network';
import { stronglyConnectedComponents } from '../network/islands';
import { multiSourceSearch, SearchWorkspace, type SearchSource } from './multi_source_search';
import { reachedLengthM } from './reached_pieces';
import { rankSources } from './point_query';
import { prng, randomGrid } from './test_networks';

// Targets (CONTRIBUTING: benchmarks print each figure beside its target).
const ONE_STATION_MS = 2;
const HUNDRED_STATIONS_MS = 40;
const SNAP_100K_MS = 300;

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
};
const verdict = (v: number, target: number): string => (v <= target ? 'OK' : 'OVER');

function loadRheinNeckar(): RoadNetwork {
  const t = performance.now();
  const net = readOsm(new Uint8Array(readFileSync(RHEIN_NECKAR_PBF)), 'rnv.osm.pbf').network;
  console.log(`loaded rnv.osm.pbf in ${(performance.now() - t).toFixed(0)} ms: ${net.nodeCount} nodes, ${net.linkCount} links`);
  return net;
}

if (existsSync(RHEIN_NECKAR_PBF)) benchNetwork('Rhein-Neckar (rnv.osm.pbf)', loadRheinNeckar);
else console.warn(`real data not found: ${RHEIN_NECKAR_PBF}; only the synthetic grid is benchmarked`);
// A graph of the size the targets were set for (160,000 nodes, ~300,000 links), whatever the importer keeps.
benchNetwork('synthetic 400×400 grid', () => randomGrid(1, { cols: 400, rows: 400, dropShare: 0.05, oneWayShare: 0.1 }));

function benchNetwork(label: string, load: () => RoadNetwork): void {
  describe(`search on ${label}`, () => {
    const net = load();
    const comps = stronglyConnectedComponents(net);
    const main: number[] = [];
    for (let n = 0; n < net.nodeCount; n++) if (comps.componentOf[n] === comps.largest) main.push(n);
    const rnd = prng(42);
    const pick = (): number => main[Math.floor(rnd() * main.length)];
    const stations: SearchSource[] = Array.from({ length: 100 }, () => ({ node: pick(), startCost: 60 }));
    const singles = Array.from({ length: 25 }, () => [{ node: pick(), startCost: 0 }]);
    const ws = new SearchWorkspace(net.nodeCount);

    // snapping: 100,000 random points in the network's bounding box
    let minLon = Infinity;
    let maxLon = -Infinity;
    let minLat = Infinity;
    let maxLat = -Infinity;
    for (let i = 0; i < net.nodeCount; i++) {
      minLon = Math.min(minLon, net.nodeLon[i]);
      maxLon = Math.max(maxLon, net.nodeLon[i]);
      minLat = Math.min(minLat, net.nodeLat[i]);
      maxLat = Math.max(maxLat, net.nodeLat[i]);
    }
    const pts = new Float64Array(200_000);
    for (let i = 0; i < pts.length; i += 2) {
      pts[i] = minLon + rnd() * (maxLon - minLon);
      pts[i + 1] = minLat + rnd() * (maxLat - minLat);
    }
    const tb = performance.now();
    const index = new SnapIndex(net);
    const buildMs = performance.now() - tb;

    const t1: number[] = [];
    const t1fresh: number[] = [];
    const t1rev: number[] = [];
    const t100: number[] = [];
    const cpu100: number[] = [];
    const tPieces: number[] = [];
    const tSnap: number[] = [];
    const cpuSnap: number[] = [];
    const tRank: number[] = [];
    let k1 = 0;

    bench(
      `one station, 240 s budget (workspace) — ${label}`,
      () => {
        const t = performance.now();
        multiSourceSearch(net, singles[k1++ % singles.length], { budget: 240, workspace: ws });
        t1.push(performance.now() - t);
        const t2 = performance.now();
        multiSourceSearch(net, singles[k1 % singles.length], { budget: 240 });
        t1fresh.push(performance.now() - t2);
        const t3 = performance.now();
        multiSourceSearch(net, singles[k1 % singles.length], { budget: 240, direction: 'reverse', workspace: ws });
        t1rev.push(performance.now() - t3);
      },
      { iterations: 200, warmupIterations: 20, time: 0, warmupTime: 0 },
    );

    bench(
      `100 stations, no budget, full partition — ${label}`,
      () => {
        const t = performance.now();
        const cpu = process.cpuUsage();
        const r = multiSourceSearch(net, stations, { workspace: ws });
        t100.push(performance.now() - t);
        const used = process.cpuUsage(cpu);
        cpu100.push((used.user + used.system) / 1000);
        if (t100.length % 5 === 0) {
          const tp = performance.now();
          reachedLengthM(r);
          tPieces.push(performance.now() - tp);
        }
      },
      { iterations: 30, warmupIterations: 3, time: 0, warmupTime: 0 },
    );

    bench(
      `snap 100,000 random points — ${label}`,
      () => {
        const t = performance.now();
        const cpu = process.cpuUsage();
        let miss = 0;
        for (let i = 0; i < pts.length; i += 2) if (!index.nearest(pts[i], pts[i + 1])) miss++;
        tSnap.push(performance.now() - t);
        const used = process.cpuUsage(cpu);
        cpuSnap.push((used.user + used.system) / 1000);
        if (miss > 0) throw new Error(`${miss} points did not snap`);
      },
      { iterations: 7, warmupIterations: 1, time: 0, warmupTime: 0 },
    );

    bench(
      `rank 3 of 100 stations for one address (reverse search) — ${label}`,
      () => {
        const t = performance.now();
        const target = index.nearest(pts[(k1 * 2) % pts.length], pts[(k1 * 2 + 1) % pts.length])!;
        k1++;
        rankSources(net, { snap: target }, stations, 3);
        tRank.push(performance.now() - t);
        if (tRank.length === 30) report();
      },
      { iterations: 30, warmupIterations: 3, time: 0, warmupTime: 0 },
    );

    const report = (): void => {
      const m1 = median(t1.slice(20));
      const m100 = median(t100.slice(3));
      const mSnap = median(tSnap.slice(1));
      console.log(`\n[search bench] ${label}: ${net.nodeCount} nodes, ${net.linkCount} links; largest SCC ${comps.sizes[comps.largest]} nodes of ${comps.count} components; load average ${loadavg()[0].toFixed(1)}`);
      console.log(`one station, 240 s budget: median ${m1.toFixed(3)} ms (target ≤ ${ONE_STATION_MS} ms) ${verdict(m1, ONE_STATION_MS)}; without a workspace ${median(t1fresh.slice(20)).toFixed(3)} ms; reverse (to the station) ${median(t1rev.slice(20)).toFixed(3)} ms`);
      console.log(`100 stations, no budget, full partition: median ${m100.toFixed(1)} ms (target ≤ ${HUNDRED_STATIONS_MS} ms) ${verdict(m100, HUNDRED_STATIONS_MS)} (CPU time ${median(cpu100.slice(3)).toFixed(1)} ms)`);
      console.log(`  reachedLengthM over that partition (exact partial edges): median ${median(tPieces).toFixed(1)} ms (no target)`);
      console.log(`snap 100,000 random points: median ${mSnap.toFixed(0)} ms (target ≤ ${SNAP_100K_MS} ms) ${verdict(mSnap, SNAP_100K_MS)} (CPU time ${median(cpuSnap.slice(1)).toFixed(0)} ms); SnapIndex build ${buildMs.toFixed(0)} ms for ${index.segmentCount} segments (no target)`);
      console.log(`rank 3 of 100 stations for a snapped address: median ${median(tRank.slice(3)).toFixed(1)} ms (no target)`);
    };
  });
}
