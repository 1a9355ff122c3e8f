import { LinkFlag, ROAD_CLASSES, type RoadClass } from '../network/road_class';
import { withLinkCosts, type RoadNetwork } from '../network/road_network';

/**
 * Fire-engine speed model: link travel times from road class, posted `maxspeed` and congestion.
 *
 * No national table fixes fire-engine speeds. Chinese urban fire planning assumes an average of about
 * 30–35 km/h for a fire engine in town (the figure behind the 4-minute driving share of the 5-minute
 * rule in GB 51080-2015 §4.1.3 commentary and 建标152-2017 practice): free-flowing arterials faster,
 * narrow old-town lanes slower. The defaults below follow that: arterials 40–45 km/h, local streets
 * 25–30 km/h, lanes and service roads 15–20 km/h, so a typical urban mix averages about 30–35 km/h.
 *
 * Speed of a link direction = min(class speed, maxspeed if tagged, class cap) × congestion factor,
 * unless a per-road override is given. All values are overridable.
 */
export interface SpeedModel {
  /** Fire-engine speed by road class when no `maxspeed` is tagged, km/h. */
  classSpeedKmh: Record<RoadClass, number>;
  /** Upper bound by class even where `maxspeed` is higher, km/h (a fire engine is not a car). */
  classCapKmh: Record<RoadClass, number>;
  /** Multiplies every speed: 1 off-peak, e.g. 0.7 in the evening peak. */
  congestionFactor: number;
  /** Per-road speed overrides, km/h, keyed by link id (`link:ID`) or OSM way id (`way:ID`). */
  roadSpeedKmh: Record<string, number>;
  /** Where the defaults come from (printed in reports). */
  source: string;
}

/** Default fire-engine speeds per road class (km/h), maxspeed caps and no congestion (see docs/osm-import.md). */
export const DEFAULT_SPEED_MODEL: SpeedModel = {
  classSpeedKmh: {
    motorway: 60,
    motorway_link: 40,
    trunk: 50,
    trunk_link: 35,
    primary: 45,
    primary_link: 35,
    secondary: 40,
    secondary_link: 30,
    tertiary: 35,
    tertiary_link: 30,
    unclassified: 30,
    residential: 30,
    living_street: 15,
    service: 20,
    unknown: 30,
  },
  classCapKmh: {
    motorway: 80,
    motorway_link: 50,
    trunk: 70,
    trunk_link: 45,
    primary: 60,
    primary_link: 45,
    secondary: 50,
    secondary_link: 40,
    tertiary: 45,
    tertiary_link: 40,
    unclassified: 40,
    residential: 35,
    living_street: 15,
    service: 25,
    unknown: 50,
  },
  congestionFactor: 1,
  roadSpeedKmh: {},
  source: 'firecover default fire-engine speeds (urban average 30–35 km/h; see README "Speed model")',
};

/** A speed model with some values replaced. Unknown class names are an error (a typo would silently do nothing). */
export function speedModelWith(overrides: {
  classSpeedKmh?: Partial<Record<string, number>>;
  classCapKmh?: Partial<Record<string, number>>;
  congestionFactor?: number;
  roadSpeedKmh?: Record<string, number>;
}): SpeedModel {
  const m: SpeedModel = {
    ...DEFAULT_SPEED_MODEL,
    classSpeedKmh: { ...DEFAULT_SPEED_MODEL.classSpeedKmh },
    classCapKmh: { ...DEFAULT_SPEED_MODEL.classCapKmh },
    roadSpeedKmh: { ...overrides.roadSpeedKmh },
  };
  for (const [table, given] of [
    [m.classSpeedKmh, overrides.classSpeedKmh],
    [m.classCapKmh, overrides.classCapKmh],
  ] as const) {
    for (const [k, v] of Object.entries(given ?? {})) {
      if (!(ROAD_CLASSES as readonly string[]).includes(k)) throw new RangeError(`unknown road class "${k}" (known: ${ROAD_CLASSES.join(', ')})`);
      if (!(typeof v === 'number' && v > 0)) throw new RangeError(`speed for "${k}" must be a positive number of km/h`);
      table[k as RoadClass] = v;
    }
  }
  if (overrides.congestionFactor !== undefined) {
    if (!(overrides.congestionFactor > 0 && overrides.congestionFactor <= 2)) throw new RangeError('congestionFactor must be in (0, 2]');
    m.congestionFactor = overrides.congestionFactor;
  }
  for (const [k, v] of Object.entries(m.roadSpeedKmh)) {
    if (!/^(link|way):-?\d+$/.test(k)) throw new RangeError(`road speed key "${k}" must be "link:ID" or "way:ID"`);
    if (!(v > 0)) throw new RangeError(`road speed for "${k}" must be a positive number of km/h`);
  }
  return m;
}

/**
 * Link costs (seconds) from the speed model. Links with explicit costs (edge tables) keep them, scaled
 * by nothing: their cost already is a travel time. Directions that may not be travelled, and closed
 * links, get Infinity.
 */
export function applySpeedModel(net: RoadNetwork, model: SpeedModel = DEFAULT_SPEED_MODEL): RoadNetwork {
  const m = net.linkCount;
  const fwd = new Float32Array(m);
  const bwd = new Float32Array(m);
  const byLink = new Map<number, number>();
  const byWay = new Map<number, number>();
  for (const [k, v] of Object.entries(model.roadSpeedKmh)) {
    const [kind, id] = k.split(':');
    (kind === 'link' ? byLink : byWay).set(Number(id), v);
  }
  const hasRoad = byLink.size + byWay.size > 0;
  for (let l = 0; l < m; l++) {
    const flags = net.linkFlags[l];
    if (flags & LinkFlag.EXPLICIT_COST) {
      fwd[l] = flags & LinkFlag.CLOSED ? Infinity : net.linkForwardS[l];
      bwd[l] = flags & LinkFlag.CLOSED ? Infinity : net.linkBackwardS[l];
      continue;
    }
    const cls = ROAD_CLASSES[net.linkClass[l]] ?? 'unknown';
    const base = model.classSpeedKmh[cls];
    const cap = model.classCapKmh[cls];
    let override: number | undefined;
    if (hasRoad) override = byLink.get(net.linkId[l]) ?? byWay.get(net.linkWayId[l]);
    const lengthM = net.linkLengthM[l];
    const speed = (posted: number): number => {
      const kmh = override ?? (Number.isNaN(posted) ? base : Math.min(posted, cap));
      return kmh * model.congestionFactor;
    };
    const closed = (flags & LinkFlag.CLOSED) !== 0;
    fwd[l] = !closed && flags & LinkFlag.FORWARD ? lengthM / (speed(net.linkMaxspeedForwardKmh[l]) / 3.6) : Infinity;
    bwd[l] = !closed && flags & LinkFlag.BACKWARD ? lengthM / (speed(net.linkMaxspeedBackwardKmh[l]) / 3.6) : Infinity;
  }
  return withLinkCosts(net, fwd, bwd);
}
