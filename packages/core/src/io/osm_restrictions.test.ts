import { describe, expect, it } from 'vitest';
import { toOsmPbf, toOsmXml, type FixtureModel, type FixtureRelation } from './fixtures/osm_fixture';
import { readOsm } from './osm_import';
import { fireEngineRestriction } from './osm_restrictions';
import { readNetworkFile, writeNetworkFile } from './network_file';
import { multiSourceSearch } from '../search/multi_source_search';
import { linkArcs } from '../search/arc_costs';
import type { RoadNetwork } from '../network/road_network';

/**
 * A cross junction J (node 1) with four arms, each its own way ending at J:
 * way 10 S(2)→J, way 11 J→N(3), way 12 W(4)→J, way 13 J→E(5). Way 14 runs past J (N→J→S2) to give
 * a "to" way that passes through the via node.
 */
const model = (relations: FixtureRelation[]): FixtureModel => ({
  nodes: [
    { id: 1, lon: 0, lat: 0 },
    { id: 2, lon: 0, lat: -0.001 },
    { id: 3, lon: 0, lat: 0.001 },
    { id: 4, lon: -0.001, lat: 0 },
    { id: 5, lon: 0.001, lat: 0 },
    { id: 6, lon: 0.0005, lat: 0.0005 },
    { id: 7, lon: -0.0005, lat: -0.0005 },
  ],
  ways: [
    { id: 10, refs: [2, 1], tags: { highway: 'residential' } },
    { id: 11, refs: [1, 3], tags: { highway: 'residential' } },
    { id: 12, refs: [4, 1], tags: { highway: 'residential' } },
    { id: 13, refs: [1, 5], tags: { highway: 'residential' } },
    { id: 14, refs: [6, 1, 7], tags: { highway: 'service' } },
  ],
  relations,
});

const rel = (id: number, tags: Record<string, string>, from: number, via: number, to: number, viaType: 'node' | 'way' = 'node'): FixtureRelation => ({
  id,
  tags: { type: 'restriction', ...tags },
  members: [
    { type: 'way', ref: from, role: 'from' },
    { type: viaType, ref: via, role: 'via' },
    { type: 'way', ref: to, role: 'to' },
  ],
});

const RELATIONS: FixtureRelation[] = [
  rel(100, { restriction: 'no_left_turn' }, 10, 1, 12), // applied
  rel(101, { restriction: 'only_straight_on' }, 12, 1, 13), // applied
  rel(102, { restriction: 'no_u_turn', except: 'bicycle;emergency' }, 10, 1, 10), // fire engine exempt
  rel(103, { 'restriction:hgv': 'no_right_turn' }, 10, 1, 13), // another vehicle
  rel(104, { restriction: 'no_left_turn' }, 10, 11, 12, 'way'), // via way: not applied
  rel(105, { restriction: 'no_left_turn' }, 999, 1, 12), // from way not in the file
  rel(106, { restriction: 'no_entry' }, 10, 1, 12), // kind not read
  rel(107, { 'restriction:motorcar': 'no_right_turn' }, 11, 1, 12), // applied (southbound from N, W is a right turn)
  rel(108, { 'restriction:conditional': 'no_left_turn @ (07:00-09:00)' }, 10, 1, 12), // conditional
  rel(109, { restriction: 'no_left_turn' }, 10, 1, 14), // to way 14 passes through J: ambiguous
];

const linkOfWay = (net: RoadNetwork, way: number): number => Array.from(net.linkWayId).indexOf(way);

