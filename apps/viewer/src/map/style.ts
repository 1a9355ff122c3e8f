import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { STATION_CLASS_LABELS } from '@firecover/core';
import type { Lang } from '../i18n';
import { ANALYSIS_LAYERS, BASE_LAYERS } from '../model';
import { BAD, COMMUNITY_BAD, COMMUNITY_OK, DISTRICT_COLOURS, HAZARD_BAD, HAZARD_OK, HYDRANT_BAD, HYDRANT_OK, MICRO_OFF, MICRO_ON, MICRO_OUTLINE, NEWLY_COVERED, TOWNSHIP_BAD, TOWNSHIP_OK, bandColours } from './colours';

/**
 * The offline map style: every source is the project's own GeoJSON (no tiles, no sprite, no glyph
 * server; labels are drawn with the browser's fonts). An OpenStreetMap raster basemap is an option.
 */

const EMPTY = { type: 'FeatureCollection', features: [] } as const;
export const FONT = ['sans-serif'];
export const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** Toggle groups: one checkbox each, turning several style layers on or off. */
export const GROUPS: Record<string, string[]> = {
  bands: ['bands-fill'],
  districts: ['districts-fill', 'districts-line', 'districts-bad', 'districts-label'],
  gaps: ['gaps-fill', 'gaps-line'],
  reached_network: ['reached-line'],
  unprotected: ['unprotected-fill', 'unprotected-line'],
  intake_reach: ['intake-fill', 'intake-line', 'intake-point'],
  hydrant_gaps: ['hydrant-gaps-line', 'hydrant-gaps-point'],
  hydrants: ['hydrants-circle'],
  proposed_hydrants: ['proposed-hydrants'],
  stations: ['stations-icon', 'candidates-icon', 'plan-stations-icon'],
  newly_covered: ['newly-covered-fill', 'newly-covered-line'],
  hazards: ['hazards-fill', 'hazards-line', 'hazards-point'],
  micro_stations: ['micro-stations-point', 'micro-stations-label'],
  communities: ['communities-fill', 'communities-line', 'communities-label'],
  townships: ['townships-line', 'townships-label'],
  base: ['water-fill', 'water-line', 'roads-casing', 'roads-line', 'railway-line', 'railway-dash', 'expressway-casing', 'expressway-line', 'study-outline'],
  osm: ['osm'],
};

export const DEFAULT_ON = new Set(['bands', 'districts', 'gaps', 'hydrant_gaps', 'hydrants', 'stations', 'base', 'newly_covered', 'hazards', 'micro_stations', 'communities', 'townships']);

/** Road line width by class and zoom, pixels; `extra` widens it (casing). */
function roadWidth(extra: number): ExpressionSpecification {
  const at = (motorway: number, primary: number, secondary: number, tertiary: number, service: number, other: number) => [
    'match', ['get', 'c'],
    ['motorway', 'trunk'], motorway + extra,
    ['primary'], primary + extra,
    ['secondary'], secondary + extra,
    ['tertiary'], tertiary + extra,
    ['service'], service + extra,
    other + extra,
  ];
  return ['interpolate', ['exponential', 1.6], ['zoom'], 11, at(1.6, 1.3, 1, 0.7, 0.3, 0.35), 16, at(12, 9, 7, 5, 2, 3.5)] as unknown as ExpressionSpecification;
}

function vis(group: string, on: Set<string>): 'visible' | 'none' {
  return on.has(group) ? 'visible' : 'none';
}

