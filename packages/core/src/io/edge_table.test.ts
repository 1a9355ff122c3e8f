import { describe, expect, it } from 'vitest';
import { readEdgeTable, writeEdgeTable } from './edge_table';
import { roadClassName } from '../network/road_class';
import { multiSourceSearch } from '../search/multi_source_search';
import { reachedLengthM } from '../search/reached_pieces';
import { PGR_EDGES, PGR_VERTICES, pgrSampleNetwork, randomGrid } from '../search/test_networks';
import type { RoadNetwork } from '../network/road_network';
import { thrownInputError } from '../testing';

/** The pgRouting sample as the user would export it: edges with x1,y1,x2,y2, no node table. */
function pgrEdgesCsv(): string {
  const xy = new Map(PGR_VERTICES.map(([id, x, y]) => [id, [8 + x * 0.001, 49 + y * 0.001]]));
  const rows = PGR_EDGES.map(([id, s, t, c, r]) => [id, s, t, c, r, 1, ...xy.get(s)!, ...xy.get(t)!].join(','));
  return ['id,source,target,cost,reverse_cost,length,x1,y1,x2,y2', ...rows].join('\n');
}

function costsById(net: RoadNetwork, fromId: number, opts: { budget: number; directed?: boolean }): Record<number, number> {
  const start = Array.from(net.nodeId).indexOf(fromId);
  const r = multiSourceSearch(net, [{ node: start, startCost: 0 }], opts);
  const out: Record<number, number> = {};
  r.cost.forEach((c, i) => {
    if (c < Infinity) out[net.nodeId[i]] = c;
  });
  return out;
}

