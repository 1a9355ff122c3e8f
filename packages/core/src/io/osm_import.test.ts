import { describe, expect, it } from 'vitest';
import { InputError } from '../input_error';
import { lineNodes, toOsmPbf, toOsmXml, type FixtureModel } from './fixtures/osm_fixture';
import { readOsm, type OsmImport, type OsmImportOptions } from './osm_import';
import { LinkFlag } from '../network/road_class';
import type { RoadNetwork } from '../network/road_network';

const F = LinkFlag.FORWARD;
const B = LinkFlag.BACKWARD;
/** 0.001° of longitude on the equator: WGS84 a = 6378137 m → 6378137 × π/180 / 1000 = 111.3195 m. */
const M_PER_MILLIDEG = (6378137 * Math.PI) / 180 / 1000;

function arrays(net: RoadNetwork): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(net)) out[k] = ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v;
  return out;
}

/** Imports the model as XML and as PBF, checks both readers agree exactly, returns the XML result. */
function importBoth(m: FixtureModel, options: OsmImportOptions = {}): OsmImport {
  const x = readOsm(toOsmXml(m), 'fixture.osm', options);
  const p = readOsm(toOsmPbf(m), 'fixture.osm.pbf', options);
  expect(arrays(p.network)).toEqual(arrays(x.network));
  expect(p.features).toEqual(x.features);
  expect({ ...p.report, format: 'xml' }).toEqual(x.report);
  expect(x.report.format).toBe('xml');
  expect(p.report.format).toBe('pbf');
  return x;
}

/** One way of two nodes (0,0)–(0.001,0) with the given tags, plus a control residential street elsewhere. */
function single(tags: Record<string, string>, options?: OsmImportOptions): OsmImport {
  return importBoth(
    {
      nodes: [...lineNodes(1, 2), ...lineNodes(3, 2, 0.01)],
      ways: [
        { id: 10, refs: [1, 2], tags },
        { id: 20, refs: [3, 4], tags: { highway: 'residential' } },
      ],
    },
    options,
  );
}

/** Index of the link from way 10, or -1 when it was left out. */
function testLink(r: OsmImport): number {
  return Array.from(r.network.linkWayId).indexOf(10);
}

function flagsOf(tags: Record<string, string>): number {
  const r = single(tags);
  const l = testLink(r);
  expect(l).toBeGreaterThanOrEqual(0);
  return r.network.linkFlags[l];
}

describe('oneway', () => {
  it.each([
    ['yes', F],
    ['1', F],
    ['true', F],
    ['-1', B],
    ['reverse', B],
    ['no', F | B],
    ['false', F | B],
    ['0', F | B],
    ['reversible', F | B],
    ['alternating', F | B],
  ])('oneway=%s', (v, expected) => {
    expect(flagsOf({ highway: 'residential', oneway: v }) & (F | B)).toBe(expected);
  });

  it('no oneway tag: both directions, finite costs both ways', () => {
    const r = single({ highway: 'residential' });
    const l = testLink(r);
    expect(r.network.linkFlags[l] & (F | B)).toBe(F | B);
    // 111.32 m at the default residential speed 30 km/h: 111.32 / (30 / 3.6) = 13.358 s
    expect(r.network.linkForwardS[l]).toBeCloseTo(M_PER_MILLIDEG / (30 / 3.6), 1);
    expect(r.network.linkBackwardS[l]).toBeCloseTo(M_PER_MILLIDEG / (30 / 3.6), 1);
  });

  it('one-way: the forbidden direction costs Infinity, and the report counts it', () => {
    const r = single({ highway: 'residential', oneway: 'yes' });
    const l = testLink(r);
    expect(Number.isFinite(r.network.linkForwardS[l])).toBe(true);
    expect(r.network.linkBackwardS[l]).toBe(Infinity);
    expect(r.report.oneWayLinks).toBe(1);
    const rev = single({ highway: 'residential', oneway: '-1' });
    expect(rev.network.linkForwardS[testLink(rev)]).toBe(Infinity);
    expect(Number.isFinite(rev.network.linkBackwardS[testLink(rev)])).toBe(true);
  });

  it('roundabouts and circular junctions are one-way with the ROUNDABOUT flag', () => {
    expect(flagsOf({ highway: 'primary', junction: 'roundabout' })).toBe(F | LinkFlag.ROUNDABOUT);
    expect(flagsOf({ highway: 'primary', junction: 'circular' })).toBe(F | LinkFlag.ROUNDABOUT);
    expect(flagsOf({ highway: 'primary', junction: 'roundabout', oneway: 'no' })).toBe(F | B | LinkFlag.ROUNDABOUT);
  });

  it('motorways and motorway links are implied one-way unless oneway=no', () => {
    expect(flagsOf({ highway: 'motorway' })).toBe(F);
    expect(flagsOf({ highway: 'motorway_link' })).toBe(F);
    expect(flagsOf({ highway: 'motorway', oneway: 'no' })).toBe(F | B);
    expect(flagsOf({ highway: 'trunk' })).toBe(F | B);
  });
});

