import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { testStation } from '../coverage/testing';
import type { RoadNetwork } from '../network/road_network';
import { emptyVehicleLimits } from '../network/vehicle_limits';
import { SnapIndex } from '../spatial/snap_index';
import { CHINA_PRESET } from '../standards/preset';
import type { HazardClass } from '../standards/risk_rules';
import { metricNetwork, toLonLat } from '../water/testing';
import { randomGrid, prng } from '../search/test_networks';
import type { Station } from '../scenario/scenario_types';
import { hazardArrivals, type ResponderStation } from './hazard_arrival';
import type { HazardSite } from './risk_layers_input';
import { riskRules } from './risk_rules_of';

// Networks in local metres at 10 m/s (metricNetwork): a time is (metres / 10) + turnout.
const rules = riskRules(CHINA_PRESET);

function station(id: string, x: number, y: number, o: Partial<Station> = {}): Station {
  const [lon, lat] = toLonLat(x, y);
  return { ...testStation(id, lon, lat, { turnoutS: 60 }), ...o };
}

function responders(net: RoadNetwork, stations: Station[]): ResponderStation[] {
  const index = new SnapIndex(net);
  return stations.map((s) => ({ station: s, snap: index.nearest(s.lon, s.lat)! }));
}

function site(id: string, cls: HazardClass, geometry: Geometry, o: Partial<HazardSite> = {}): HazardSite {
  return { id, name: null, nameZh: null, class: cls, heightM: null, need: {}, geometry: geometry as HazardSite['geometry'], ...o };
}

const point = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: toLonLat(x, y) });

describe('a bridge the aerial truck may not cross', () => {
  // 0 (0,0) — 1 (400,0) =bridge= 2 (600,0) — 3 (1000,0); detour 1 → 4 (400,1000) → 5 (600,1000) → 2.
  const nodes: [number, number][] = [[0, 0], [400, 0], [600, 0], [1000, 0], [400, 1000], [600, 1000]];
  const base = metricNetwork(nodes, [
    { from: 0, to: 1 },
    { from: 1, to: 2 }, // link 1: the bridge
    { from: 2, to: 3 },
    { from: 1, to: 4 },
    { from: 4, to: 5 },
    { from: 5, to: 2 },
  ]);
  const limits = emptyVehicleLimits(base.linkCount);
  limits.maxWeightT[1] = 10;
  const net: RoadNetwork = { ...base, vehicleLimits: limits };
  const s = station('S', 0, 0, { aerialM: 60, rescue: true });
  const tower = site('tower', 'high_rise', point(1000, 0), { heightM: 40 });
  const tunnel = site('tunnel', 'tunnel', { type: 'LineString', coordinates: [toLonLat(600, 0), toLonLat(1000, 0)] });

  it('the 25 t aerial takes the detour: 60 + (400 + 2200 + 400) / 10 = 360 s > 300 s; any unit crosses in 60 + 1000 / 10 = 160 s', () => {
    const [h] = hazardArrivals(net, responders(net, [s]), [tower], rules, 150);
    expect(h.need.aerialM).toBe(40);
    expect(h.vehicle).toBe('aerial_25t');
    expect(h.firstAnyS).toBeCloseTo(160, 3);
    expect(h.capableS).toBeCloseTo(360, 3);
    expect(h.capableStationId).toBe('S');
    expect(h.meets).toBe(false);
    expect(h.reason).toBe('too_far');
  });

  it('without the limit the aerial crosses the bridge too (160 s, meets)', () => {
    const [h] = hazardArrivals(base, responders(base, [s]), [tower], rules, 150);
    expect(h.capableS).toBeCloseTo(160, 3);
    expect(h.meets).toBe(true);
  });

  it('the 3.5 t light rescue vehicle crosses: the tunnel (600…1000 m) is reached from 60 + 600/10 = 120 s to 160 s, all 0.4 km', () => {
    const [h] = hazardArrivals(net, responders(net, [s]), [tunnel], rules, 150);
    expect(h.vehicle).toBe('light_rescue');
    expect(h.lengthKm).toBeCloseTo(0.4, 6);
    expect(h.reachedKm).toBeCloseTo(0.4, 6);
    // pieces of 25 m sampled at their middles: the first at 612.5 m, the last at 987.5 m
    expect(h.capableS).toBeCloseTo(60 + 61.25, 3);
    expect(h.latestS).toBeCloseTo(60 + 98.75, 3);
    expect(h.meets).toBe(true);
  });
});