describe('readEdgeTable', () => {
  it('reads the pgRouting sample (x1,y1,x2,y2 columns) and gives the published driving distances', () => {
    const net = readEdgeTable(pgrEdgesCsv(), 'edges.csv');
    expect(net.linkCount).toBe(18);
    expect(net.nodeCount).toBe(17);
    expect(costsById(net, 11, { budget: 3 })).toEqual({ 11: 0, 7: 1, 12: 1, 16: 1, 3: 2, 6: 2, 8: 2, 15: 2, 17: 2, 1: 3, 5: 3, 9: 3, 10: 3 });
    expect(costsById(net, 16, { budget: 3, directed: false })).toEqual({ 16: 0, 11: 1, 15: 1, 17: 1, 7: 2, 10: 2, 12: 2, 3: 3, 6: 3, 8: 3 });
    const r = multiSourceSearch(net, [{ node: Array.from(net.nodeId).indexOf(11), startCost: 0 }], { budget: 2.5 });
    expect(reachedLengthM(r)).toBeCloseTo(11.5, 9);
  });

  it('takes columns in any order, maps length/highway/name, ignores the rest, reverse_cost optional', () => {
    const edges = 'target,Source,ID,cost,note,highway,name,length_m\n2,1,10,30,"x, y",主干路,Main St,250\n3,2,11,-1,,residential,,\n';
    const nodes = 'lat,id,lon\n49.0,1,8.0\n49.0,2,8.001\n49.001,3,8.001\n';
    const net = readEdgeTable(edges, 'e.csv', { csv: nodes, file: 'n.csv' });
    expect(Array.from(net.linkId)).toEqual([10, 11]);
    expect(net.linkForwardS[0]).toBe(30);
    expect(net.linkBackwardS[0]).toBe(Infinity); // no reverse_cost column: one-way as in pgRouting
    expect(net.linkForwardS[1]).toBe(Infinity);
    expect(net.linkLengthM[0]).toBe(250);
    // no length given: the straight line, 0.001° of latitude ≈ 111.2 m
    expect(net.linkLengthM[1]).toBeCloseTo(111.2, 0);
    expect(roadClassName(net.linkClass[0])).toBe('primary');
    expect(roadClassName(net.linkClass[1])).toBe('residential');
    expect(net.names[net.linkName[0]]).toBe('Main St');
  });

  it('round trip: read → write → read gives the same answers', () => {
    for (const net of [pgrSampleNetwork(), randomGrid(3, { cols: 10, rows: 8, oneWayShare: 0.3 })]) {
      const { edgesCsv, nodesCsv } = writeEdgeTable(net);
      const back = readEdgeTable(edgesCsv, 'edges.csv', { csv: nodesCsv, file: 'nodes.csv' });
      expect(back.nodeCount).toBe(net.nodeCount);
      expect(back.linkCount).toBe(net.linkCount);
      expect(Array.from(back.linkForwardS)).toEqual(Array.from(net.linkForwardS));
      expect(Array.from(back.linkBackwardS)).toEqual(Array.from(net.linkBackwardS));
      expect(Array.from(back.linkLengthM)).toEqual(Array.from(net.linkLengthM));
      expect(Array.from(back.nodeId)).toEqual(Array.from(net.nodeId));
      expect(Array.from(back.nodeLon)).toEqual(Array.from(net.nodeLon));
      for (const directed of [true, false]) {
        const a = multiSourceSearch(net, [{ node: 0, startCost: 0 }, { node: net.nodeCount - 1, startCost: 1 }], { directed });
        const b = multiSourceSearch(back, [{ node: 0, startCost: 0 }, { node: back.nodeCount - 1, startCost: 1 }], { directed });
        expect(Array.from(b.cost)).toEqual(Array.from(a.cost));
        expect(Array.from(b.source)).toEqual(Array.from(a.source));
      }
      // and a second trip writes the same text
      expect(writeEdgeTable(back)).toEqual(writeEdgeTable(net));
    }
  });

  it('a road name a spreadsheet would run as a formula is written with a leading quote and read back as it was', () => {
    const nodes = { csv: 'id,lon,lat\n1,116.3,39.9\n2,116.301,39.9\n', file: 'n.csv' };
    const net = readEdgeTable('id,source,target,cost,reverse_cost,name\n1,1,2,5,-1,"=HYPERLINK(""http://x"")"\n', 'e.csv', nodes);
    const { edgesCsv } = writeEdgeTable(net);
    // −1 (a closed direction) is a number and stays one; the name gets the quote
    expect(edgesCsv.split('\n')[1]).toMatch(/^1,1,2,5,-1,.*,"'=HYPERLINK\(""http:\/\/x""\)"$/);
    const back = readEdgeTable(edgesCsv, 'e2.csv', nodes);
    expect(back.names[back.linkName[0]]).toBe('=HYPERLINK("http://x")');
  });

  it('writes −1 for directions that cannot be travelled', () => {
    const { edgesCsv } = writeEdgeTable(pgrSampleNetwork());
    expect(edgesCsv.split('\n')[2]).toBe('2,6,10,-1,1,1,,');
  });

  describe('bad input names the file and the line', () => {
    const nodes = { csv: 'id,lon,lat\n1,8,49\n2,8.001,49\n', file: 'n.csv' };
    const cases: Array<[string, () => unknown, string, number, RegExp]> = [
      ['unknown node id', () => readEdgeTable('id,source,target,cost,reverse_cost\n1,1,2,5,5\n2,2,7,5,5\n', 'e.csv', nodes), 'e.csv', 3, /unknown node id 7/],
      ['non-numeric cost', () => readEdgeTable('id,source,target,cost,reverse_cost\n1,1,2,fast,5\n', 'e.csv', nodes), 'e.csv', 2, /cost "fast" is not a number/],
      ['duplicate edge id', () => readEdgeTable('id,source,target,cost,reverse_cost\n1,1,2,5,5\n\n1,2,1,5,5\n', 'e.csv', nodes), 'e.csv', 4, /duplicate edge id 1/],
      ['duplicate node id', () => readEdgeTable('id,source,target,cost\n1,1,2,5\n', 'e.csv', { csv: 'id,lon,lat\n1,8,49\n2,8,49\n1,8,49\n', file: 'n.csv' }), 'n.csv', 4, /duplicate node id 1/],
      ['missing columns', () => readEdgeTable('id,from,to,cost\n1,1,2,5\n', 'e.csv', nodes), 'e.csv', 1, /missing columns source, target/],
      ['no coordinates at all', () => readEdgeTable('id,source,target,cost\n1,1,2,5\n', 'e.csv'), 'e.csv', 1, /no coordinates/],
      ['no coordinates for a node', () => readEdgeTable('id,source,target,cost\n1,1,2,5\n', 'e.csv', { csv: 'id,lon,lat\n1,8,49\n2,,\n', file: 'n.csv' }), 'n.csv', 3, /no coordinates for node 2/],
      ['coordinates out of range', () => readEdgeTable('id,source,target,cost\n1,1,2,5\n', 'e.csv', { csv: 'id,x,y\n1,8,49\n2,500000,5400000\n', file: 'n.csv' }), 'n.csv', 3, /out of range/],
      ['lat/lon swapped', () => readEdgeTable('id,source,target,cost\n1,1,2,5\n', 'e.csv', { csv: 'id,lon,lat\n1,31.2,121.4\n2,31.3,121.5\n', file: 'n.csv' }), 'n.csv', 2, /look swapped/],
      ['swapped x1..y2', () => readEdgeTable('id,source,target,cost,x1,y1,x2,y2\n1,1,2,5,31.2,121.4,31.3,121.5\n', 'e.csv'), 'e.csv', 2, /look swapped/],
      ['empty table', () => readEdgeTable('', 'e.csv', nodes), 'e.csv', 1, /empty/],
      ['header only', () => readEdgeTable('id,source,target,cost\n', 'e.csv', nodes), 'e.csv', 1, /no rows/],
      ['non-integer node id', () => readEdgeTable('id,source,target,cost\n1,a,2,5\n', 'e.csv', nodes), 'e.csv', 2, /node id "a"/],
      ['quoted multi-line field keeps line numbers', () => readEdgeTable('id,source,target,cost,name\n1,1,2,5,"two\nlines"\n2,1,9,5,x\n', 'e.csv', nodes), 'e.csv', 4, /unknown node id 9/],
    ];
    for (const [name, f, file, line, msg] of cases) {
      it(name, () => {
        const e = thrownInputError(f);
        expect(e.where.file).toBe(file);
        expect(e.where.line).toBe(line);
        expect(e.message).toMatch(msg);
        expect(e.messageZh.length).toBeGreaterThan(0);
      });
    }
  });
});