describe('maxspeed', () => {
  const speeds = (tags: Record<string, string>): [number, number] => {
    const r = single({ highway: 'primary', ...tags });
    const l = testLink(r);
    return [r.network.linkMaxspeedForwardKmh[l], r.network.linkMaxspeedBackwardKmh[l]];
  };
  it('km/h, with or without unit', () => {
    expect(speeds({ maxspeed: '50' })).toEqual([50, 50]);
    expect(speeds({ maxspeed: '70 km/h' })).toEqual([70, 70]);
  });
  it('mph × 1.609344', () => {
    const [f, b] = speeds({ maxspeed: '30 mph' });
    expect(f).toBeCloseTo(48.28, 2); // 30 × 1.609344 = 48.28032 (Float32)
    expect(b).toBeCloseTo(48.28, 2);
  });
  it('maxspeed:forward / maxspeed:backward override per direction', () => {
    expect(speeds({ maxspeed: '50', 'maxspeed:forward': '30' })).toEqual([30, 50]);
    expect(speeds({ 'maxspeed:forward': '60', 'maxspeed:backward': '40' })).toEqual([60, 40]);
  });
  it('implicit German zones map to their legal value; other words are NaN', () => {
    expect(speeds({ maxspeed: 'DE:urban' })).toEqual([50, 50]);
    expect(speeds({ maxspeed: 'DE:rural' })).toEqual([100, 100]);
    for (const v of ['none', 'walk', 'signals', 'DE:motorway']) {
      const [f, b] = speeds({ maxspeed: v });
      expect(Number.isNaN(f) && Number.isNaN(b)).toBe(true);
    }
  });
  it('a posted limit lowers the cost up to the class cap', () => {
    // primary: class speed 45 km/h, cap 60 km/h. maxspeed 30 → 30 km/h; maxspeed 100 → capped at 60.
    const r30 = single({ highway: 'primary', maxspeed: '30' });
    expect(r30.network.linkForwardS[testLink(r30)]).toBeCloseTo(M_PER_MILLIDEG / (30 / 3.6), 1);
    const r100 = single({ highway: 'primary', maxspeed: '100' });
    expect(r100.network.linkForwardS[testLink(r100)]).toBeCloseTo(M_PER_MILLIDEG / (60 / 3.6), 1);
  });
});

