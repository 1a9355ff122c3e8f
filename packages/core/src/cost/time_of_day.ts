import { ROAD_CLASSES, UNKNOWN_CLASS, type RoadClass } from '../network/road_class';
import { withLinkCosts, type RoadNetwork } from '../network/road_network';

/**
 * Time-of-day speed profiles: a speed factor per road class for each period of the day (peak,
 * off-peak, night) and which hours belong to which period. A factor multiplies the speed model's
 * speeds (so a link's travel time is divided by it): 0.6 means 60 % of the off-peak speed.
 *
 * No national standard or the customer plans in ../shared/context give peak speeds for fire engines
 * (the plans name traffic as a cause of late arrivals, without figures), so every default below is
 * a local choice, to be replaced by a city's own floating-car or dispatch-record speeds: evening and
 * morning peaks 07–09 and 17–19 h, arterials at 60 % of their off-peak speed and local streets at 80 %
 * (arterials carry the queues; an engine with sirens still gains on side streets), night 22–06 h with
 * arterials 10 % faster and everything else unchanged.
 */
export type DayPeriod = 'peak' | 'offpeak' | 'night';

export const DAY_PERIODS: readonly DayPeriod[] = ['peak', 'offpeak', 'night'];

/** Speed factors of one period: `default` for every class not listed. */
export type ClassFactors = { default: number } & Partial<Record<RoadClass, number>>;

/** Which hours are peak, off-peak and night, and the speed factors of each period by road class. */
export interface TimeOfDayProfile {
  /** The period of each hour 0..23 (hour h = h:00 to h:59 local time). */
  hours: readonly DayPeriod[];
  /** Speed factor per period and road class, (0, 2]. */
  factors: Readonly<Record<DayPeriod, ClassFactors>>;
  /** Where the figures come from (printed beside the hourly table). */
  source: string;
  /** The clause-style citation: "local choice …" for the defaults. */
  clause: string;
}

const PEAK_HOURS = [7, 8, 17, 18];
const NIGHT_HOURS = [22, 23, 0, 1, 2, 3, 4, 5];
const ARTERIALS: readonly RoadClass[] = ['motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link', 'secondary', 'secondary_link'];

function periodsOf(peak: readonly number[], night: readonly number[]): DayPeriod[] {
  const hours: DayPeriod[] = Array.from({ length: 24 }, () => 'offpeak');
  for (const h of night) hours[h] = 'night';
  for (const h of peak) hours[h] = 'peak';
  return hours;
}

/** The default profile (a local choice, see above). */
export const DEFAULT_TIME_OF_DAY: TimeOfDayProfile = {
  hours: periodsOf(PEAK_HOURS, NIGHT_HOURS),
  factors: {
    peak: { default: 0.8, ...Object.fromEntries(ARTERIALS.map((c) => [c, 0.6])) },
    offpeak: { default: 1 },
    night: { default: 1, ...Object.fromEntries(ARTERIALS.map((c) => [c, 1.1])) },
  },
  source: 'firecover default time-of-day factors: peaks 07-09 and 17-19 h (arterials ×0.6, other roads ×0.8), night 22-06 h (arterials ×1.1)',
  clause: 'local choice (no national figure; replace with the city’s own measured speeds)',
};

/** Overrides of the profile, as the scenario's `timeOfDay` gives them. */
export interface TimeOfDayOverrides {
  /** Hours 0..23 of the peak (replaces the default list). */
  peakHours?: readonly number[];
  /** Hours 0..23 of the night (replaces the default list); an hour in both lists is a peak hour. */
  nightHours?: readonly number[];
  /** Factors per period: `default` and/or road classes, merged over the defaults of that period. */
  factors?: Partial<Record<DayPeriod, Partial<Record<string, number>>>>;
  source?: string;
}

