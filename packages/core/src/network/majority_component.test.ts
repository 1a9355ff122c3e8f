import { describe, expect, it } from 'vitest';
import { majorityComponentOf } from './majority_component';
import { stronglyConnectedComponents } from './islands';
import { undirectedView } from './undirected_view';
import { RoadNetworkBuilder } from './road_network';
import { LinkFlag } from './road_class';
import { randomGrid } from '../search/test_networks';
import { stationsOnIslands } from '../search/reach_table';

describe('majorityComponentOf', () => {
  it('property: for every node, the component Tarjan finds when it holds more than half the nodes, else null', () => {
    let majorities = 0;
    let nulls = 0;
    for (let seed = 1; seed <= 40; seed++) {
      // From well connected to falling apart: many one-way and dropped links in the later seeds.
      const net = randomGrid(seed, { cols: 2 + (seed % 5), rows: 2 + (seed % 4), oneWayShare: (seed % 8) / 10, dropShare: (seed % 6) / 10 });
      for (const directed of [true, false]) {
        const comps = stronglyConnectedComponents(directed ? net : undirectedView(net));
        for (let v = 0; v < net.nodeCount; v++) {
          const got = majorityComponentOf(net, v, directed);
          const c = comps.componentOf[v];
          if (2 * comps.sizes[c] > net.nodeCount) {
            majorities++;
            expect(got).not.toBeNull();
            expect(got!.size).toBe(comps.sizes[c]);
            expect(Array.from(got!.member)).toEqual(Array.from(comps.componentOf, (k) => (k === c ? 1 : 0)));
          } else {
            nulls++;
            expect(got).toBeNull();
          }
        }
      }
    }
    // Both outcomes were exercised.
    expect(majorities).toBeGreaterThan(100);
    expect(nulls).toBeGreaterThan(100);
  });

  it('a one-way trap: 0 ⇄ 1 ⇄ 2 → 3 (by hand)', () => {
    const b = new RoadNetworkBuilder(() => 1);
    for (let i = 0; i < 4; i++) b.addNode(i + 1, 8 + i * 0.001, 49);
    const both = LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD | LinkFlag.BACKWARD;
    b.addPlainLink(1, 0, 1, both, 1, 1, 10, 0, undefined);
    b.addPlainLink(2, 1, 2, both, 1, 1, 10, 0, undefined);
    b.addPlainLink(3, 2, 3, LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD, 1, Infinity, 10, 0, undefined);
    const g = b.build();
    // Directed: {0, 1, 2} is 3 of 4 nodes; 3 is alone (1 of 4: no majority).
    expect(majorityComponentOf(g, 1, true)).toEqual({ member: new Uint8Array([1, 1, 1, 0]), size: 3 });
    expect(majorityComponentOf(g, 3, true)).toBeNull();
    // Undirected: all four.
    expect(majorityComponentOf(g, 3, false)).toEqual({ member: new Uint8Array([1, 1, 1, 1]), size: 4 });
  });
});

describe('stationsOnIslands with the majority shortcut', () => {
  it('property: the same stations, sizes and main size as from the components of the whole network', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const net = randomGrid(100 + seed, { cols: 3 + (seed % 4), rows: 3 + (seed % 3), oneWayShare: (seed % 7) / 10, dropShare: (seed % 5) / 10 });
      for (const directed of [true, false]) {
        const comps = stronglyConnectedComponents(directed ? net : undirectedView(net));
        const stations = [0, Math.floor(net.nodeCount / 2), net.nodeCount - 1].map((node) => ({ node }));
        const expected = stations.flatMap((s, i) =>
          comps.componentOf[s.node] === comps.largest ? [] : [{ station: i, size: comps.sizes[comps.componentOf[s.node]], mainSize: comps.sizes[comps.largest] }],
        );
        expect(stationsOnIslands(net, stations, directed)).toEqual(expected);
      }
    }
  });
});