describe('which ways a fire engine may use', () => {
  const kept = (tags: Record<string, string>, options?: OsmImportOptions): boolean => testLink(single(tags, options)) >= 0;
  const reason = (tags: Record<string, string>, options?: OsmImportOptions): Record<string, number> => single(tags, options).report.droppedWays;

  it('drivable classes, including service roads and links', () => {
    for (const hw of ['motorway', 'trunk_link', 'primary', 'secondary_link', 'tertiary', 'unclassified', 'residential', 'service', 'living_street']) {
      expect(kept({ highway: hw }), hw).toBe(true);
    }
    for (const hw of ['footway', 'cycleway', 'track', 'path', 'steps', 'pedestrian']) expect(kept({ highway: hw }), hw).toBe(false);
    expect(reason({ highway: 'footway' })).toEqual({ not_drivable: 1 });
  });

  it('access=no, motor_vehicle=no, vehicle=no exclude; the most specific tag wins', () => {
    expect(reason({ highway: 'residential', access: 'no' })).toEqual({ access: 1 });
    expect(kept({ highway: 'residential', motor_vehicle: 'no' })).toBe(false);
    expect(kept({ highway: 'residential', vehicle: 'no' })).toBe(false);
    expect(kept({ highway: 'residential', access: 'no', motor_vehicle: 'yes' })).toBe(true);
    expect(kept({ highway: 'residential', access: 'no', vehicle: 'destination' })).toBe(true);
  });

  it('private, destination, agricultural roads stay (emergency access)', () => {
    for (const v of ['private', 'destination', 'agricultural', 'forestry', 'customers', 'delivery']) expect(kept({ highway: 'service', access: v }), v).toBe(true);
  });

  it('emergency=yes overrides an exclusion; emergency=no excludes', () => {
    expect(kept({ highway: 'service', access: 'no', emergency: 'yes' })).toBe(true);
    expect(kept({ highway: 'service', motor_vehicle: 'no', emergency: 'designated' })).toBe(true);
    expect(reason({ highway: 'residential', emergency: 'no' })).toEqual({ emergency_no: 1 });
    expect(kept({ highway: 'service', service: 'emergency_access', access: 'no', emergency: 'yes' })).toBe(true);
    expect(kept({ highway: 'service', service: 'emergency_access' })).toBe(true);
  });

  it('options: accessDenied and includeClasses replace the defaults', () => {
    expect(kept({ highway: 'service', access: 'private' }, { accessDenied: ['no', 'private'] })).toBe(false);
    expect(kept({ highway: 'service' }, { includeClasses: ['residential', 'primary'] })).toBe(false);
    expect(() => single({ highway: 'residential' }, { includeClasses: ['residental'] })).toThrow(InputError);
  });

  it('area=yes, construction and proposed roads are left out', () => {
    expect(reason({ highway: 'service', area: 'yes' })).toEqual({ area: 1 });
    expect(reason({ highway: 'construction', construction: 'residential' })).toEqual({ construction: 1 });
    expect(reason({ highway: 'residential', construction: 'yes' })).toEqual({ construction: 1 });
    expect(kept({ highway: 'residential', construction: 'no' })).toBe(true);
    expect(reason({ highway: 'proposed' })).toEqual({ proposed: 1 });
  });
});

describe('link attributes', () => {
  it('bridge and tunnel flags (not for =no)', () => {
    expect(flagsOf({ highway: 'primary', bridge: 'yes' })).toBe(F | B | LinkFlag.BRIDGE);
    expect(flagsOf({ highway: 'primary', bridge: 'viaduct' })).toBe(F | B | LinkFlag.BRIDGE);
    expect(flagsOf({ highway: 'primary', bridge: 'no' })).toBe(F | B);
    expect(flagsOf({ highway: 'primary', tunnel: 'yes' })).toBe(F | B | LinkFlag.TUNNEL);
    expect(flagsOf({ highway: 'primary', tunnel: 'building_passage' })).toBe(F | B | LinkFlag.TUNNEL);
    expect(flagsOf({ highway: 'primary', tunnel: 'no' })).toBe(F | B);
  });

  it('width from width=, else lanes × 3.5 m, else NaN; name kept', () => {
    const w = (tags: Record<string, string>): number => {
      const r = single({ highway: 'primary', ...tags });
      return r.network.linkWidthM[testLink(r)];
    };
    expect(w({ width: '12' })).toBe(12);
    expect(w({ width: '12.5 m' })).toBe(12.5);
    expect(w({ lanes: '2' })).toBe(7);
    expect(w({ width: '9', lanes: '4' })).toBe(9);
    expect(Number.isNaN(w({}))).toBe(true);
    const r = single({ highway: 'primary', name: '人民路' });
    expect(r.network.names[r.network.linkName[testLink(r)]]).toBe('人民路');
  });
});