describe('a high-rise only a far station can serve', () => {
  const net = metricNetwork([[0, 0], [500, 0], [2000, 0]], [{ from: 0, to: 1 }, { from: 1, to: 2 }]);
  const near = station('near', 0, 0, { aerialM: 32 });
  const far = station('far', 2000, 0, { aerialM: 60 });

  it('55 m needs an aerial ≥ 55 m: the near one (32 m) arrives at 60 + 50 = 110 s, the far one (60 m) at 60 + 150 = 210 s', () => {
    const [h] = hazardArrivals(net, responders(net, [near, far]), [site('b', 'high_rise', point(500, 0), { heightM: 55 })], rules, 150);
    expect(h.firstAnyS).toBeCloseTo(110, 3);
    expect(h.firstAnyStationId).toBe('near');
    expect(h.capableStationIds).toEqual(['far']);
    expect(h.capableS).toBeCloseTo(210, 3);
    expect(h.capableStationId).toBe('far');
    expect(h.meets).toBe(true);
  });

  it('a 120 m tower asks the 100 m cap (aerialCapM): no station is capable', () => {
    const [h] = hazardArrivals(net, responders(net, [near, far]), [site('t', 'high_rise', point(500, 0), { heightM: 120 })], rules, 150);
    expect(h.need.aerialM).toBe(100);
    expect(h.capableS).toBeNull();
    expect(h.reason).toBe('no_capable_station');
  });

  it('a high-rise without a height needs any aerial: the near one serves it', () => {
    const [h] = hazardArrivals(net, responders(net, [near, far]), [site('u', 'high_rise', point(500, 0))], rules, 150);
    expect(h.need.aerialM).toBe(0);
    expect(h.capableStationId).toBe('near');
  });
});

describe('a chemical site needing foam', () => {
  // One road 0 … 3000 m along y = 0; the park is the square x 1000…1200, y 100…300.
  const net = metricNetwork([[0, 0], [3000, 0]], [{ from: 0, to: 1 }]);
  const plain = station('plain', 0, 0);
  const foam = station('foam', 3000, 0, { foam: true });
  const park = site('park', 'chemical_park', {
    type: 'Polygon',
    coordinates: [[toLonLat(1000, 100), toLonLat(1200, 100), toLonLat(1200, 300), toLonLat(1000, 300), toLonLat(1000, 100)]],
  });

  it('the park is reached where its corners come within 150 m of the road (x = 1000 and 1200 m): foam arrives at 60 + 1800/10 = 240 s', () => {
    const [h] = hazardArrivals(net, responders(net, [plain, foam]), [park], rules, 150);
    expect(h.kind).toBe('polygon');
    expect(h.needText.en).toBe('foam');
    expect(h.firstAnyS).toBeCloseTo(160, 3);
    expect(h.firstAnyStationId).toBe('plain');
    expect(h.capableS).toBeCloseTo(240, 3);
    expect(h.capableStationId).toBe('foam');
    expect(h.meets).toBe(true);
    expect(h.localChoice).toBe(true);
  });

  it('with only the plain station, no capable unit', () => {
    const [h] = hazardArrivals(net, responders(net, [plain]), [park], rules, 150);
    expect(h.reason).toBe('no_capable_station');
    expect(h.meets).toBe(false);
  });

  it('a site with no road within the access distance', () => {
    const [h] = hazardArrivals(net, responders(net, [foam]), [site('far', 'chemical_park', point(1000, 400))], rules, 150);
    expect(h.reason).toBe('no_road');
  });
});

describe('property: the first capable arrival is never earlier than the first any-unit arrival', () => {
  it('random grids, random limits, random apparatus and sites', () => {
    let checked = 0;
    let later = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const rnd = prng(seed);
      const base = randomGrid(seed, { cols: 12, rows: 12 });
      const limits = emptyVehicleLimits(base.linkCount);
      for (let l = 0; l < base.linkCount; l++) {
        const u = rnd();
        if (u < 0.1) limits.maxWeightT[l] = 10;
        else if (u < 0.15) limits.maxHeightM[l] = 3.2;
        else if (u < 0.2) limits.noHgv[l] = 1;
      }
      const net: RoadNetwork = { ...base, vehicleLimits: limits };
      const pick = (): [number, number] => {
        const n = Math.floor(rnd() * net.nodeCount);
        return [net.nodeLon[n] + (rnd() - 0.5) * 0.0005, net.nodeLat[n] + (rnd() - 0.5) * 0.0005];
      };
      const stations: Station[] = [];
      for (let i = 0; i < 4; i++) {
        const [lon, lat] = pick();
        stations.push({ ...testStation(`s${i}`, lon, lat, { turnoutS: Math.floor(rnd() * 90) }), aerialM: rnd() < 0.5 ? 20 + Math.floor(rnd() * 50) : undefined, foam: rnd() < 0.5, rescue: rnd() < 0.5 });
      }
      const classes: HazardClass[] = ['high_rise', 'chemical_park', 'crowded_place', 'underground'];
      const sites = Array.from({ length: 10 }, (_, i) => {
        const [lon, lat] = pick();
        return site(`h${i}`, classes[i % classes.length], { type: 'Point', coordinates: [lon, lat] }, { heightM: 20 + Math.floor(rnd() * 60) });
      });
      const index = new SnapIndex(net);
      const rs = stations.map((s) => ({ station: s, snap: index.nearest(s.lon, s.lat)! }));
      for (const h of hazardArrivals(net, rs, sites, rules, 150)) {
        if (h.capableS === null) continue;
        expect(h.firstAnyS, `seed ${seed} ${h.id}`).not.toBeNull();
        expect(h.capableS, `seed ${seed} ${h.id}`).toBeGreaterThanOrEqual(h.firstAnyS! - 1e-9);
        checked++;
        if (h.capableS > h.firstAnyS! + 1e-6) later++;
      }
    }
    // not vacuous: many sites compared, and capability or limits made some of them later
    expect(checked).toBeGreaterThan(40);
    expect(later).toBeGreaterThan(5);
  });
});
