import { describe, expect, it } from 'vitest';
import { islandOf, stronglyConnectedComponents } from './islands';
import { multiSourceSearch } from '../search/multi_source_search';
import { pgrSampleNetwork, randomGrid } from '../search/test_networks';
import { RoadNetworkBuilder } from './road_network';
import { LinkFlag } from './road_class';
import { polylineLengthM } from './geodesy';

describe('stronglyConnectedComponents', () => {
  it('pgRouting sample: the 13-vertex main network and two islands {2, 4}, {13, 14}', () => {
    // 10 is reached from 15 (edge 3 backwards) and leaves by 10→11; 12 is entered from 11 and 8 and
    // leaves by 12→17→16→11: all in one strongly connected component
    const net = pgrSampleNetwork();
    const c = stronglyConnectedComponents(net);
    expect(c.count).toBe(3);
    expect([...c.sizes].sort((a, b) => a - b)).toEqual([2, 2, 13]);
    expect(c.sizes[c.largest]).toBe(13);
    expect(islandOf(net, c, 2 - 1)).toEqual({ onIsland: true, component: c.componentOf[1], size: 2 });
    expect(islandOf(net, c, 11 - 1).onIsland).toBe(false);
    expect(c.componentOf[13 - 1]).toBe(c.componentOf[14 - 1]);
    expect(c.componentOf[2 - 1]).not.toBe(c.componentOf[13 - 1]);
  });

  it('a one-way dead end is its own island', () => {
    const b = new RoadNetworkBuilder(polylineLengthM);
    for (let i = 0; i < 4; i++) b.addNode(i, 8 + i * 0.001, 49);
    const both = LinkFlag.FORWARD | LinkFlag.BACKWARD;
    b.addLink({ source: 0, target: 1, flags: both });
    b.addLink({ source: 1, target: 2, flags: both });
    b.addLink({ source: 2, target: 3, flags: LinkFlag.FORWARD }); // can drive in, never out
    const net = b.build();
    const c = stronglyConnectedComponents(net);
    expect(c.count).toBe(2);
    expect(islandOf(net, c, 3)).toEqual({ onIsland: true, component: c.componentOf[3], size: 1 });
    expect(c.sizes[c.largest]).toBe(3);
  });

  it('property: sizes sum to nodeCount; same component ⇔ mutually reachable', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = randomGrid(seed + 77, { cols: 6, rows: 6, oneWayShare: 0.5, dropShare: 0.3 });
      const c = stronglyConnectedComponents(g);
      expect(c.sizes.reduce((a, b) => a + b, 0)).toBe(g.nodeCount);
      expect(Math.max(...c.sizes)).toBe(c.sizes[c.largest]);
      const reach = Array.from({ length: g.nodeCount }, (_, u) => multiSourceSearch(g, [{ node: u, startCost: 0 }]).cost);
      for (let u = 0; u < g.nodeCount; u++) {
        for (let v = 0; v < g.nodeCount; v++) {
          const mutual = reach[u][v] < Infinity && reach[v][u] < Infinity;
          expect(c.componentOf[u] === c.componentOf[v]).toBe(mutual);
        }
      }
    }
  });

  it('handles a 300,000-node chain without recursion', () => {
    const n = 300_000;
    const b = new RoadNetworkBuilder(() => 1);
    for (let i = 0; i < n; i++) b.addNode(i, 8, 49);
    for (let i = 0; i + 1 < n; i++) b.addLink({ source: i, target: i + 1, flags: LinkFlag.FORWARD | LinkFlag.BACKWARD, lengthM: 1 });
    const c = stronglyConnectedComponents(b.build());
    expect(c.count).toBe(1);
    expect(c.sizes[0]).toBe(n);
  });
});
