import { describe, expect, it } from 'vitest';
import { lineNodes, toOsmPbf, toOsmXml, type FixtureModel } from './fixtures/osm_fixture';
import { readOsm } from './osm_import';
import { closedToHgv, parseLengthLimitM, parseMaxweightT, wayVehicleLimits } from './osm_vehicle_limits';
import { readNetworkFile, writeNetworkFile } from './network_file';

describe('OSM vehicle limit values', () => {
  it('maxweight in tonnes: plain, with units, kg, short tons, pounds; no-limit words give NaN', () => {
    expect(parseMaxweightT('7.5')).toBe(7.5);
    expect(parseMaxweightT('7.5 t')).toBe(7.5);
    expect(parseMaxweightT('12t')).toBe(12);
    expect(parseMaxweightT('3,5')).toBe(3.5);
    expect(parseMaxweightT('12000 kg')).toBe(12);
    // 1 short ton = 2000 lb = 907.18474 kg; 1 lb = 0.45359237 kg
    expect(parseMaxweightT('10 st')).toBeCloseTo(9.0718474, 9);
    expect(parseMaxweightT('22000 lbs')).toBeCloseTo(9.97903214, 8);
    for (const v of [undefined, 'none', 'unsigned', 'default', '', 'fixme', '0']) expect(parseMaxweightT(v), String(v)).toBeNaN();
  });

  it('maxheight / maxwidth in metres, feet and inches: 12\'6" = 12 × 0.3048 + 6 × 0.0254 = 3.81 m', () => {
    expect(parseLengthLimitM('3.8')).toBe(3.8);
    expect(parseLengthLimitM('3.8 m')).toBe(3.8);
    expect(parseLengthLimitM('12\'6"')).toBeCloseTo(3.81, 9);
    expect(parseLengthLimitM('14 ft')).toBeCloseTo(4.2672, 9);
    for (const v of [undefined, 'default', 'below_default', 'none', 'x']) expect(parseLengthLimitM(v), String(v)).toBeNaN();
  });

  it('hgv=no or goods=no closes a way to heavy goods vehicles; destination and delivery do not', () => {
    expect(closedToHgv({ hgv: 'no' })).toBe(true);
    expect(closedToHgv({ goods: 'no' })).toBe(true);
    expect(closedToHgv({ goods: 'no', hgv: 'yes' })).toBe(false);
    expect(closedToHgv({ hgv: 'destination' })).toBe(false);
    expect(closedToHgv({ hgv: 'delivery' })).toBe(false);
    expect(wayVehicleLimits({ highway: 'residential' })).toBeNull();
    expect(wayVehicleLimits({ highway: 'residential', 'maxheight:physical': '3.2' })?.maxHeightM).toBe(3.2);
  });
});

describe('import: limits ride on the links of their way', () => {
  // Way 1 (three nodes) has no limit; way 2, a bridge sharing node 3, has maxweight 10 and maxheight 3.5.
  const model: FixtureModel = {
    nodes: lineNodes(1, 5, 11.0, 49.0, 0.001),
    ways: [
      { id: 1, refs: [1, 2, 3], tags: { highway: 'residential' } },
      { id: 2, refs: [3, 4, 5], tags: { highway: 'residential', bridge: 'yes', maxweight: '10', maxheight: '3.5', hgv: 'no' } },
    ],
  };

  it('XML and PBF agree; the bridge links carry 10 t / 3.5 m / hgv=no, the other links nothing; .fcnet keeps them', () => {
    for (const data of [toOsmXml(model), toOsmPbf(model)]) {
      const net = readOsm(data, 'f.osm').network;
      const v = net.vehicleLimits!;
      expect(v).toBeDefined();
      for (let l = 0; l < net.linkCount; l++) {
        const bridge = net.linkWayId[l] === 2;
        expect(v.maxWeightT[l]).toBe(bridge ? 10 : NaN);
        expect(v.maxHeightM[l]).toBe(bridge ? 3.5 : NaN);
        expect(v.maxWidthM[l]).toBeNaN();
        expect(v.noHgv[l]).toBe(bridge ? 1 : 0);
      }
      const back = readNetworkFile(writeNetworkFile({ network: net }), 'f.fcnet').network;
      expect(back.vehicleLimits).toEqual(v);
    }
  });

  it('no limit tagged: no vehicleLimits section at all (the network is as before)', () => {
    const plain: FixtureModel = { ...model, ways: model.ways.map((w) => ({ ...w, tags: { highway: 'residential' } })) };
    const net = readOsm(toOsmXml(plain), 'f.osm').network;
    expect('vehicleLimits' in net).toBe(false);
    expect('vehicleLimits' in readNetworkFile(writeNetworkFile({ network: net }), 'f.fcnet').network).toBe(false);
  });
});

describe('GeoJSON roads: limit properties read as OSM tags', () => {
  it('a feature with maxweight 10 (a number) and one with maxheight "3.5 m": each on its own links only', async () => {
    const { readGeoJsonRoads } = await import('./geojson_roads');
    const line = (id: number, x0: number, x1: number, props: Record<string, unknown>) => ({ type: 'Feature', properties: { id, highway: 'residential', ...props }, geometry: { type: 'LineString', coordinates: [[x0, 30], [x1, 30]] } });
    const net = readGeoJsonRoads({ type: 'FeatureCollection', features: [line(1, 104, 104.001, {}), line(2, 104.001, 104.002, { maxweight: 10 }), line(3, 104.002, 104.003, { maxheight: '3.5 m', hgv: 'no' })] } as never, 'roads.geojson');
    const v = net.vehicleLimits!;
    for (let l = 0; l < net.linkCount; l++) {
      const w = net.linkWayId[l];
      expect(v.maxWeightT[l]).toBe(w === 2 ? 10 : NaN);
      expect(v.maxHeightM[l]).toBe(w === 3 ? 3.5 : NaN);
      expect(v.noHgv[l]).toBe(w === 3 ? 1 : 0);
    }
  });
});
