import { scaleThreshold } from 'd3-scale';
import { interpolateViridis, schemeSet2 } from 'd3-scale-chromatic';

/**
 * Arrival-time bands: viridis (perceptually uniform, readable with the common colour-vision
 * deficiencies and in greyscale). Fast is dark blue, slow is yellow; beyond the standard the gap
 * layer adds a red hatch on top, so "late" never depends on hue alone.
 */
export function bandColours(bandsS: number[]): string[] {
  const n = bandsS.length + 1;
  const colours: string[] = [];
  for (let i = 0; i < n; i++) colours.push(towardWhite(interpolateViridis(0.12 + (0.86 * i) / Math.max(1, n - 1)), 0.42));
  return colours;
}

/** Mixes a #rrggbb colour with white: drawn opaque, so overlapping bands never blend into new hues. */
function towardWhite(hex: string, share: number): string {
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${v.map((c) => Math.round(c + (255 - c) * share).toString(16).padStart(2, '0')).join('')}`;
}

/** Colour of an arrival time in seconds, for popups and legends. */
export function arrivalColour(bandsS: number[], s: number): string {
  return scaleThreshold<number, string>().domain(bandsS).range(bandColours(bandsS))(s);
}

/** District fills: a qualitative palette, at low opacity. */
export const DISTRICT_COLOURS: readonly string[] = schemeSet2.slice(0, 8);

export const STATUS_COLOURS = {
  existing: '#b2182b',
  under_construction: '#d6604d',
  planned: '#b2182b',
  candidate: '#762a83',
} as const;

export const BAD = '#d7191c';
export const HYDRANT_OK = '#2166ac';
export const HYDRANT_BAD = '#e66101';

/** Land a plan year newly covers (compare view). */
export const NEWLY_COVERED = '#41ab5d';

/** Hazard sites (risk): the first capable unit meets the class's standard, or not. */
export const HAZARD_OK = '#1a9850';
export const HAZARD_BAD = '#d73027';

/** Micro fire stations (risk): on the road network (their crew reaches its distance), or not (it reaches nothing). */
export const MICRO_ON = '#fdae61';
export const MICRO_OFF = '#bdbdbd';
export const MICRO_OUTLINE = '#262626';
/** Communities: a micro station inside or arriving within the standard, or none. */
export const COMMUNITY_OK = '#1a9850';
export const COMMUNITY_BAD = '#d73027';
/** Townships: outlines with a full-time brigade or fire-rescue station inside, or without. */
export const TOWNSHIP_OK = '#54278f';
export const TOWNSHIP_BAD = '#d94801';
