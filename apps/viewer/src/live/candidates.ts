import { STATION_CLASSES, STATION_CLASS_ALIASES, type Station, type StationClass } from '@firecover/core';
import type { CandidateInput } from '../model';

/**
 * Candidate stations as the page edits them: a class given as a code or a Chinese name, the station core
 * analyses, and how two candidate lists differ (the analysis keeps every list prefix, so a change to the
 * k-th candidate recomputes only from k on).
 */

/** A station class from a code (`class2`) or a Chinese name (`二级`, `二级站` …); undefined when neither. */
export function candidateClass(cls: string): StationClass | undefined {
  const c = cls.trim();
  if ((STATION_CLASSES as readonly string[]).includes(c)) return c as StationClass;
  return STATION_CLASS_ALIASES[c];
}

/** The station core analyses for a candidate; turnout defaults to the preset's. */
export function candidateStation(c: CandidateInput, defaultTurnoutS: number): Station {
  return {
    id: c.id,
    name: c.name?.trim() || c.id,
    lon: c.lon,
    lat: c.lat,
    class: candidateClass(c.stationClass) ?? 'class2',
    status: 'candidate',
    turnoutS: c.turnoutS ?? defaultTurnoutS,
  };
}

export function sameCandidate(a: CandidateInput, b: CandidateInput): boolean {
  return a.id === b.id && a.lon === b.lon && a.lat === b.lat && a.stationClass === b.stationClass && (a.name ?? '') === (b.name ?? '') && a.turnoutS === b.turnoutS;
}

/** How many leading candidates two lists share. */
export function commonPrefix(a: readonly CandidateInput[], b: readonly CandidateInput[]): number {
  let k = 0;
  while (k < a.length && k < b.length && sameCandidate(a[k], b[k])) k++;
  return k;
}

/** A candidate read back from a scenario's stations (status "candidate"). */
export function candidateFromStation(s: Station): CandidateInput {
  return { id: s.id, lon: s.lon, lat: s.lat, stationClass: s.class, name: s.name === s.id ? undefined : s.name, turnoutS: s.turnoutS };
}

/** The next free "C<n>" id after those in use. */
export function nextCandidateSeq(candidates: readonly CandidateInput[]): number {
  let max = 0;
  for (const c of candidates) {
    const m = /^C(\d+)$/.exec(c.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}
