import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { RHEIN_NECKAR_PBF, haveSharedData } from '../../../../test/shared_data';
import { readOsm } from './osm_import';
import { readNetworkFile, writeNetworkFile } from './network_file';

// A network file must load in a small fraction of the parse it replaces (issue: "a compact binary network file").
const TARGET_SHARE = 0.05;
const RUNS = 9;

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

describe.runIf(haveSharedData(RHEIN_NECKAR_PBF))('network file (.fcnet) load versus OSM PBF parse, Rhein-Neckar, side by side', () => {
  const pbf = new Uint8Array(readFileSync(RHEIN_NECKAR_PBF));
  const imported = readOsm(pbf, 'rnv.osm.pbf');
  const file = writeNetworkFile({ network: imported.network, features: imported.features, report: imported.report });
  bench(
    'readOsm(rnv.osm.pbf) vs readNetworkFile(rnv.fcnet), interleaved',
    () => {
      const parse: number[] = [];
      const load: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        let t = performance.now();
        readOsm(pbf, 'rnv.osm.pbf');
        parse.push(performance.now() - t);
        // A fresh copy each time, as a file read from disk would be (no warm views on the same buffer).
        const copy = file.slice();
        t = performance.now();
        readNetworkFile(copy, 'rnv.fcnet');
        load.push(performance.now() - t);
      }
      const p = median(parse);
      const l = median(load);
      const share = l / p;
      console.log(
        `.fcnet load median ${l.toFixed(1)} ms vs PBF parse ${p.toFixed(0)} ms = ${(share * 100).toFixed(1)} % of the parse (target ≤ ${TARGET_SHARE * 100} %): ${share <= TARGET_SHARE ? 'OK' : 'OVER'}; file ${(file.length / 1e6).toFixed(1)} MB for ${imported.network.linkCount} links`,
      );
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
