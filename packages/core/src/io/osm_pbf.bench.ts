import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { RHEIN_NECKAR_PBF, haveSharedData } from '../../../../test/shared_data';
import { readOsm } from './osm_import';
import { graphBytes, type RoadNetwork } from '../network/road_network';

const TARGET_MS = 1500;
const TARGET_BYTES_PER_EDGE = 40;
const WARMUP = 2;
const RUNS = 12;

describe.runIf(haveSharedData(RHEIN_NECKAR_PBF))('OSM PBF → routable graph (rnv.osm.pbf, 3.7 MB)', () => {
  const bytes = new Uint8Array(readFileSync(RHEIN_NECKAR_PBF));
  const times: number[] = [];
  let net: RoadNetwork | undefined;
  bench(
    'readOsm(rnv.osm.pbf)',
    () => {
      const t = performance.now();
      net = readOsm(bytes, 'rnv.osm.pbf').network;
      times.push(performance.now() - t);
      if (times.length === RUNS) report();
    },
    { iterations: RUNS - WARMUP, warmupIterations: WARMUP, time: 0, warmupTime: 0 },
  );
  // Printed from the last run (vitest bench shows console output of the benchmark function).
  const report = (): void => {
    if (!net) return;
    const sorted = times.slice(WARMUP).sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1];
    const perEdge = graphBytes(net) / net.arcHead.length;
    console.log(`PBF → graph median ${median.toFixed(0)} ms (target ≤ ${TARGET_MS} ms): ${median <= TARGET_MS ? 'OK' : 'OVER'}; ${net.nodeCount} nodes, ${net.linkCount} links`);
    console.log(`graph memory ${perEdge.toFixed(1)} bytes per directed edge (target ≤ ${TARGET_BYTES_PER_EDGE}): ${perEdge <= TARGET_BYTES_PER_EDGE ? 'OK' : 'OVER'}`);
  };
});
