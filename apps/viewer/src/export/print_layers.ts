import type { Feature, FeatureCollection } from 'geojson';
import type { MapLayer, PrintLegendGroup, PrintLegendItem, Style } from '@firecover/report/print';
import { STATION_CLASS_LABELS } from '@firecover/core';
import { getLang, t } from '../i18n';
import { BAD, COMMUNITY_BAD, COMMUNITY_OK, DISTRICT_COLOURS, HAZARD_BAD, HAZARD_OK, HYDRANT_BAD, HYDRANT_OK, MICRO_OFF, MICRO_ON, MICRO_OUTLINE, STATUS_COLOURS, TOWNSHIP_BAD, TOWNSHIP_OK, bandColours } from '../map/colours';
import type { MapView } from '../map/map_view';
import { legendGroups, type Swatch } from '../panel/legend';

/**
 * The viewer's layers as the report renderer's `MapLayer`s: the same sources MapLibre draws (read back
 * from the blob URLs the map view keeps), only the groups switched on, in the map's drawing order, with
 * the page's colours. Widths are map units of the print layout (0.6 pt each on A4).
 */

/** Source → the toggle group that shows it (study_area is always drawn, like the page's study fill). */
export const SOURCE_GROUP: Readonly<Record<string, string | null>> = {
  study_area: null,
  service_areas: 'bands',
  water: 'base',
  intake_reach: 'intake_reach',
  unprotected: 'unprotected',
  gaps: 'gaps',
  districts: 'districts',
  roads: 'base',
  reached_network: 'reached_network',
  expressway: 'base',
  railway: 'base',
  hydrant_gaps: 'hydrant_gaps',
  hydrants: 'hydrants',
  proposed_hydrants: 'proposed_hydrants',
  townships: 'townships',
  communities: 'communities',
  hazards: 'hazards',
  micro_stations: 'micro_stations',
  stations: 'stations',
  candidates: 'stations',
};

/** MapLibre draws hydrants from this zoom on (style.ts, `minzoom`); a print of the view does the same. */
const HYDRANT_MIN_ZOOM = 13;

/** Sources drawn in the current view. */
export function visibleSources(view: MapView): string[] {
  return Object.keys(SOURCE_GROUP).filter((name) => {
    const g = SOURCE_GROUP[name];
    if (name === 'hydrants' && view.map.getZoom() < HYDRANT_MIN_ZOOM) return false;
    return g === null || view.visible.has(g);
  });
}

/** The current GeoJSON of the given sources (empty collections for sources with no data). */
export async function readSources(view: MapView, names: string[]): Promise<Record<string, FeatureCollection>> {
  const out: Record<string, FeatureCollection> = {};
  await Promise.all(
    names.map(async (name) => {
      const url = view.urls[name];
      out[name] = url ? ((await (await fetch(url)).json()) as FeatureCollection) : { type: 'FeatureCollection', features: [] };
    }),
  );
  return out;
}

const prop = (f: Feature, k: string): unknown => (f.properties ?? {})[k];
const geomType = (f: Feature): string => f.geometry?.type ?? '';
const isArea = (f: Feature) => geomType(f).includes('Polygon');
const isLine = (f: Feature) => geomType(f).includes('LineString');
const isPoint = (f: Feature) => geomType(f).includes('Point');

const ROAD_WIDTH: Readonly<Record<string, number>> = { motorway: 2.6, trunk: 2.6, primary: 2.1, secondary: 1.7, tertiary: 1.3, service: 0.5 };
const roadWidth = (f: Feature) => ROAD_WIDTH[String(prop(f, 'c'))] ?? 0.8;
const roadColour = (f: Feature) => {
  const c = String(prop(f, 'c'));
  return /^(motorway|trunk)/.test(c) ? '#f6c96b' : c.startsWith('primary') ? '#fde6a8' : '#ffffff';
};

