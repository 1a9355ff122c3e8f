import { resolve } from 'node:path';
import { REPO_ROOT } from './shared_data';

/** The embedded default scenario. */
export const SAMPLE_CITY_SCENARIO = resolve(REPO_ROOT, 'data', 'sample-city', 'scenario.json');

/** The files `firecover hydrants` writes for the sample city (docs/water.md "Outputs": seven layers and the
 * district table; no water_crane_gaps, the sample city is not a severe-cold city). `analyze` writes them too. */
export const SAMPLE_CITY_WATER_FILES = [
  'hydrant_districts.csv',
  'hydrant_gaps.geojson',
  'hydrants.geojson',
  'intake_reach.geojson',
  'proposed_hydrants.geojson',
  'required_places.geojson',
  'unprotected.geojson',
  'wide_road_gaps.geojson',
];
