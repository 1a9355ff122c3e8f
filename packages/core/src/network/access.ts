import type { RoadNetwork } from './road_network';
import { roadClassName } from './road_class';

/**
 * Which links a place may be put on. One rule for every analysis and command: coverage (stations,
 * addresses, land access), water (hydrants, water cranes, intake points, station districts) and the
 * CLI (`reach`, `due`).
 */

/** Whether link `l` can be driven in at least one direction (closed links cost Infinity both ways). */
export function travellable(net: RoadNetwork, l: number): boolean {
  return net.linkForwardS[l] < Infinity || net.linkBackwardS[l] < Infinity;
}

/** The predicate form of `travellable`, e.g. as a `SnapIndex` filter. */
export function travellableLink(net: RoadNetwork): (l: number) => boolean {
  return (l) => travellable(net, l);
}

/** Road classes without frontage access: a crew cannot stop there to reach land. */
const NO_LAND_ACCESS = new Set(['motorway', 'motorway_link']);

/**
 * Links where a crew can stop: drivable in some direction and not a motorway. Stations and addresses
 * snap to these, and land is served only through them.
 */
export function landAccessLink(net: RoadNetwork): (l: number) => boolean {
  return (l) => travellable(net, l) && !NO_LAND_ACCESS.has(roadClassName(net.linkClass[l]));
}
