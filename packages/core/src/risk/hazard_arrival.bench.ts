import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { LAUF_PBF, haveSharedData } from '../../../../test/shared_data';
import { readOsm } from '../io/osm_import';
import { SnapIndex } from '../spatial/snap_index';
import { landAccessLink } from '../network/access';
import { prng } from '../search/test_networks';
import { CHINA_PRESET } from '../standards/preset';
import type { HazardClass } from '../standards/risk_rules';
import type { Station } from '../scenario/scenario_types';
import { testStation } from '../coverage/testing';
import { hazardArrivals } from './hazard_arrival';
import type { HazardSite } from './risk_layers_input';
import { riskRules } from './risk_rules_of';

// Each figure is printed beside its target (pnpm bench); medians over the measured runs.
const WARMUP = 2;
const RUNS = 8;
const median = (xs: number[]): number => xs.slice(WARMUP).sort((a, b) => a - b)[(xs.length - WARMUP) >> 1];

describe.runIf(haveSharedData(LAUF_PBF))('hazard arrivals on Lauf (real vehicle limits)', () => {
  const net = readOsm(new Uint8Array(readFileSync(LAUF_PBF)), LAUF_PBF).network;
  const rnd = prng(13);
  const land = new SnapIndex(net, landAccessLink(net));
  const at = (): [number, number] => {
    for (;;) {
      const n = Math.floor(rnd() * net.nodeCount);
      if (land.nearest(net.nodeLon[n], net.nodeLat[n], 50)) return [net.nodeLon[n], net.nodeLat[n]];
    }
  };
  // 6 stations with mixed apparatus, 500 hazards of four classes: about 10 capability groups, not 500 searches
  const stations: Station[] = Array.from({ length: 6 }, (_, i) => ({ ...testStation(`s${i}`, ...at()), aerialM: i % 2 === 0 ? 32 + 10 * i : undefined, foam: i % 3 === 0, rescue: i % 2 === 1 }));
  const responders = stations.map((s) => ({ station: s, snap: land.nearest(s.lon, s.lat)! }));
  const classes: HazardClass[] = ['high_rise', 'chemical_park', 'crowded_place', 'underground'];
  const sites: HazardSite[] = Array.from({ length: 500 }, (_, i) => ({ id: `h${i}`, name: null, nameZh: null, class: classes[i % 4], heightM: 24 + Math.floor(rnd() * 60), need: {}, geometry: { type: 'Point', coordinates: at() } }));
  const rules = riskRules(CHINA_PRESET);
  const times: number[] = [];
  bench(
    '500 hazards, 6 stations, limits on (one search per capability group; snapping index given, as analyzeRisk passes the coverage one)',
    () => {
      const t = performance.now();
      hazardArrivals(net, responders, sites, rules, 150, land);
      times.push(performance.now() - t);
      if (times.length === RUNS) console.log(`Lauf, 500 hazards × 6 stations: median ${median(times).toFixed(1)} ms (target ≤ 500 ms): ${median(times) <= 500 ? 'OK' : 'OVER'}`);
    },
    { iterations: RUNS - WARMUP, warmupIterations: WARMUP, time: 0, warmupTime: 0 },
  );
});