describe('splitting into links', () => {
  it('a cross of two ways gives 4 links and 5 nodes; lengths measured along the geometry', () => {
    // West–east way 1-2-3 and south–north way 4-2-5 crossing at node 2 (0.001, 0).
    const r = importBoth({
      nodes: [
        { id: 1, lon: 0, lat: 0 },
        { id: 2, lon: 0.001, lat: 0 },
        { id: 3, lon: 0.002, lat: 0 },
        { id: 4, lon: 0.001, lat: -0.001 },
        { id: 5, lon: 0.001, lat: 0.001 },
      ],
      ways: [
        { id: 100, refs: [1, 2, 3], tags: { highway: 'residential' } },
        { id: 200, refs: [4, 2, 5], tags: { highway: 'residential' } },
      ],
    });
    const net = r.network;
    expect(net.nodeCount).toBe(5);
    expect(net.linkCount).toBe(4);
    expect(Array.from(net.linkWayId).sort()).toEqual([100, 100, 200, 200]);
    const centre = Array.from(net.nodeId).indexOf(2);
    expect(net.arcOffset[centre + 1] - net.arcOffset[centre]).toBe(4); // one arc leaves the centre per link
  });

  it('shape points are not graph nodes; length sums the pieces', () => {
    // 5 nodes in a line, one way: 1 link, 2 nodes, 4 × 111.32 m.
    const r = importBoth({ nodes: lineNodes(1, 5), ways: [{ id: 7, refs: [1, 2, 3, 4, 5], tags: { highway: 'service' } }] });
    expect(r.network.nodeCount).toBe(2);
    expect(r.network.linkCount).toBe(1);
    expect(r.network.geomOffset[1]).toBe(5);
    expect(Math.abs(r.network.linkLengthM[0] / (4 * M_PER_MILLIDEG) - 1)).toBeLessThan(0.001);
  });

  it('a way ending on the middle of another splits that one', () => {
    // T-junction: 1-2-3 and 2-4 → 3 links, 4 nodes.
    const r = importBoth({
      nodes: [...lineNodes(1, 3), { id: 4, lon: 0.001, lat: 0.001 }],
      ways: [
        { id: 1, refs: [1, 2, 3], tags: { highway: 'residential' } },
        { id: 2, refs: [2, 4], tags: { highway: 'residential' } },
      ],
    });
    expect([r.network.nodeCount, r.network.linkCount]).toEqual([4, 3]);
  });

  it('nodes missing from the file are dropped from the way, which is split there and counted', () => {
    // Way 1-2-(99 missing)-3-4: pieces 1-2 and 3-4.
    const r = importBoth({ nodes: lineNodes(1, 4), ways: [{ id: 5, refs: [1, 2, 99, 3, 4], tags: { highway: 'residential' } }] });
    expect(r.network.linkCount).toBe(2);
    expect(r.network.nodeCount).toBe(4);
    expect(r.report.waysMissingNodes).toBe(1);
    expect(r.report.missingNodeRefs).toBe(1);
    for (let l = 0; l < 2; l++) expect(r.network.linkLengthM[l]).toBeCloseTo(M_PER_MILLIDEG, 1);
  });

  it('a drivable way with fewer than two nodes left is dropped as too short', () => {
    const r = importBoth({
      nodes: lineNodes(1, 2),
      ways: [
        { id: 1, refs: [1, 2], tags: { highway: 'residential' } },
        { id: 2, refs: [1, 98, 99], tags: { highway: 'residential' } },
      ],
    });
    expect(r.report.droppedWays).toEqual({ too_short: 1 });
    expect(r.report.waysMissingNodes).toBe(1);
  });

  it('a closed way without other junctions becomes one loop link', () => {
    const r = importBoth({
      nodes: [
        { id: 1, lon: 0, lat: 0 },
        { id: 2, lon: 0.001, lat: 0 },
        { id: 3, lon: 0.001, lat: 0.001 },
      ],
      ways: [{ id: 1, refs: [1, 2, 3, 1], tags: { highway: 'residential', junction: 'roundabout' } }],
    });
    expect(r.network.linkCount).toBe(1);
    expect(r.network.linkSource[0]).toBe(r.network.linkTarget[0]);
  });
});