/** A profile with some values replaced. Unknown periods, classes and out-of-range values are a RangeError. */
export function timeOfDayWith(o: TimeOfDayOverrides = {}): TimeOfDayProfile {
  const hoursOf = (xs: readonly number[] | undefined, fallback: number[], what: string): number[] => {
    if (xs === undefined) return fallback;
    for (const h of xs) if (!(Number.isInteger(h) && h >= 0 && h <= 23)) throw new RangeError(`${what} must be whole hours 0..23, got ${String(h)}`);
    return [...xs];
  };
  const peak = hoursOf(o.peakHours, PEAK_HOURS, 'peakHours');
  const night = hoursOf(o.nightHours, NIGHT_HOURS, 'nightHours');
  const factors = { peak: { ...DEFAULT_TIME_OF_DAY.factors.peak }, offpeak: { ...DEFAULT_TIME_OF_DAY.factors.offpeak }, night: { ...DEFAULT_TIME_OF_DAY.factors.night } };
  for (const [period, table] of Object.entries(o.factors ?? {})) {
    if (!(DAY_PERIODS as readonly string[]).includes(period)) throw new RangeError(`unknown period "${period}" (known: ${DAY_PERIODS.join(', ')})`);
    const target = factors[period as DayPeriod] as Record<string, number>;
    for (const [k, v] of Object.entries(table ?? {})) {
      if (k !== 'default' && !(ROAD_CLASSES as readonly string[]).includes(k)) throw new RangeError(`unknown road class "${k}" (known: default, ${ROAD_CLASSES.join(', ')})`);
      if (!(typeof v === 'number' && v > 0 && v <= 2)) throw new RangeError(`factor ${period}.${k} must be in (0, 2], got ${String(v)}`);
      target[k] = v;
    }
  }
  const custom = o.peakHours !== undefined || o.nightHours !== undefined || o.factors !== undefined;
  return {
    hours: periodsOf(peak, night),
    factors,
    source: o.source ?? (custom ? 'scenario timeOfDay' : DEFAULT_TIME_OF_DAY.source),
    clause: DEFAULT_TIME_OF_DAY.clause,
  };
}

/** The speed factor of a road class at an hour. */
export function speedFactor(profile: TimeOfDayProfile, hour: number, roadClass: RoadClass): number {
  if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23)) throw new RangeError(`hour must be a whole number 0..23, got ${hour}`);
  const f = profile.factors[profile.hours[hour]];
  return f[roadClass] ?? f.default;
}

/**
 * The network as driven at `hour`: every link's travel times divided by its class's factor (closed
 * directions stay Infinity). Topology, geometry and turn rules are shared with `net`, so snaps and
 * indexes built on `net` serve this network too. All factors 1 → `net` itself.
 */
export function networkAtHour(net: RoadNetwork, profile: TimeOfDayProfile, hour: number): RoadNetwork {
  const byClass = ROAD_CLASSES.map((c) => speedFactor(profile, hour, c));
  if (byClass.every((f) => f === 1)) return net;
  const fwd = new Float32Array(net.linkCount);
  const bwd = new Float32Array(net.linkCount);
  for (let l = 0; l < net.linkCount; l++) {
    const f = byClass[net.linkClass[l]] ?? byClass[UNKNOWN_CLASS];
    fwd[l] = net.linkForwardS[l] / f;
    bwd[l] = net.linkBackwardS[l] / f;
  }
  return withLinkCosts(net, fwd, bwd);
}

/**
 * Parses an hour list as the CLI gives it: "0-23", "7,8,17-19", "18". Returns the hours ascending,
 * each once; a RangeError for anything else.
 */
export function parseHours(text: string): number[] {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(\d{1,2})\s*(?:-\s*(\d{1,2})\s*)?$/.exec(part);
    if (!m) throw new RangeError(`"${part}" is not an hour or a range of hours like 0-23`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a > 23 || b > 23 || b < a) throw new RangeError(`"${part.trim()}": hours run 0..23, first ≤ last`);
    for (let h = a; h <= b; h++) out.add(h);
  }
  return [...out].sort((x, y) => x - y);
}
