import { LinkFlag, ROAD_CLASSES, roadClassCode } from '../network/road_class';

/**
 * The OSM tagging rules for a fire engine (消防车). Documented for users in docs/osm-import.md.
 *
 * Drivable classes: `highway` = motorway, trunk, primary, secondary, tertiary, unclassified, residential,
 * service, living_street and the five `_link` classes (`includeClasses` replaces the list).
 *
 * Left out: `area=yes` (a square, not a road), `highway=construction` or any `construction=*`,
 * `highway=proposed`, and ways whose access forbids motor traffic. The access value that counts is
 * the most specific one present: `motor_vehicle`, else `vehicle`, else `access`. It excludes the way
 * when it is one of `accessDenied` (default: `no`). Fire engines use private and destination roads on
 * duty (emergency access), so `private`, `destination`, `customers`, `delivery`, `permissive`,
 * `agricultural`, `forestry` do not exclude a way by default. `emergency=yes|designated|official`
 * overrides any access exclusion; `emergency=no` excludes the way whatever else is tagged.
 * `service=emergency_access` is included like any service road.
 *
 * One-way: `oneway=yes|1|true` forward only, `-1|reverse` backward only, `no|false|0` both ways;
 * `junction=roundabout|circular` and `highway=motorway|motorway_link` imply forward-only unless
 * `oneway=no`. `oneway=reversible|alternating` (direction changes by time of day) counts as both ways.
 *
 * Speed limits: `maxspeed` in km/h (`50`, `50 km/h`), `NN mph` × 1.609344; `maxspeed:forward` /
 * `maxspeed:backward` override per direction. Implicit country values (`DE:urban`) map through
 * `IMPLICIT_MAXSPEED_KMH` where the legal value is unambiguous; anything else (`none`, `walk`, `signals`)
 * is NaN: the speed model's class speed applies.
 *
 * Flags: `bridge=*` other than `no` → BRIDGE; `tunnel=*` other than `no` → TUNNEL; roundabout → ROUNDABOUT.
 * Width: `width` in metres (`12`, `12.5`, `12 m`), else `lanes` × 3.5 m, else NaN.
 */

export type OsmTags = Record<string, string>;

/** Every road class but `unknown` (the classes are the OSM `highway` values a fire engine may drive). */
export const DEFAULT_DRIVABLE_CLASSES: readonly string[] = ROAD_CLASSES.filter((c) => c !== 'unknown');

export const DEFAULT_ACCESS_DENIED: readonly string[] = ['no'];

/** Lane width used when only `lanes` is tagged, metres. */
export const LANE_WIDTH_M = 3.5;

/**
 * Implicit speed limits (`maxspeed=CC:zone`) whose legal value is unambiguous, km/h.
 * Germany: StVO §3 (50 in built-up areas, 100 outside, none on motorways → left NaN).
 */
export const IMPLICIT_MAXSPEED_KMH: Readonly<Record<string, number>> = {
  'DE:urban': 50,
  'DE:rural': 100,
  'DE:zone30': 30,
  'DE:zone:30': 30,
  'AT:urban': 50,
  'AT:rural': 100,
  'CH:urban': 50,
  'CH:rural': 80,
  'FR:urban': 50,
};

/** Which OSM ways become roads: drivable classes, access values that exclude a way, one-way rules. */
export interface OsmTagOptions {
  /** Drivable `highway` classes; default `DEFAULT_DRIVABLE_CLASSES`. Must be known road classes. */
  includeClasses?: readonly string[];
  /** Access values (`motor_vehicle` / `vehicle` / `access`) that exclude a way; default `['no']`. */
  accessDenied?: readonly string[];
}

export type DropReason = 'not_drivable' | 'area' | 'construction' | 'proposed' | 'access' | 'emergency_no';

/** What the import needs to know about a drivable way. */
export interface DrivableWay {
  roadClass: number;
  /** FORWARD / BACKWARD / BRIDGE / TUNNEL / ROUNDABOUT bits. */
  flags: number;
  maxspeedForwardKmh: number;
  maxspeedBackwardKmh: number;
  widthM: number;
  name: string;
  /** `name:zh` (or `name:zh-Hans`), '' when not tagged. */
  nameZh: string;
}

const EMERGENCY_ALLOWED = new Set(['yes', 'designated', 'official', 'permissive']);