describe('OSM turn restrictions', () => {
  it('the XML and PBF readers give the same table, and the report counts every relation', () => {
    const x = readOsm(toOsmXml(model(RELATIONS)), 'x.osm');
    const p = readOsm(toOsmPbf(model(RELATIONS)), 'x.osm.pbf');
    const t = x.network.turnRestrictions!;
    expect(t.count).toBe(3);
    expect(p.network.turnRestrictions).toEqual(t);
    expect(x.report.turnRestrictions).toEqual({
      relations: 10,
      applied: 3,
      byKind: { no_left_turn: 1, only_straight_on: 1, no_right_turn: 1 },
      notApplied: { exempt: 1, other_vehicle: 1, via_way: 1, incomplete: 1, unknown_kind: 1, conditional: 1, ambiguous: 1 },
    });
    expect(p.report.turnRestrictions).toEqual(x.report.turnRestrictions);
    const net = x.network;
    const J = Array.from(net.nodeId).indexOf(1);
    expect(Array.from(t.sourceId)).toEqual([100, 101, 107]);
    expect(Array.from(t.viaNode)).toEqual([J, J, J]);
    expect(Array.from(t.fromLink)).toEqual([linkOfWay(net, 10), linkOfWay(net, 12), linkOfWay(net, 11)]);
    expect(Array.from(t.toLink)).toEqual([linkOfWay(net, 12), linkOfWay(net, 13), linkOfWay(net, 12)]);
    expect(Array.from(t.kind)).toEqual([0, 1, 0]);
  });

  it('restrictions are inert data until a turn model applies them; applied, the banned left turn costs the detour', () => {
    const { network: net } = readOsm(toOsmXml(model([RELATIONS[0]])), 'x.osm');
    const la = linkArcs(net);
    const S = Array.from(net.nodeId).indexOf(2);
    const W = Array.from(net.nodeId).indexOf(4);
    const t = (way: number, dir: 0 | 1): number => net.arcCostS[la[(linkOfWay(net, way) << 1) | dir]];
    const plain = multiSourceSearch(net, [{ node: S, startCost: 0 }]);
    // plain: S→J→W along ways 10 and 12 (12 backwards: it is drawn W→J)
    expect(plain.cost[W]).toBeCloseTo(t(10, 0) + t(12, 1), 4);
    const turned = multiSourceSearch(net, [{ node: S, startCost: 0 }], { turns: {} });
    // banned: the cheapest way round is a U-turn at one of the dead ends of the other arms: E or N
    // (way 13 or 11 there and back, both ~111 m residential) or along the service road to node 6 or 7
    // (~79 m, slower class) — then back into J and right/left into W.
    const viaArm = (way: number): number => 2 * t(way, 0);
    const service = 2 * Math.min(t(14, 0), t(14, 1));
    const best = Math.min(viaArm(11), viaArm(13), service);
    expect(turned.cost[W]).toBeCloseTo(t(10, 0) + best + t(12, 1), 4);
    expect(turned.cost[W]).toBeGreaterThan(plain.cost[W]);
  });

  it('the table survives a network file and old files without it still load', () => {
    const { network: net } = readOsm(toOsmXml(model(RELATIONS)), 'x.osm');
    const back = readNetworkFile(writeNetworkFile({ network: net }), 'x.fcnet').network;
    expect(back.turnRestrictions).toBeDefined();
    for (const k of ['fromLink', 'viaNode', 'toLink', 'kind', 'sourceId'] as const) expect(Array.from(back.turnRestrictions![k])).toEqual(Array.from(net.turnRestrictions![k]));
    const { turnRestrictions: _t, ...without } = net;
    const old = readNetworkFile(writeNetworkFile({ network: without }), 'old.fcnet').network;
    expect(old.turnRestrictions).toBeUndefined();
  });

  it('which value binds a fire engine', () => {
    expect(fireEngineRestriction({ restriction: 'no_left_turn' })).toEqual({ kind: 'no_left_turn' });
    expect(fireEngineRestriction({ restriction: 'no_left_turn', 'restriction:emergency': 'none' })).toEqual({ skip: 'exempt' });
    expect(fireEngineRestriction({ restriction: 'no_left_turn', except: 'motorcar' })).toEqual({ skip: 'exempt' });
    expect(fireEngineRestriction({ restriction: 'no_left_turn', 'restriction:motorcar': 'only_straight_on' })).toEqual({ kind: 'only_straight_on' });
    expect(fireEngineRestriction({ 'restriction:emergency': 'no_u_turn', except: 'emergency' })).toEqual({ kind: 'no_u_turn' });
    expect(fireEngineRestriction({ 'restriction:bicycle': 'no_left_turn' })).toEqual({ skip: 'other_vehicle' });
  });
});
