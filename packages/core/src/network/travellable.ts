import { InputError } from '../input_error';
import type { RoadNetwork } from './road_network';

/**
 * An InputError when nothing in `net` can be driven: no links at all (an empty file, every row filtered
 * out), or links of which not one direction may be travelled (every one closed, or an edge table whose
 * costs are all negative). `file` is the input the network came from.
 */
export function requireTravellableNetwork(net: RoadNetwork, file: string): void {
  if (net.linkCount === 0 || net.nodeCount === 0) {
    throw new InputError({ file }, 'the network has no roads (no drivable links)', '路网中没有道路（没有可通行的路段）');
  }
  for (let a = 0; a < net.arcCostS.length; a++) if (net.arcCostS[a] < Infinity) return;
  throw new InputError(
    { file },
    `no road of the network can be travelled in either direction (all ${net.linkCount} links are closed or have negative costs both ways)`,
    `路网中没有任何可通行方向的道路（全部 ${net.linkCount} 条路段均已封闭或两个方向的费用均为负）`,
  );
}