const STATUS_STYLE: Readonly<Record<string, Style>> = {
  existing: { symbol: 'square', fill: STATUS_COLOURS.existing, stroke: '#ffffff', strokeWidth: 1, size: 13 },
  under_construction: { symbol: 'half', fill: STATUS_COLOURS.under_construction, size: 14 },
  planned: { symbol: 'square', fill: '#ffffff', stroke: STATUS_COLOURS.planned, strokeWidth: 2.2, size: 12 },
  candidate: { symbol: 'diamond', fill: '#ffffff', stroke: STATUS_COLOURS.candidate, strokeWidth: 2.4, size: 15 },
};
/**
 * The page's hatches as SVG patterns (map units; the same diagonals as icons.ts draws): gaps read by the
 * hatch, not by hue alone, on paper too. Each tile holds three parallel diagonals 6 units apart, so tiles
 * join seamlessly.
 */
export const HATCH_DEFS =
  `<pattern id="fc-hatch-gap" patternUnits="userSpaceOnUse" width="12" height="12"><path d="M-6 12L6 0M0 12L12 0M6 12L18 0" stroke="${BAD}" stroke-width="1.6" opacity="0.85"/></pattern>` +
  `<pattern id="fc-hatch-unprotected" patternUnits="userSpaceOnUse" width="12" height="12"><path d="M-6 0L6 12M0 0L12 12M6 0L18 12" stroke="${HYDRANT_BAD}" stroke-width="1.6" opacity="0.85"/></pattern>`;
const GAP_STYLE: Style = { fill: 'url(#fc-hatch-gap)', stroke: BAD, strokeWidth: 1.2 };
const UNPROTECTED_STYLE: Style = { fill: 'url(#fc-hatch-unprotected)', stroke: HYDRANT_BAD, strokeWidth: 1, opacity: 0.8 };

function stationLabel(f: Feature): string[] {
  const lang = getLang();
  const zh = prop(f, 'nameZh');
  const name = lang === 'zh' && typeof zh === 'string' && zh ? zh : String(prop(f, 'name') ?? '');
  const cls = (STATION_CLASS_LABELS as Readonly<Record<string, { en: string; zh: string }>>)[String(prop(f, 'fc_class') ?? '')];
  return [name, cls ? cls[lang] : String(prop(f, 'fc_class') ?? '')].filter(Boolean);
}

function districtLabel(f: Feature): string[] {
  const lang = getLang();
  const names = lang === 'zh' ? ['nameZh', 'stationNameZh', 'name', 'stationName'] : ['name', 'stationName'];
  const name = names.map((k) => prop(f, k)).find((v) => typeof v === 'string' && v) as string | undefined;
  return [name ?? '', String(prop(f, 'fc_areacap') ?? '')].filter(Boolean);
}

/** A micro station's, community's or township's name in the page language (its id when unnamed). */
function riskName(f: Feature): string {
  const zh = prop(f, 'nameZh');
  const en = prop(f, 'name');
  const pickStr = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return (getLang() === 'zh' ? pickStr(zh) ?? pickStr(en) : pickStr(en) ?? pickStr(zh)) ?? String(prop(f, 'id') ?? '');
}

const layer = (features: readonly Feature[], style: (f: Feature) => Style | null): MapLayer => ({ features, style });

