import type { ScenarioFile, Station, StationInput } from '@firecover/core';
import type { CandidateInput } from '../model';

/**
 * The scenario as the viewer saves it: the file it opened, every field kept as written (layer paths stay
 * relative to the original scenario file, so the saved file belongs in that folder, where `firecover
 * analyze` and the viewer read it), with the page's candidates as stations of status "candidate" in place
 * of those it had. A station list given as a file or "from-network" becomes the list of stations that
 * file gave, so the candidates can be added to it.
 */
export function savedScenario(file: ScenarioFile, loadedStations: readonly Station[], candidates: readonly CandidateInput[]): ScenarioFile {
  const listed = Array.isArray(file.stations) ? (file.stations as StationInput[]) : loadedStations.map(stationInput);
  const stations: StationInput[] = [...listed.filter((s) => s.status !== 'candidate'), ...candidates.map(candidateInput)];
  return { ...file, stations };
}

/** A candidate as a scenario station (schema: id, name, lon, lat, class, status; turnout only when set). */
export function candidateInput(c: CandidateInput): StationInput {
  const s: StationInput = { id: c.id, name: c.name?.trim() || c.id, lon: c.lon, lat: c.lat, class: c.stationClass, status: 'candidate' };
  if (c.turnoutS !== undefined) s.turnoutS = c.turnoutS;
  return s;
}

/** A loaded station back as the schema's station (only the schema's fields). */
function stationInput(s: Station): StationInput {
  const out: StationInput = { id: s.id, name: s.name, lon: s.lon, lat: s.lat, class: s.class, status: s.status, turnoutS: s.turnoutS };
  if (s.nameZh !== undefined) out.nameZh = s.nameZh;
  if (s.year !== undefined) out.year = s.year;
  if (s.urbanEdge !== undefined) out.urbanEdge = s.urbanEdge;
  if (s.landAreaM2 !== undefined) out.landAreaM2 = s.landAreaM2;
  if (s.buildingAreaM2 !== undefined) out.buildingAreaM2 = s.buildingAreaM2;
  return out;
}