export function buildStyle(bandsS: number[], on: Set<string> = DEFAULT_ON, data: Record<string, string | object> = {}, lang: Lang = 'en'): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  for (const name of [...BASE_LAYERS, ...ANALYSIS_LAYERS]) sources[name] = { type: 'geojson', data: (data[name] as never) ?? EMPTY };
  sources.osm = { type: 'raster', tiles: [OSM_TILES], tileSize: 256, maxzoom: 19, attribution: '© OpenStreetMap contributors' };

  const bands = bandColours(bandsS);
  const bandColour: ExpressionSpecification = ['match', ['get', 'fc_band'], ...bands.slice(0, -1).flatMap((c, i) => [i, c]), bands[bands.length - 1]] as unknown as ExpressionSpecification;
  const districtColour = ['match', ['get', 'fc_colour'], ...DISTRICT_COLOURS.flatMap((c, i) => [i, c]), '#ccc'] as unknown as ExpressionSpecification;
  const g = (group: string) => ({ visibility: vis(group, on) });
  const townshipColour: ExpressionSpecification = ['case', ['==', ['get', 'fullTime'], true], TOWNSHIP_OK, TOWNSHIP_BAD];
  const communityColour: ExpressionSpecification = ['case', ['==', ['get', 'inReach'], true], COMMUNITY_OK, COMMUNITY_BAD];

  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': '#eeece6' } },
    { id: 'osm', type: 'raster', source: 'osm', layout: g('osm'), paint: { 'raster-opacity': 0.6 } },
    { id: 'study-fill', type: 'fill', source: 'study_area', paint: { 'fill-color': '#fbfaf6' } },
    { id: 'bands-fill', type: 'fill', source: 'service_areas', filter: ['==', ['get', 'fc_is_band'], true], layout: g('bands'), paint: { 'fill-color': bandColour, 'fill-opacity': 0.85, 'fill-antialias': false } },
    { id: 'water-fill', type: 'fill', source: 'water', filter: ['==', ['geometry-type'], 'Polygon'], layout: g('base'), paint: { 'fill-color': '#a6cee3' } },
    { id: 'water-line', type: 'line', source: 'water', filter: ['==', ['geometry-type'], 'LineString'], layout: { ...g('base'), 'line-cap': 'round' }, paint: { 'line-color': '#a6cee3', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 3, 16, 24] } },
    { id: 'intake-fill', type: 'fill', source: 'intake_reach', filter: ['==', ['geometry-type'], 'Polygon'], layout: g('intake_reach'), paint: { 'fill-color': '#8c510a', 'fill-opacity': 0.12 } },
    { id: 'unprotected-fill', type: 'fill', source: 'unprotected', filter: ['==', ['geometry-type'], 'Polygon'], layout: g('unprotected'), paint: { 'fill-pattern': 'hatch-unprotected', 'fill-opacity': 0.8 } },
    { id: 'unprotected-line', type: 'line', source: 'unprotected', layout: g('unprotected'), paint: { 'line-color': HYDRANT_BAD, 'line-width': ['case', ['==', ['geometry-type'], 'LineString'], 2.5, 1], 'line-opacity': 0.8 } },
    { id: 'gaps-fill', type: 'fill', source: 'gaps', layout: g('gaps'), paint: { 'fill-pattern': 'hatch-gap' } },
    { id: 'gaps-line', type: 'line', source: 'gaps', layout: g('gaps'), paint: { 'line-color': BAD, 'line-width': 1.2 } },
    // land a plan year newly covers (plan/newly_covered.ts): solid green with an outline, above the bands and gaps
    { id: 'newly-covered-fill', type: 'fill', source: 'newly_covered', layout: g('newly_covered'), paint: { 'fill-color': NEWLY_COVERED, 'fill-opacity': 0.55, 'fill-antialias': false } },
    { id: 'newly-covered-line', type: 'line', source: 'newly_covered', layout: g('newly_covered'), paint: { 'line-color': '#00441b', 'line-width': 0.6, 'line-opacity': 0.5 } },
    { id: 'districts-fill', type: 'fill', source: 'districts', layout: g('districts'), paint: { 'fill-color': districtColour, 'fill-opacity': 0.12 } },
    { id: 'roads-casing', type: 'line', source: 'roads', layout: { ...g('base'), 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': '#9a958a', 'line-width': roadWidth(1.2), 'line-opacity': 0.8 } },
    { id: 'roads-line', type: 'line', source: 'roads', layout: { ...g('base'), 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': ['match', ['get', 'c'], ['motorway', 'motorway_link', 'trunk', 'trunk_link'], '#f6c96b', ['primary', 'primary_link'], '#fde6a8', '#ffffff'], 'line-width': roadWidth(0) } },
    { id: 'reached-line', type: 'line', source: 'reached_network', layout: { ...g('reached_network'), 'line-cap': 'round' }, paint: { 'line-color': '#08306b', 'line-width': 1.6, 'line-opacity': 0.7 } },
    { id: 'expressway-casing', type: 'line', source: 'expressway', layout: g('base'), paint: { 'line-color': '#8c510a', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 3, 16, 14] } },
    { id: 'expressway-line', type: 'line', source: 'expressway', layout: g('base'), paint: { 'line-color': '#f6c96b', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.6, 16, 10] } },
    { id: 'railway-line', type: 'line', source: 'railway', layout: g('base'), paint: { 'line-color': '#444', 'line-width': 3 } },
    { id: 'railway-dash', type: 'line', source: 'railway', layout: g('base'), paint: { 'line-color': '#fff', 'line-width': 1.8, 'line-dasharray': [3, 3] } },
    { id: 'study-outline', type: 'line', source: 'study_area', layout: g('base'), paint: { 'line-color': '#555', 'line-width': 1.2, 'line-dasharray': [4, 2] } },
    // townships (risk): dashed outlines, no fill, under the analysis lines; purple with a full-time brigade inside, orange without
    { id: 'townships-line', type: 'line', source: 'townships', filter: ['!=', ['geometry-type'], 'Point'], layout: { ...g('townships'), 'line-join': 'round' }, paint: { 'line-color': townshipColour, 'line-width': 2, 'line-dasharray': [3, 2], 'line-opacity': 0.9 } },
    // communities (risk): a faint tint and a thin outline, green with a micro station in reach, red without
    { id: 'communities-fill', type: 'fill', source: 'communities', filter: ['!=', ['geometry-type'], 'Point'], layout: g('communities'), paint: { 'fill-color': communityColour, 'fill-opacity': 0.06 } },
    { id: 'communities-line', type: 'line', source: 'communities', filter: ['!=', ['geometry-type'], 'Point'], layout: g('communities'), paint: { 'line-color': communityColour, 'line-width': 1, 'line-opacity': 0.85 } },
    { id: 'intake-line', type: 'line', source: 'intake_reach', filter: ['==', ['geometry-type'], 'LineString'], layout: { ...g('intake_reach'), 'line-cap': 'round' }, paint: { 'line-color': '#2166ac', 'line-width': 2.5, 'line-opacity': 0.6 } },
    { id: 'intake-point', type: 'circle', source: 'intake_reach', filter: ['==', ['geometry-type'], 'Point'], layout: g('intake_reach'), paint: { 'circle-radius': 5, 'circle-color': ['case', ['==', ['get', 'kind'], 'proposed'], '#fff', '#2166ac'], 'circle-stroke-color': '#2166ac', 'circle-stroke-width': 2 } },
    { id: 'districts-line', type: 'line', source: 'districts', layout: g('districts'), paint: { 'line-color': '#333', 'line-width': 1.4 } },
    { id: 'districts-bad', type: 'line', source: 'districts', filter: ['==', ['get', 'fc_bad'], true], layout: g('districts'), paint: { 'line-color': BAD, 'line-width': 3.2, 'line-dasharray': [2, 1] } },
    { id: 'hydrant-gaps-line', type: 'line', source: 'hydrant_gaps', filter: ['!=', ['geometry-type'], 'Point'], layout: { ...g('hydrant_gaps'), 'line-cap': 'round' }, paint: { 'line-color': '#c51b7d', 'line-width': 3, 'line-opacity': 0.85 } },
    { id: 'hydrant-gaps-point', type: 'circle', source: 'hydrant_gaps', filter: ['==', ['geometry-type'], 'Point'], layout: g('hydrant_gaps'), paint: { 'circle-color': '#c51b7d', 'circle-radius': 4 } },
    // thousands of hydrants bury the districts and bands at city scale: they appear from street scale on
    { id: 'hydrants-circle', type: 'circle', source: 'hydrants', minzoom: 13, layout: g('hydrants'), paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 1.8, 16, 5],
      'circle-color': ['case', ['==', ['get', 'fc_ok'], true], HYDRANT_OK, '#fff'],
      'circle-stroke-color': ['case', ['==', ['get', 'fc_ok'], true], '#fff', HYDRANT_BAD],
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 12, 0.6, 16, 2],
    } },
    // hazard sites: green where the first capable unit meets the class's standard, red where it does not (or none can)
    { id: 'hazards-fill', type: 'fill', source: 'hazards', filter: ['==', ['geometry-type'], 'Polygon'], layout: g('hazards'), paint: { 'fill-color': ['case', ['==', ['get', 'meets'], true], HAZARD_OK, HAZARD_BAD], 'fill-opacity': 0.35 } },
    { id: 'hazards-line', type: 'line', source: 'hazards', layout: { ...g('hazards'), 'line-cap': 'round' }, paint: { 'line-color': ['case', ['==', ['get', 'meets'], true], HAZARD_OK, HAZARD_BAD], 'line-width': ['case', ['==', ['geometry-type'], 'LineString'], 4, 1.5] } },
    { id: 'hazards-point', type: 'circle', source: 'hazards', filter: ['==', ['geometry-type'], 'Point'], layout: g('hazards'), paint: { 'circle-radius': 6, 'circle-color': ['case', ['==', ['get', 'meets'], true], HAZARD_OK, HAZARD_BAD], 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } },
    // micro fire stations (risk): small circles with a dark outline (fire stations are square icons), grey when off the road network
    { id: 'micro-stations-point', type: 'circle', source: 'micro_stations', layout: g('micro_stations'), paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 3, 16, 5.5], 'circle-color': ['case', ['==', ['get', 'onNetwork'], false], MICRO_OFF, MICRO_ON], 'circle-stroke-color': MICRO_OUTLINE, 'circle-stroke-width': 1.5 } },
    { id: 'proposed-hydrants', type: 'circle', source: 'proposed_hydrants', layout: g('proposed_hydrants'), paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 2, 16, 5], 'circle-color': '#fff', 'circle-stroke-color': '#1b7837', 'circle-stroke-width': 2 } },
    { id: 'districts-label', type: 'symbol', source: 'district_labels', layout: { ...g('districts'), 'text-field': districtText(lang), 'text-font': FONT, 'text-size': 12, 'text-max-width': 14, 'symbol-placement': 'point', 'text-variable-anchor': ['bottom', 'top', 'left', 'right'], 'text-radial-offset': 1.2 }, paint: { 'text-color': ['case', ['==', ['get', 'fc_bad'], true], '#a50f15', '#222'], 'text-halo-color': '#fff', 'text-halo-width': 1.6 } },
    // risk labels: one per township (its label point, worker/risk_layers.ts) at every scale; communities and micro stations from street scale
    { id: 'townships-label', type: 'symbol', source: 'townships', filter: ['==', ['get', 'fc_label'], true], layout: { ...g('townships'), 'text-field': riskNameText(lang), 'text-font': FONT, 'text-size': 13, 'text-letter-spacing': 0.1, 'symbol-placement': 'point', 'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'], 'text-radial-offset': 1 }, paint: { 'text-color': townshipColour, 'text-halo-color': '#fff', 'text-halo-width': 1.8 } },
    { id: 'communities-label', type: 'symbol', source: 'communities', minzoom: 14, filter: ['==', ['get', 'fc_label'], true], layout: { ...g('communities'), 'text-field': riskNameText(lang), 'text-font': FONT, 'text-size': 11, 'symbol-placement': 'point' }, paint: { 'text-color': '#333', 'text-halo-color': '#fff', 'text-halo-width': 1.5 } },
    { id: 'micro-stations-label', type: 'symbol', source: 'micro_stations', minzoom: 14, layout: { ...g('micro_stations'), 'text-field': riskNameText(lang), 'text-font': FONT, 'text-size': 10, 'text-offset': [0, 0.9], 'text-anchor': 'top', 'text-optional': true }, paint: { 'text-color': '#262626', 'text-halo-color': '#fff', 'text-halo-width': 1.4 } },
    // stations of the plan not in service in the year shown: their status symbol, faded
    { ...stationLayer('plan-stations-icon', 'plan_stations', g('stations'), lang), paint: { 'text-color': '#555', 'text-halo-color': '#fff', 'text-halo-width': 1.5, 'icon-opacity': 0.55, 'text-opacity': 0.8 } } as LayerSpecification,
    stationLayer('stations-icon', 'stations', g('stations'), lang),
    stationLayer('candidates-icon', 'candidates', g('stations'), lang),
  ];
  return { version: 8, name: 'firecover offline', sources, layers };
}

