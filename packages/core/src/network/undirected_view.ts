import { withLinkCosts, type RoadNetwork } from './road_network';

/**
 * The network with every link usable both ways at its cheaper direction (pgRouting `directed := false`),
 * e.g. for undirected island checks. Links closed both ways stay closed. A new network object.
 */
export function undirectedView(net: RoadNetwork): RoadNetwork {
  const f = new Float32Array(net.linkCount);
  for (let l = 0; l < net.linkCount; l++) f[l] = Math.min(net.linkForwardS[l], net.linkBackwardS[l]);
  return withLinkCosts(net, f, f);
}
