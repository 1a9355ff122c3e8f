import { describe, expect, it } from 'vitest';
import { readEdgeTable } from './edge_table';
import { prng } from '../search/test_networks';
import { thrownInputError } from '../testing';

// The edge-table reader checks edge ids without a hash while they rise and looks node ids up by
// subtraction when they are consecutive; these tests pin that both shortcuts answer exactly as a
// plain "seen before?" check and a plain id → row lookup would.

const header = 'id,source,target,cost,reverse_cost';
const nodes3 = { csv: 'id,lon,lat\n10,8,49\n11,8.001,49\n12,8.002,49\n', file: 'n.csv' };

function table(edgeIds: number[]): string {
  return [header, ...edgeIds.map((id, k) => `${id},${10 + (k % 2)},${11 + (k % 2)},5,5`)].join('\n');
}

describe('readEdgeTable: edge ids', () => {
  it('accepts ids that stop rising, keeps them in file order', () => {
    const net = readEdgeTable(table([5, 7, 3, 9, 4]), 'e.csv', nodes3);
    expect(Array.from(net.linkId)).toEqual([5, 7, 3, 9, 4]);
  });

  it('finds a duplicate of an id from the rising part after the ids stop rising', () => {
    // 1, 2, 3 rise; 2 (line 5) repeats an id seen in that part.
    const e = thrownInputError(() => readEdgeTable(table([1, 2, 3, 2]), 'e.csv', nodes3));
    expect(e.where).toEqual({ file: 'e.csv', line: 5 });
    expect(e.detail).toMatch(/duplicate edge id 2/);
  });

  it('finds a duplicate that follows its first occurrence directly (not rising)', () => {
    const e = thrownInputError(() => readEdgeTable(table([4, 4]), 'e.csv', nodes3));
    expect(e.where).toEqual({ file: 'e.csv', line: 3 });
  });

  it('lone-CR line ends (rows not counted from LFs): every row is read and a late duplicate found', () => {
    const rows = [1, 2, 3, 4, 5, 6].map((id) => `${id},10,11,5,5`);
    const net = readEdgeTable([header, ...rows].join('\r'), 'e.csv', nodes3);
    expect(Array.from(net.linkId)).toEqual([1, 2, 3, 4, 5, 6]);
    const e = thrownInputError(() => readEdgeTable([header, ...rows, '2,10,11,5,5'].join('\r'), 'e.csv', nodes3));
    expect(e.where).toEqual({ file: 'e.csv', line: 8 });
    expect(e.detail).toBe('duplicate edge id 2');
  });

  it('property: the error is at the first row whose id appeared before, or there is none', () => {
    const rnd = prng(11);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rnd() * 12);
      // Mostly rising runs with occasional jumps back, over a small range so that repeats happen.
      const ids: number[] = [];
      for (let k = 0; k < n; k++) ids.push(rnd() < 0.7 && k > 0 ? ids[k - 1] + 1 + Math.floor(rnd() * 2) : Math.floor(rnd() * 15));
      let firstRepeat = -1;
      for (let k = 0; k < n && firstRepeat < 0; k++) if (ids.indexOf(ids[k]) < k) firstRepeat = k;
      const read = (): unknown => readEdgeTable(table(ids), 'e.csv', nodes3);
      if (firstRepeat < 0) {
        expect(Array.from((read() as { linkId: Float64Array }).linkId)).toEqual(ids);
      } else {
        const e = thrownInputError(read);
        // Row k is on line k + 2 (line 1 is the header).
        expect(e.where.line).toBe(firstRepeat + 2);
        expect(e.detail).toBe(`duplicate edge id ${ids[firstRepeat]}`);
      }
    }
  });
});

describe('readEdgeTable: node ids', () => {
  it('consecutive node ids: each edge end is the node with that id, ids just outside are unknown', () => {
    const net = readEdgeTable(`${header}\n1,12,10,5,5\n2,11,12,5,-1\n`, 'e.csv', nodes3);
    expect(Array.from(net.linkSource, (n) => net.nodeId[n])).toEqual([12, 11]);
    expect(Array.from(net.linkTarget, (n) => net.nodeId[n])).toEqual([10, 12]);
    expect(Array.from(net.nodeLon)).toEqual([8, 8.001, 8.002]);
    for (const bad of [9, 13]) {
      const e = thrownInputError(() => readEdgeTable(`${header}\n1,10,11,5,5\n2,11,${bad},5,5\n`, 'e.csv', nodes3));
      expect(e.where).toEqual({ file: 'e.csv', line: 3, feature: 'edge 2' });
      expect(e.detail).toBe(`unknown node id ${bad} (not in n.csv)`);
    }
  });

  it('non-consecutive node ids (gaps, any order) are looked up the same way', () => {
    const nodes = { csv: 'id,lon,lat\n30,8,49\n10,8.001,49\n20,8.002,49\n', file: 'n.csv' };
    const net = readEdgeTable(`${header}\n1,20,30,5,5\n2,10,20,5,5\n`, 'e.csv', nodes);
    expect(Array.from(net.linkSource, (n) => net.nodeId[n])).toEqual([20, 10]);
    expect(Array.from(net.linkTarget, (n) => net.nodeId[n])).toEqual([30, 20]);
    const e = thrownInputError(() => readEdgeTable(`${header}\n1,20,25,5,5\n`, 'e.csv', nodes));
    expect(e.detail).toBe('unknown node id 25 (not in n.csv)');
  });

  it('a node id that is the next consecutive one but repeated earlier is still a duplicate', () => {
    // 1, 2, 3, 1: the first three are consecutive, the fourth breaks the run and repeats 1.
    const e = thrownInputError(() => readEdgeTable(`${header}\n1,1,2,5,5\n`, 'e.csv', { csv: 'id,lon,lat\n1,8,49\n2,8,49\n3,8,49\n1,8,49\n', file: 'n.csv' }));
    expect(e.where).toEqual({ file: 'n.csv', line: 5 });
    expect(e.detail).toBe('duplicate node id 1');
  });
});