function stationLayer(id: string, source: string, layout: { visibility: 'visible' | 'none' }, lang: Lang): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    layout: {
      ...layout,
      'icon-image': ['concat', 'st-', ['get', 'fc_status']],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'text-field': stationText(lang),
      'text-font': FONT,
      'text-size': 11,
      'text-offset': [0, 1.3],
      'text-anchor': 'top',
      'text-optional': true,
    },
    paint: { 'text-color': '#111', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
  };
}

/** Station label: name and class, in the page language. */
export function stationText(lang: Lang): ExpressionSpecification {
  const cls = ['match', ['get', 'fc_class'], ...Object.entries(STATION_CLASS_LABELS).flatMap(([k, v]) => [k, v[lang]]), ['get', 'fc_class']];
  const name = lang === 'zh' ? ['coalesce', ['get', 'nameZh'], ['get', 'name'], ''] : ['coalesce', ['get', 'name'], ''];
  return ['concat', name, '\n', cls] as unknown as ExpressionSpecification;
}

/** District label: station name in the page language, area / cap. */
export function districtText(lang: Lang): ExpressionSpecification {
  const name = lang === 'zh' ? ['coalesce', ['get', 'nameZh'], ['get', 'stationNameZh'], ['get', 'name'], ['get', 'stationName'], ''] : ['coalesce', ['get', 'name'], ['get', 'stationName'], ''];
  return ['concat', name, '\n', ['get', 'fc_areacap']] as unknown as ExpressionSpecification;
}

/** Label of a micro station, community or township: its name in the page language (its id when unnamed). */
export function riskNameText(lang: Lang): ExpressionSpecification {
  return (lang === 'zh' ? ['coalesce', ['get', 'nameZh'], ['get', 'name'], ['get', 'id'], ''] : ['coalesce', ['get', 'name'], ['get', 'nameZh'], ['get', 'id'], '']) as unknown as ExpressionSpecification;
}
