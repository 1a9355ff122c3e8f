import { describe, expect, it } from 'vitest';
import { readGeoJsonRoads } from './geojson_roads';
import { LinkFlag, roadClassName } from '../network/road_class';
import { DEFAULT_SPEED_MODEL } from '../cost/speed_model';
import { thrownInputError } from '../testing';

type Props = Record<string, unknown>;
const line = (coords: number[][], properties: Props = {}) => ({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates: coords } });
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('readGeoJsonRoads', () => {
  it('nodes two crossing lines at their shared coordinate: 4 links, 5 nodes', () => {
    const net = readGeoJsonRoads(
      fc(line([[8.0, 49.0], [8.001, 49.0], [8.002, 49.0]]), line([[8.001, 48.999], [8.001, 49.0], [8.001, 49.001]])),
      'roads.geojson',
    );
    expect(net.linkCount).toBe(4);
    expect(net.nodeCount).toBe(5);
    // the crossing node has degree 4
    const deg = Array.from({ length: net.nodeCount }, (_, n) => net.arcOffset[n + 1] - net.arcOffset[n]);
    expect(deg.sort()).toEqual([1, 1, 1, 1, 4]);
  });

  it('lines that cross without a shared vertex stay apart (a bridge); near-equal vertices join within the tolerance', () => {
    const apart = readGeoJsonRoads(fc(line([[8.0, 49.0], [8.002, 49.0]]), line([[8.001, 48.999], [8.001, 49.001]])), 'r.geojson');
    expect(apart.linkCount).toBe(2);
    // 0.00000005° of longitude at 49° ≈ 3.6 mm: within the default 0.01 m
    const near = fc(line([[8.0, 49.0], [8.001, 49.0]]), line([[8.00100005, 49.0], [8.002, 49.0]]));
    expect(readGeoJsonRoads(near, 'r.geojson').nodeCount).toBe(3);
    expect(readGeoJsonRoads(near, 'r.geojson', { toleranceM: 0 }).nodeCount).toBe(4);
  });

  it('an interior vertex shared with another line splits the line (T junction)', () => {
    const net = readGeoJsonRoads(fc(line([[8.0, 49.0], [8.001, 49.0], [8.002, 49.0]]), line([[8.001, 49.0], [8.001, 49.001]])), 'r.geojson');
    expect(net.linkCount).toBe(3);
    expect(net.nodeCount).toBe(4);
  });

  it('reads Chinese road classes, oneway, maxspeed, width/lanes, bridge, name; costs from the speed model', () => {
    const net = readGeoJsonRoads(
      fc(
        line([[116.0, 39.0], [116.01, 39.0]], { 等级: '主干路', name: '长安街', lanes: 4 }),
        line([[116.01, 39.0], [116.02, 39.0]], { road_class: '快速路', oneway: 'yes', maxspeed: 60, bridge: true }),
        line([[116.02, 39.0], [116.03, 39.0]], { class: '支路', oneway: -1, width: '6.5' }),
        line([[116.03, 39.0], [116.04, 39.0]], { class: '次干路' }),
      ),
      'beijing.geojson',
    );
    expect(Array.from(net.linkClass).map(roadClassName)).toEqual(['primary', 'motorway', 'residential', 'secondary']);
    expect(net.names[net.linkName[0]]).toBe('长安街');
    expect(net.linkWidthM[0]).toBe(4 * 3.5);
    expect(net.linkWidthM[2]).toBe(6.5);
    expect(net.linkFlags[1] & LinkFlag.BRIDGE).toBe(LinkFlag.BRIDGE);
    expect(net.linkBackwardS[1]).toBe(Infinity);
    expect(net.linkForwardS[2]).toBe(Infinity);
    expect(net.linkBackwardS[3]).toBeLessThan(Infinity);
    // primary at the default 45 km/h: seconds = metres / 12.5
    expect(net.linkForwardS[0]).toBeCloseTo(net.linkLengthM[0] / (DEFAULT_SPEED_MODEL.classSpeedKmh.primary / 3.6), 3);
    // motorway with maxspeed 60 (below the 80 km/h cap)
    expect(net.linkForwardS[1]).toBeCloseTo(net.linkLengthM[1] / (60 / 3.6), 3);
  });

  it('MultiLineString parts become separate lines', () => {
    const f = { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[[8, 49], [8.001, 49]], [[8.001, 49], [8.001, 49.001]]] } };
    const net = readGeoJsonRoads(fc(f), 'r.geojson');
    expect(net.linkCount).toBe(2);
    expect(net.nodeCount).toBe(3);
  });

  it('keeps a Chinese name beside the name (nameZh, or name:zh); none → index 0', () => {
    const net = readGeoJsonRoads(
      fc(
        line([[116.0, 39.0], [116.01, 39.0]], { name: 'Xihuan Road', nameZh: '西环路' }),
        line([[116.0, 39.01], [116.01, 39.01]], { name: 'Chang’an Avenue', 'name:zh': '长安街' }),
        line([[116.0, 39.02], [116.01, 39.02]], { name: 'Ring Road' }),
      ),
      'roads.geojson',
    );
    expect([0, 1, 2].map((l) => net.names[net.linkName[l]])).toEqual(['Xihuan Road', 'Chang’an Avenue', 'Ring Road']);
    expect([0, 1].map((l) => net.names[net.linkNameZh[l]])).toEqual(['西环路', '长安街']);
    expect(net.linkNameZh[2]).toBe(0);
  });

  describe('errors name the file and the feature', () => {
    const cases: Array<[string, string, RegExp, string | undefined, number | undefined]> = [
      ['invalid JSON (with line)', '{\n "type": "FeatureCollection",\n "features": [,]\n}', /invalid JSON/, undefined, 3],
      ['truncated JSON (last line)', '{\n "type": "FeatureCollection",\n "features": [', /invalid JSON/, undefined, 3],
      ['bad literal (its line)', '{\n "type": "FeatureCollection",\n "x": tru,\n "features": []\n}', /invalid JSON/, undefined, 3],
      ['not a FeatureCollection', JSON.stringify({ type: 'Feature' }), /not a GeoJSON FeatureCollection/, undefined, undefined],
      ['geometry not a line', fc(line([[8, 49], [8.001, 49]]), { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [8, 49] } }), /Point, not a LineString/, 'feature 1', undefined],
      ['coordinates out of range', fc(line([[8, 49], [8.001, 49]]), line([[500000, 5400000], [500100, 5400000]])), /out of range/, 'feature 1', undefined],
      ['lat/lon swapped', fc(line([[31.2, 121.4], [31.3, 121.5]])), /look like \[lat, lon\]/, 'feature 0', undefined],
      ['fewer than 2 points', fc(line([[8, 49], [8.001, 49]]), line([[8, 49]])), /at least 2 points/, 'feature 1', undefined],
      ['two equal points', fc(line([[8, 49], [8, 49]])), /at least 2 distinct points/, 'feature 0', undefined],
      ['empty network', fc(), /empty/, undefined, undefined],
    ];
    for (const [name, text, msg, feature, lineNo] of cases) {
      it(name, () => {
        const e = thrownInputError(() => readGeoJsonRoads(text, 'roads.geojson'));
        expect(e.where.file).toBe('roads.geojson');
        expect(e.where.feature).toBe(feature);
        expect(e.where.line).toBe(lineNo);
        expect(e.message).toMatch(msg);
        expect(e.messageZh.length).toBeGreaterThan(0);
      });
    }
  });
});