/** Why a `highway=*` way is not a road for a fire engine, or `undefined` when it is. */
export function dropReason(tags: OsmTags, classes: ReadonlySet<string>, accessDenied: ReadonlySet<string>): DropReason | undefined {
  const hw = tags.highway;
  if (hw === 'construction' || (tags.construction !== undefined && tags.construction !== 'no')) return 'construction';
  if (hw === 'proposed') return 'proposed';
  if (hw === undefined || !classes.has(hw)) return 'not_drivable';
  if (tags.area === 'yes') return 'area';
  const emergency = tags.emergency;
  if (emergency === 'no') return 'emergency_no';
  if (emergency !== undefined && EMERGENCY_ALLOWED.has(emergency)) return undefined;
  const access = tags.motor_vehicle ?? tags.vehicle ?? tags.access;
  if (access !== undefined && accessDenied.has(access)) return 'access';
  return undefined;
}

/** Resolved options: sets for fast lookup. Unknown classes are a RangeError (a typo would silently drop roads). */
export function resolveTagOptions(o: OsmTagOptions = {}): { classes: Set<string>; accessDenied: Set<string> } {
  const classes = new Set(o.includeClasses ?? DEFAULT_DRIVABLE_CLASSES);
  for (const c of classes) {
    if (c === 'unknown' || roadClassCode(c) === undefined) throw new RangeError(`includeClasses: "${c}" is not a drivable road class`);
  }
  return { classes, accessDenied: new Set(o.accessDenied ?? DEFAULT_ACCESS_DENIED) };
}

/** +1 forward only, -1 backward only, 0 both ways. */
export function onewayDirection(tags: OsmTags): -1 | 0 | 1 {
  const ow = tags.oneway;
  if (ow === 'yes' || ow === '1' || ow === 'true') return 1;
  if (ow === '-1' || ow === 'reverse') return -1;
  if (ow === 'no' || ow === 'false' || ow === '0' || ow === 'reversible' || ow === 'alternating') return 0;
  const j = tags.junction;
  if (j === 'roundabout' || j === 'circular') return 1;
  const hw = tags.highway;
  if (hw === 'motorway' || hw === 'motorway_link') return 1;
  return 0;
}

/** km/h from a `maxspeed` value; NaN when not a number we can trust. */
export function parseMaxspeedKmh(v: string | undefined): number {
  if (v === undefined) return NaN;
  const s = v.trim();
  const implicit = IMPLICIT_MAXSPEED_KMH[s];
  if (implicit !== undefined) return implicit;
  const m = /^(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh|kph)?$/i.exec(s);
  if (!m) return NaN;
  const n = Number(m[1]);
  if (!(n > 0)) return NaN;
  return m[2] !== undefined && m[2].toLowerCase() === 'mph' ? n * 1.609344 : n;
}

/** Metres from a `width` value (`12`, `12.5`, `12 m`, `12,5`); NaN when not parseable. */
export function parseWidthM(v: string | undefined): number {
  if (v === undefined) return NaN;
  const m = /^(\d+(?:[.,]\d+)?)\s*(m|metres|meters)?$/i.exec(v.trim());
  if (!m) return NaN;
  const n = Number(m[1].replace(',', '.'));
  return n > 0 ? n : NaN;
}

function isYesish(v: string | undefined): boolean {
  return v !== undefined && v !== 'no';
}

/** The road attributes of a way already known to be drivable (see `dropReason`). */
export function drivableWay(tags: OsmTags): DrivableWay {
  const roadClass = roadClassCode(tags.highway)!;
  const dir = onewayDirection(tags);
  let flags = dir === 1 ? LinkFlag.FORWARD : dir === -1 ? LinkFlag.BACKWARD : LinkFlag.FORWARD | LinkFlag.BACKWARD;
  if (isYesish(tags.bridge)) flags |= LinkFlag.BRIDGE;
  if (isYesish(tags.tunnel)) flags |= LinkFlag.TUNNEL;
  if (tags.junction === 'roundabout' || tags.junction === 'circular') flags |= LinkFlag.ROUNDABOUT;
  const both = parseMaxspeedKmh(tags.maxspeed);
  const f = parseMaxspeedKmh(tags['maxspeed:forward']);
  const b = parseMaxspeedKmh(tags['maxspeed:backward']);
  let widthM = parseWidthM(tags.width);
  if (Number.isNaN(widthM)) {
    const lanes = Number(tags.lanes);
    if (tags.lanes !== undefined && Number.isInteger(lanes) && lanes > 0) widthM = lanes * LANE_WIDTH_M;
  }
  return {
    roadClass,
    flags,
    maxspeedForwardKmh: Number.isNaN(f) ? both : f,
    maxspeedBackwardKmh: Number.isNaN(b) ? both : b,
    widthM,
    name: tags.name ?? '',
    nameZh: tags['name:zh'] ?? tags['name:zh-Hans'] ?? '',
  };
}