/** The drawn layers, bottom first (the order of the page's style layers). */
export function printLayers(data: Record<string, FeatureCollection>, view: MapView, bandsS: number[]): MapLayer[] {
  const fs = (name: string, keep: (f: Feature) => boolean = () => true): Feature[] => (data[name]?.features ?? []).filter(keep);
  const on = (g: string) => view.visible.has(g);
  const bands = bandColours(bandsS);
  const out: MapLayer[] = [];
  out.push(layer(fs('study_area', isArea), () => ({ fill: '#fbfaf6' })));
  if (data.service_areas) out.push(layer(fs('service_areas', (f) => prop(f, 'fc_is_band') === true), (f) => ({ fill: bands[Math.min(Number(prop(f, 'fc_band') ?? 0), bands.length - 1)], opacity: 0.85 })));
  if (data.water) {
    out.push(layer(fs('water', isArea), () => ({ fill: '#a6cee3' })));
    out.push(layer(fs('water', isLine), () => ({ stroke: '#a6cee3', strokeWidth: 4 })));
  }
  if (data.intake_reach) out.push(layer(fs('intake_reach', isArea), () => ({ fill: '#8c510a', opacity: 0.12 })));
  if (data.unprotected) out.push(layer(fs('unprotected'), (f) => (isLine(f) ? { stroke: HYDRANT_BAD, strokeWidth: 2.5, opacity: 0.8 } : UNPROTECTED_STYLE)));
  if (data.gaps) out.push(layer(fs('gaps'), () => GAP_STYLE));
  if (data.districts) out.push(layer(fs('districts'), (f) => ({ fill: DISTRICT_COLOURS[Number(prop(f, 'fc_colour') ?? 0) % DISTRICT_COLOURS.length], opacity: 0.12 })));
  if (data.roads) {
    const roads = fs('roads', isLine);
    out.push(layer(roads, (f) => ({ stroke: '#9a958a', strokeWidth: roadWidth(f) + 1, opacity: 0.8 })));
    out.push(layer(roads, (f) => ({ stroke: roadColour(f), strokeWidth: roadWidth(f) })));
  }
  if (data.reached_network) out.push(layer(fs('reached_network', isLine), () => ({ stroke: '#08306b', strokeWidth: 1.6, opacity: 0.7 })));
  if (data.expressway) {
    out.push(layer(fs('expressway'), () => ({ stroke: '#8c510a', strokeWidth: 4 })));
    out.push(layer(fs('expressway'), () => ({ stroke: '#f6c96b', strokeWidth: 2.2 })));
  }
  if (data.railway) {
    out.push(layer(fs('railway'), () => ({ stroke: '#444444', strokeWidth: 3 })));
    out.push(layer(fs('railway'), () => ({ stroke: '#ffffff', strokeWidth: 1.8, dash: '5 5' })));
  }
  if (on('base')) out.push(layer(fs('study_area', isArea), () => ({ stroke: '#555555', strokeWidth: 1.2, dash: '6 3', fill: 'none' })));
  // townships and communities as the page draws them (style.ts): dashed / thin outlines (the label points are the page's)
  const townshipColour = (f: Feature) => (prop(f, 'fullTime') === true ? TOWNSHIP_OK : TOWNSHIP_BAD);
  const communityColour = (f: Feature) => (prop(f, 'inReach') === true ? COMMUNITY_OK : COMMUNITY_BAD);
  if (data.townships) out.push(layer(fs('townships', isArea), (f) => ({ fill: 'none', stroke: townshipColour(f), strokeWidth: 2, dash: '5 3', opacity: 0.9 })));
  if (data.communities) out.push(layer(fs('communities', isArea), (f) => ({ fill: communityColour(f), opacity: 0.06 })));
  if (data.communities) out.push(layer(fs('communities', isArea), (f) => ({ fill: 'none', stroke: communityColour(f), strokeWidth: 1, opacity: 0.85 })));
  if (data.intake_reach) {
    out.push(layer(fs('intake_reach', isLine), () => ({ stroke: '#2166ac', strokeWidth: 2.5, opacity: 0.6 })));
    out.push(layer(fs('intake_reach', isPoint), (f) => ({ symbol: 'circle', fill: prop(f, 'kind') === 'proposed' ? '#ffffff' : '#2166ac', stroke: '#2166ac', strokeWidth: 2, size: 10 })));
  }
  if (data.districts) {
    out.push(layer(fs('districts'), () => ({ fill: 'none', stroke: '#333333', strokeWidth: 1.4 })));
    out.push(layer(fs('districts', (f) => prop(f, 'fc_bad') === true), () => ({ fill: 'none', stroke: BAD, strokeWidth: 3.2, dash: '6 3' })));
  }
  if (data.hydrant_gaps) {
    out.push(layer(fs('hydrant_gaps', (f) => !isPoint(f)), () => ({ stroke: '#c51b7d', strokeWidth: 3, opacity: 0.85 })));
    out.push(layer(fs('hydrant_gaps', isPoint), () => ({ symbol: 'circle', fill: '#c51b7d', size: 8 })));
  }
  if (data.hydrants) out.push(layer(fs('hydrants', isPoint), (f) => (prop(f, 'fc_ok') === true ? { symbol: 'circle', fill: HYDRANT_OK, stroke: '#ffffff', strokeWidth: 1, size: 7 } : { symbol: 'circle', fill: '#ffffff', stroke: HYDRANT_BAD, strokeWidth: 1.5, size: 7 })));
  if (data.proposed_hydrants) out.push(layer(fs('proposed_hydrants', isPoint), () => ({ symbol: 'circle', fill: '#ffffff', stroke: '#1b7837', strokeWidth: 2, size: 8 })));
  if (data.hazards) {
    const colour = (f: Feature) => (prop(f, 'meets') === true ? HAZARD_OK : HAZARD_BAD);
    out.push(layer(fs('hazards', isArea), (f) => ({ fill: colour(f), opacity: 0.35, stroke: colour(f), strokeWidth: 1.5 })));
    out.push(layer(fs('hazards', isLine), (f) => ({ stroke: colour(f), strokeWidth: 4 })));
    out.push(layer(fs('hazards', isPoint), (f) => ({ symbol: 'circle', fill: colour(f), stroke: '#ffffff', strokeWidth: 2, size: 10 })));
  }
  if (data.micro_stations) out.push(layer(fs('micro_stations', isPoint), (f) => ({ symbol: 'circle', fill: prop(f, 'onNetwork') === false ? MICRO_OFF : MICRO_ON, stroke: MICRO_OUTLINE, strokeWidth: 1.5, size: 8, label: [riskName(f)], labelColor: '#262626' })));
  // one name per township and community, above the fills and lines
  if (data.townships) out.push(layer(fs('townships', isArea), (f) => ({ fill: 'none', label: [riskName(f)], labelColor: townshipColour(f) })));
  if (data.communities) out.push(layer(fs('communities', isArea), (f) => ({ fill: 'none', label: [riskName(f)], labelColor: '#333333' })));
  // District labels above the fills and lines, station symbols (with name and class) on top.
  if (data.districts) out.push(layer(fs('districts'), (f) => ({ fill: 'none', label: districtLabel(f), labelColor: prop(f, 'fc_bad') === true ? '#a50f15' : '#222222' })));
  for (const name of ['stations', 'candidates']) if (data[name]) out.push(layer(fs(name, isPoint), (f) => ({ ...(STATUS_STYLE[String(prop(f, 'fc_status'))] ?? STATUS_STYLE.existing), label: stationLabel(f), labelColor: '#111111' })));
  return out;
}