describe('map features', () => {
  const roads = { nodes: lineNodes(1, 2), ways: [{ id: 1, refs: [1, 2], tags: { highway: 'residential' } }] };

  it('hydrant attributes and status', () => {
    const r = importBoth({
      nodes: [
        ...roads.nodes,
        { id: 50, lon: 0.0005, lat: 0.0001, tags: { emergency: 'fire_hydrant', 'fire_hydrant:type': 'underground', 'fire_hydrant:diameter': 'DN100', 'fire_hydrant:position': 'sidewalk', ref: 'H-7' } },
        { id: 51, lon: 0.0006, lat: 0.0001, tags: { emergency: 'fire_hydrant', 'fire_hydrant:type': 'pillar', 'fire_hydrant:diameter': '150', operational_status: 'broken' } },
        { id: 52, lon: 0.0007, lat: 0.0001, tags: { emergency: 'fire_hydrant', disused: 'yes' } },
        { id: 53, lon: 0.0008, lat: 0.0001, tags: { emergency: 'fire_hydrant', operational_status: 'low_pressure' } },
        { id: 54, lon: 0.0009, lat: 0.0001, tags: { emergency: 'fire_hydrant', operational_status: 'operational' } },
      ],
      ways: roads.ways,
    });
    const h = r.features.hydrants.features.map((f) => f.properties);
    expect(h[0]).toEqual({ id: 'node/50', ref: 'H-7', type: 'underground', diameterMm: 100, position: 'sidewalk', status: 'unknown' });
    expect(h.map((p) => p.status)).toEqual(['unknown', 'damaged', 'damaged', 'low_pressure', 'working']);
    expect(h[1].diameterMm).toBe(150);
    expect(r.report.hydrants).toBe(5);
  });

  it('a station mapped as building and as node inside it is one station; a far one stays separate', () => {
    // Building square 0.0002° around (0.0101, 0.0001); node inside it; another station node 1 km away.
    const sq = [
      { id: 60, lon: 0.01, lat: 0 },
      { id: 61, lon: 0.0102, lat: 0 },
      { id: 62, lon: 0.0102, lat: 0.0002 },
      { id: 63, lon: 0.01, lat: 0.0002 },
    ];
    const r = importBoth({
      nodes: [
        ...roads.nodes,
        ...sq,
        { id: 70, lon: 0.01005, lat: 0.00005, tags: { amenity: 'fire_station', name: 'FF Nord' } },
        { id: 71, lon: 0.02, lat: 0, tags: { amenity: 'fire_station', name: 'FF Süd' } },
      ],
      ways: [...roads.ways, { id: 80, refs: [60, 61, 62, 63, 60], tags: { amenity: 'fire_station', building: 'yes' } }],
    });
    expect(r.report.stations).toBe(2);
    expect(r.report.stationDuplicatesMerged).toEqual([{ id: 'way/80', name: 'FF Nord', osmIds: ['way/80', 'node/70'] }]);
    const st = r.features.stations.features[0];
    expect(st.geometry.coordinates[0]).toBeCloseTo(0.0101, 7); // centroid of the square
    expect(st.geometry.coordinates[1]).toBeCloseTo(0.0001, 7);
  });

  it('two station nodes 50 m apart with different names stay two stations', () => {
    const r = importBoth({
      nodes: [...roads.nodes, { id: 70, lon: 0.01, lat: 0, tags: { amenity: 'fire_station', name: 'A' } }, { id: 71, lon: 0.0104, lat: 0, tags: { amenity: 'fire_station', name: 'B' } }],
      ways: roads.ways,
    });
    expect(r.report.stations).toBe(2);
    expect(r.report.stationDuplicatesMerged).toEqual([]);
  });

  it('water sources and barriers', () => {
    const ring = [
      { id: 60, lon: 0.01, lat: 0 },
      { id: 61, lon: 0.011, lat: 0 },
      { id: 62, lon: 0.011, lat: 0.001 },
    ];
    const r = importBoth({
      nodes: [...lineNodes(1, 4), ...ring, ...lineNodes(90, 2, 0.02), { id: 95, lon: 0.03, lat: 0, tags: { emergency: 'suction_point' } }],
      ways: [
        { id: 1, refs: [1, 2], tags: { highway: 'motorway', ref: 'A 9' } },
        { id: 2, refs: [2, 3], tags: { highway: 'trunk', tunnel: 'yes' } },
        { id: 3, refs: [3, 4], tags: { highway: 'primary' } },
        { id: 4, refs: [60, 61, 62, 60], tags: { natural: 'water', water: 'river' } },
        { id: 5, refs: [90, 91], tags: { waterway: 'river', name: 'Pegnitz' } },
        { id: 6, refs: [1, 4], tags: { railway: 'rail' } },
        { id: 7, refs: [1, 3], tags: { railway: 'rail', service: 'siding' } },
      ],
    });
    const ws = r.features.waterSources.features.map((f) => [f.properties.id, f.properties.kind, f.geometry.type]);
    expect(ws).toEqual([
      ['node/95', 'suction_point', 'Point'],
      ['way/4', 'water_body', 'Polygon'],
      ['way/5', 'river', 'LineString'],
    ]);
    // a barrier without a name is named by its ref (a motorway is often only "A 9")
    const bs = r.features.barriers.features.map((f) => [f.properties.id, f.properties.kind, f.properties.name]);
    expect(bs).toEqual([
      ['way/1', 'expressway', 'A 9'],
      ['way/4', 'river', undefined],
      ['way/5', 'river', 'Pegnitz'],
      ['way/6', 'railway', undefined],
    ]);
  });

  it('multipolygon water body from two member ways, with a station relation', () => {
    const r = importBoth({
      nodes: [
        ...roads.nodes,
        { id: 60, lon: 0.01, lat: 0 },
        { id: 61, lon: 0.012, lat: 0 },
        { id: 62, lon: 0.012, lat: 0.002 },
        { id: 63, lon: 0.01, lat: 0.002 },
      ],
      ways: [...roads.ways, { id: 30, refs: [60, 61, 62] }, { id: 31, refs: [62, 63, 60] }],
      relations: [
        {
          id: 500,
          tags: { type: 'multipolygon', natural: 'water' },
          members: [
            { type: 'way', ref: 30, role: 'outer' },
            { type: 'way', ref: 31, role: 'outer' },
          ],
        },
      ],
    });
    const f = r.features.waterSources.features;
    expect(f.length).toBe(1);
    expect(f[0].geometry.type).toBe('MultiPolygon');
    expect((f[0].geometry as { coordinates: number[][][][] }).coordinates[0][0].length).toBe(5);
  });
});

