import type { RoadNetwork } from './road_network';

/** The strongly connected components of a network (islands a fire engine cannot leave or enter). */
export interface Components {
  /** Per node: component number (0 .. count-1). */
  componentOf: Int32Array;
  /** Nodes per component. */
  sizes: number[];
  /** The component with the most nodes (equal sizes: the lower number). -1 for an empty network. */
  largest: number;
  count: number;
}

/**
 * Strongly connected components over the arcs with finite cost (one-way rules respected): from any node
 * of a component every other node of it can be driven to and back. Iterative Tarjan on typed arrays (no
 * recursion, so deep road chains cannot overflow the stack). Component numbers follow Tarjan's
 * completion order and are deterministic for a given network.
 *
 * Nodes outside the largest component are "islands": a fire engine starting in the main network cannot
 * reach them, or cannot get back (e.g. a one-way trap, a road closed off by a closure, a data error).
 */
export function stronglyConnectedComponents(net: RoadNetwork): Components {
  const n = net.nodeCount;
  const { arcOffset, arcHead, arcCostS } = net;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const frameNode = new Int32Array(n);
  const frameArc = new Int32Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  let sp = 0;
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let fp = 0;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    frameNode[0] = root;
    frameArc[0] = arcOffset[root];
    fp = 1;
    while (fp > 0) {
      const v = frameNode[fp - 1];
      const a = frameArc[fp - 1];
      if (a < arcOffset[v + 1]) {
        frameArc[fp - 1] = a + 1;
        if (arcCostS[a] === Infinity) continue;
        const w = arcHead[a];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          frameNode[fp] = w;
          frameArc[fp] = arcOffset[w];
          fp++;
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      // v is finished
      if (low[v] === index[v]) {
        const c = sizes.length;
        let size = 0;
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          componentOf[w] = c;
          size++;
        } while (w !== v);
        sizes.push(size);
      }
      fp--;
      if (fp > 0) {
        const parent = frameNode[fp - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  let largest = -1;
  for (let c = 0; c < sizes.length; c++) if (largest < 0 || sizes[c] > sizes[largest]) largest = c;
  return { componentOf, sizes, largest, count: sizes.length };
}

/** Whether `node` lies outside the largest strongly connected component, and the size of its component. */
export function islandOf(
  _net: RoadNetwork,
  components: Components,
  node: number,
): { onIsland: boolean; component: number; size: number } {
  const component = components.componentOf[node];
  if (component === undefined) throw new RangeError(`node ${node} is not a node index`);
  return { onIsland: component !== components.largest, component, size: components.sizes[component] };
}
