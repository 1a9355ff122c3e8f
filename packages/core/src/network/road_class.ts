/**
 * Road classes, as small integer codes stored per link (`RoadNetwork.linkClass`).
 *
 * OSM `highway=*` values map one to one; the Chinese urban road classes of CJJ 37 map onto them:
 * 快速路 (expressway) → motorway (urban expressway, grade-separated), 主干路 (arterial) → primary,
 * 次干路 (secondary) → secondary, 支路 (branch) → residential. Edge tables without a class get `unknown`.
 */
export const ROAD_CLASSES = [
  'motorway',
  'motorway_link',
  'trunk',
  'trunk_link',
  'primary',
  'primary_link',
  'secondary',
  'secondary_link',
  'tertiary',
  'tertiary_link',
  'unclassified',
  'residential',
  'living_street',
  'service',
  'unknown',
] as const;

/** A road class name (OSM `highway` value, plus `unknown`). */
export type RoadClass = (typeof ROAD_CLASSES)[number];

const CODE = new Map<string, number>(ROAD_CLASSES.map((c, i) => [c, i]));

/** Code of a class name, or `undefined` when the name is not a drivable class. */
export function roadClassCode(name: string): number | undefined {
  return CODE.get(name);
}

/** The class name of a link class code (`unknown` for a code out of range). */
export function roadClassName(code: number): RoadClass {
  return ROAD_CLASSES[code] ?? 'unknown';
}

export const UNKNOWN_CLASS = CODE.get('unknown')!;

/** Chinese urban road classes (CJJ 37-2012) and their OSM equivalents. */
export const CHINESE_ROAD_CLASSES: Readonly<Record<string, RoadClass>> = {
  快速路: 'motorway',
  主干路: 'primary',
  次干路: 'secondary',
  支路: 'residential',
};

/** Link flags (bits of `RoadNetwork.linkFlags`). */
export const LinkFlag = {
  /** The link may be travelled from source to target. */
  FORWARD: 1,
  /** The link may be travelled from target to source. */
  BACKWARD: 2,
  BRIDGE: 4,
  TUNNEL: 8,
  ROUNDABOUT: 16,
  /** Costs came with the input (edge table) and the speed model must not replace them. */
  EXPLICIT_COST: 32,
  /** Closed by the user (closure list or polygon): not travellable in either direction. */
  CLOSED: 64,
} as const;