describe('bad input', () => {
  const good: FixtureModel = { nodes: lineNodes(1, 3), ways: [{ id: 1, refs: [1, 2, 3], tags: { highway: 'residential' } }] };

  it('truncated PBF names the file and the blob', () => {
    const pbf = toOsmPbf(good);
    expect(() => readOsm(pbf.subarray(0, 2), 'cut.osm.pbf')).toThrow(/cut\.osm\.pbf: not an OSM file/);
    for (const cut of [pbf.length - 5, 30, Math.floor(pbf.length / 2) + 3]) {
      expect(() => readOsm(pbf.subarray(0, cut), 'cut.osm.pbf')).toThrow(/cut\.osm\.pbf \(blob \d+ at byte \d+\): truncated/);
    }
  });

  it('corrupt zlib data in a blob', () => {
    const pbf = toOsmPbf(good).slice();
    pbf[pbf.length - 10] ^= 0xff;
    pbf[pbf.length - 20] ^= 0xff;
    expect(() => readOsm(pbf, 'bad.osm.pbf')).toThrow(/bad\.osm\.pbf \(blob 2 at byte \d+\): corrupt zlib data/);
  });

  it('garbage bytes', () => {
    expect(() => readOsm(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]), 'x.bin')).toThrow(/x\.bin: not an OSM file/);
    expect(() => readOsm(new Uint8Array([0x1f, 0x8b, 8, 0]), 'x.osm.gz')).toThrow(/gzip/);
  });

  it('an unsupported required feature', () => {
    expect(() => readOsm(toOsmPbf(good, { requiredFeatures: ['OsmSchema-V0.6', 'DenseNodes', 'FancyNewThing'] }), 'f.osm.pbf')).toThrow('f.osm.pbf (blob 0 at byte 0): file requires the unsupported feature "FancyNewThing"');
  });

  it('malformed XML: the error names the line', () => {
    const xml = '<osm version="0.6">\n  <node id="1" lat="0" lon="0">\n  <way id="2">\n</osm>\n';
    try {
      readOsm(xml, 'broken.osm');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).where.file).toBe('broken.osm');
      expect((e as InputError).where.line).toBe(4);
      expect((e as InputError).message).toMatch(/^broken\.osm:4: malformed XML/);
    }
  });

  it('a way with no nodes', () => {
    const m: FixtureModel = { nodes: good.nodes, ways: [...good.ways, { id: 9, refs: [], tags: { highway: 'residential' } }] };
    const xml = toOsmXml(m);
    const line = xml.split('\n').findIndex((s) => s.includes('<way id="9"')) + 1;
    expect(() => readOsm(xml, 'e.osm')).toThrow(new RegExp(`^e\\.osm:${line}: way 9 has no nodes`));
    expect(() => readOsm(toOsmPbf(m), 'e.osm.pbf')).toThrow(/^e\.osm\.pbf \(way 9, blob 2 at byte \d+\): way 9 has no nodes/);
  });

  it('coordinates out of range', () => {
    const m: FixtureModel = { nodes: [...good.nodes.slice(0, 2), { id: 3, lon: 0.002, lat: 91 }], ways: good.ways };
    const xml = toOsmXml(m);
    const line = xml.split('\n').findIndex((s) => s.includes('<node id="3"')) + 1;
    expect(() => readOsm(xml, 'r.osm')).toThrow(new RegExp(`^r\\.osm:${line}: node 3: coordinates out of range`));
    expect(() => readOsm(toOsmPbf(m), 'r.osm.pbf')).toThrow(/^r\.osm\.pbf \(node 3, blob 1 at byte \d+\): node 3: coordinates out of range/);
  });

  it('no drivable roads', () => {
    const m: FixtureModel = { nodes: good.nodes, ways: [{ id: 1, refs: [1, 2, 3], tags: { highway: 'footway' } }] };
    expect(() => readOsm(toOsmXml(m), 'paths.osm')).toThrow('paths.osm: no drivable roads in paths.osm');
    expect(() => readOsm(toOsmPbf(m), 'paths.osm.pbf')).toThrow('no drivable roads in paths.osm.pbf');
  });

  it('not OSM XML', () => {
    expect(() => readOsm('<html><body/></html>', 'page.html')).toThrow(/page\.html:1: not an OSM XML file/);
  });
});
