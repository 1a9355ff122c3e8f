import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOsm, type OsmImport } from '../packages/core/src/io/osm_import';
import { readNetworkFile, writeNetworkFile } from '../packages/core/src/io/network_file';
import { multiSourceSearch } from '../packages/core/src/search/multi_source_search';
import { networkForVehicle, vehicleLimitCounts } from '../packages/core/src/network/vehicle_limits';
import { DEFAULT_VEHICLE_PROFILES } from '../packages/core/src/standards/risk_rules';
import { LAUF_PBF, haveSharedData } from './shared_data';

// Expected figures read from the raw extract with osmium-tool 1.15 (not with firecover):
//   osmium tags-filter lauf-200115.osm.pbf w/highway | osmium tags-filter - w/maxweight   → 19 ways
//   (values 2.8 ×5, 5, 5.5, 7.5, 12 ×2, 15 ×8, 30), all on drivable classes (residential, unclassified, service);
//   w/maxheight → 5 ways, one a cycleway (not drivable): 4 drivable (3.6 ×2, 3.7, 3.9);
//   w/hgv → 13 ways, 7 of them hgv=no (the others destination / delivery, which do not close a road);
//   maxwidth=2 on 3 ways, one of them (w24207650, a pedestrian zone) vehicle=no and so not drivable: 2;
//   goods → none.
// One way checked by hand in osmium's OPL output: w23777968, highway=residential, bridge=yes, maxweight=30.
describe.runIf(haveSharedData(LAUF_PBF))('vehicle limits on the Lauf extract', () => {
  let lauf: OsmImport;
  const load = (): OsmImport => (lauf ??= readOsm(new Uint8Array(readFileSync(LAUF_PBF)), LAUF_PBF));
  const waysWith = (pick: (l: number) => boolean): Set<number> => {
    const net = load().network;
    const out = new Set<number>();
    for (let l = 0; l < net.linkCount; l++) if (pick(l)) out.add(net.linkWayId[l]);
    return out;
  };

  it('19 ways with maxweight, 4 with maxheight, 7 closed to hgv, 2 with maxwidth', () => {
    const v = load().network.vehicleLimits!;
    expect(v).toBeDefined();
    expect(waysWith((l) => !Number.isNaN(v.maxWeightT[l])).size).toBe(19);
    expect(waysWith((l) => !Number.isNaN(v.maxHeightM[l])).size).toBe(4);
    expect(waysWith((l) => v.noHgv[l] === 1).size).toBe(7);
    expect([...waysWith((l) => !Number.isNaN(v.maxWidthM[l]))].sort()).toEqual([23260986, 32066874]);
    const weights = [...waysWith((l) => !Number.isNaN(v.maxWeightT[l]))].map((w) => {
      const net = load().network;
      for (let l = 0; l < net.linkCount; l++) if (net.linkWayId[l] === w) return v.maxWeightT[l];
      return NaN;
    });
    expect(weights.map((x) => Math.round(x * 10) / 10).sort((a, b) => a - b)).toEqual([2.8, 2.8, 2.8, 2.8, 2.8, 5, 5.5, 7.5, 12, 12, 15, 15, 15, 15, 15, 15, 15, 15, 30]);
  });

  it('way 23777968 (a bridge, maxweight=30) carries 30 t on every one of its links', () => {
    const net = load().network;
    const links = [];
    for (let l = 0; l < net.linkCount; l++) if (net.linkWayId[l] === 23777968) links.push(l);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(net.vehicleLimits!.maxWeightT[l]).toBe(30);
    expect(vehicleLimitCounts(net).maxWeight).toBeGreaterThanOrEqual(19);
  });

  it('the limits survive a .fcnet round trip, and the aerial truck is never faster than an unlimited engine', () => {
    const net = load().network;
    const back = readNetworkFile(writeNetworkFile({ network: net }), 'lauf.fcnet').network;
    expect(Array.from(back.vehicleLimits!.maxWeightT)).toEqual(Array.from(net.vehicleLimits!.maxWeightT));
    expect(Array.from(back.vehicleLimits!.noHgv)).toEqual(Array.from(net.vehicleLimits!.noHgv));
    const aerial = networkForVehicle(net, DEFAULT_VEHICLE_PROFILES.aerial_25t);
    expect(aerial).not.toBe(net);
    const free = multiSourceSearch(net, [{ node: 0, startCost: 0 }]).cost;
    const limited = multiSourceSearch(aerial, [{ node: 0, startCost: 0 }]).cost;
    for (let n = 0; n < net.nodeCount; n++) expect(limited[n]).toBeGreaterThanOrEqual(free[n]);
  });
});