function swatchItem(s: Swatch, label: string): PrintLegendItem {
  switch (s.kind) {
    case 'fill':
      return { kind: 'area', label, style: { fill: s.colour, opacity: s.opacity, stroke: s.outline } };
    case 'line':
      return { kind: 'line', label, style: { stroke: s.colour, strokeWidth: s.width, dash: s.dash ? '4 3' : undefined }, under: s.casing ? { stroke: s.casing, strokeWidth: s.width + 2 } : undefined };
    case 'circle':
      return { kind: 'point', label, style: { symbol: 'circle', fill: s.colour, stroke: s.stroke, strokeWidth: 1.8, size: 11 } };
    case 'icon':
      if (s.icon === 'hatch-gap') return { kind: 'area', label, style: GAP_STYLE };
      if (s.icon === 'hatch-unprotected') return { kind: 'area', label, style: UNPROTECTED_STYLE };
      return { kind: 'point', label, style: STATUS_STYLE[s.icon.slice(3)] ?? STATUS_STYLE.existing };
  }
}

/** The legend of what is drawn: the page legend's groups and words (visible groups with data only). */
export function printLegend(data: Record<string, FeatureCollection>, view: MapView, bandsS: number[]): PrintLegendGroup[] {
  const withData = new Set<string>();
  for (const [name, fc] of Object.entries(data)) {
    const g = SOURCE_GROUP[name];
    if (g && fc.features.length > 0) withData.add(g);
  }
  return legendGroups(bandsS, (g) => view.visible.has(g) && withData.has(g)).map((g) => ({ title: t(g.title), items: g.entries.map((e) => swatchItem(e.swatch, e.label)) }));
}
