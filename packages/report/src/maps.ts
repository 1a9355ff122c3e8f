import { STATION_CLASS_LABELS } from '@firecover/core';
import type { Feature, Position } from 'geojson';
import type { ReportInput } from './analysis_input';
import { fmt } from './escape';
import { renderMap, type LegendItem, type MapLayer, type MapSpec, type Style, type Lang } from './svg_map';
import { translator, type Tr } from './text';

/** Colour of a station class (fill of its symbol). */
const CLASS_COLOUR: Readonly<Record<string, string>> = {
  class1: '#d7301f',
  class2: '#fc8d59',
  special: '#7a0177',
  small: '#fdbb84',
  logistics: '#636363',
  township1: '#2171b5',
  township2: '#6baed6',
  fulltime: '#238b45',
  micro: '#969696',
  volunteer: '#bdbdbd',
  engine: '#d7301f',
  ladder: '#7a0177',
};
const STATUS_SYMBOL: Readonly<Record<string, Style['symbol']>> = { existing: 'circle', under_construction: 'half', planned: 'ring', candidate: 'triangle' };
const BAND_COLOURS = ['#1a9850', '#91cf60', '#d9ef8b', '#fee08b', '#fc8d59', '#d73027'];
/** Road class codes up to this one are major roads (core's ROAD_CLASSES order: motorway … secondary_link). */
const MAJOR_ROAD_CLASS = 7;
const STATUSES = ['existing', 'under_construction', 'planned', 'candidate'] as const;

export interface MapOptions {
  lang: Lang;
  /** Data date printed on every map. */
  date: string | null;
}

export interface RenderedMap {
  id: string;
  title: string;
  svg: string;
}

const prop = (f: Feature, k: string): unknown => (f.properties ?? {})[k];
const str = (f: Feature, k: string): string => String(prop(f, k) ?? '');

function stationName(f: Feature, lang: Lang): string {
  const zh = prop(f, 'nameZh');
  return lang === 'zh' && typeof zh === 'string' && zh ? zh : str(f, 'name');
}

function stationLayer(input: ReportInput, lang: Lang, labels: boolean, all = false): MapLayer {
  return {
    features: (all ? input.allStations : input.layers.stations).features,
    style: (f) => ({
      symbol: STATUS_SYMBOL[str(f, 'status')] ?? 'circle',
      fill: CLASS_COLOUR[str(f, 'class')] ?? '#444',
      stroke: '#222',
      strokeWidth: 1.2,
      size: 14,
      label: labels ? [`${stationName(f, lang)}${prop(f, 'year') ? ` (${str(f, 'year')})` : ''}`] : undefined,
    }),
  };
}

/** The road network as two paths (major roads: motorway…secondary; the rest), drawn under every map. */
function roadLayer(input: ReportInput): MapLayer {
  const major: Position[][] = [];
  const minor: Position[][] = [];
  for (const f of input.roads.features) (Number(prop(f, 'class')) <= MAJOR_ROAD_CLASS ? major : minor).push(f.geometry.coordinates);
  const features: Feature[] = [
    { type: 'Feature', properties: { major: false }, geometry: { type: 'MultiLineString', coordinates: minor } },
    { type: 'Feature', properties: { major: true }, geometry: { type: 'MultiLineString', coordinates: major } },
  ];
  return { features, style: (f) => ({ stroke: '#bdbdbd', strokeWidth: prop(f, 'major') ? 1.8 : 0.8 }) };
}

function stationLegend(input: ReportInput, t: Tr, lang: Lang, all = false): LegendItem[] {
  const items: LegendItem[] = [];
  const fc = all ? input.allStations : input.layers.stations;
  const present = new Set(fc.features.map((f) => str(f, 'status')));
  for (const s of STATUSES) if (present.has(s)) items.push({ kind: 'point', label: t(s), style: { symbol: STATUS_SYMBOL[s], fill: '#555', stroke: '#222', strokeWidth: 1.2, size: 14 } });
  const classes = [...new Set(fc.features.map((f) => str(f, 'class')))].sort();
  for (const c of classes) items.push({ kind: 'point', label: classLabel(c, lang), style: { symbol: 'square', fill: CLASS_COLOUR[c] ?? '#444', size: 12 } });
  return items;
}

function classLabel(c: string, lang: Lang): string {
  const l = (STATION_CLASS_LABELS as Readonly<Record<string, { en: string; zh: string }>>)[c];
  return l ? l[lang] : c;
}

function bandLabel(t: Tr, fromS: number | null, upToS: number | null): string {
  if (fromS === null && upToS === null) return t('bandNever');
  if (fromS === null) return t('bandUpTo', { to: (upToS as number) / 60 });
  if (upToS === null) return t('bandBeyond', { from: fromS / 60 });
  return t('bandRange', { from: fromS / 60, to: upToS / 60 });
}

const failing = (f: Feature): boolean => prop(f, 'overCap') === true || prop(f, 'edgeWithinStandard') === false;

/** The maps of the report (SVG documents), in report order. */
export function reportMaps(input: ReportInput, opts: MapOptions): RenderedMap[] {
  const { lang } = opts;
  const t = translator(lang);
  const R = input.coverage.standards.responseS;
  const dataLine = t('dataLine', { date: opts.date ?? t('undated'), source: input.osm ? 'OpenStreetMap' : input.scenario.description ?? input.scenario.name });
  const attribution = input.osm ? t('osm') : null;
  const base = { dataLine, attribution, lang, extent: [...input.layers.districts.features, ...input.layers.stations.features, ...input.roads.features] };
  const roads = roadLayer(input);
  const roadLegend: LegendItem = { kind: 'line', label: t('roads'), style: { stroke: '#bdbdbd', strokeWidth: 2 } };
  const specs: MapSpec[] = [];

  specs.push({ ...base, id: 'stations', title: t('mapStations'), layers: [roads, stationLayer(input, lang, true, true)], legend: [roadLegend, ...stationLegend(input, t, lang, true)] });

  const bands = input.layers.service_areas.features.filter((f) => prop(f, 'kind') === 'band');
  const bandStyle = (i: number): Style => ({ fill: BAND_COLOURS[Math.min(i, BAND_COLOURS.length - 1)], opacity: 0.75 });
  specs.push({
    ...base,
    id: 'arrival',
    title: t('mapArrival'),
    subtitle: `${input.coverage.standards.responseClause}: ≤ ${R} s`,
    layers: [roads, { features: bands, style: (f) => bandStyle(bands.indexOf(f)) }, stationLayer(input, lang, false)],
    legend: [...bands.map((f, i): LegendItem => ({ kind: 'area', label: bandLabel(t, prop(f, 'fromS') as number | null, prop(f, 'upToS') as number | null), style: bandStyle(i) })), ...stationLegend(input, t, lang)],
  });

  const barriers: MapLayer = { features: input.barriers.features, style: () => ({ stroke: '#08519c', strokeWidth: 2.5, dash: '8 4' }) };
  specs.push({
    ...base,
    id: 'districts',
    title: t('mapDistricts'),
    subtitle: `${input.coverage.districts[0]?.areaKm2.clause ?? ''}; ${input.coverage.standards.responseClause}`,
    layers: [
      roads,
      {
        features: input.layers.districts.features,
        style: (f) => ({
          fill: failing(f) ? '#fcbba1' : '#c7e9c0',
          opacity: 0.8,
          stroke: failing(f) ? '#cb181d' : '#238b45',
          strokeWidth: failing(f) ? 3 : 1.5,
          label: [stationName(f, lang), `${fmt(prop(f, 'areaKm2') as number | null)} / ${prop(f, 'capKm2') ?? '—'} km²${failing(f) ? ` (${t('fail')})` : ''}`],
          labelColor: failing(f) ? '#a50f15' : '#00441b',
        }),
      },
      barriers,
      stationLayer(input, lang, false),
    ],
    legend: [
      { kind: 'area', label: t('districtOk'), style: { fill: '#c7e9c0', stroke: '#238b45', strokeWidth: 1.5 } },
      { kind: 'area', label: t('districtFail'), style: { fill: '#fcbba1', stroke: '#cb181d', strokeWidth: 3 } },
      { kind: 'line', label: t('barrier'), style: { stroke: '#08519c', strokeWidth: 2.5, dash: '8 4' } },
      ...stationLegend(input, t, lang),
    ],
  });

  specs.push({
    ...base,
    id: 'gaps',
    title: t('mapGaps', { responseS: R }),
    subtitle: t('gapTotals', {
      late: fmt(input.coverage.gaps.lateAreaKm2),
      lateZones: input.coverage.gaps.lateZoneCount,
      unreach: fmt(input.coverage.gaps.unreachableAreaKm2),
      unreachZones: input.coverage.gaps.unreachableZoneCount,
    }),
    layers: [
      roads,
      {
        features: input.layers.gaps.features,
        style: (f) => ({
          fill: prop(f, 'kind') === 'late' ? '#fd8d3c' : '#67000d',
          opacity: 0.8,
          stroke: '#7f2704',
          strokeWidth: 1,
          label: [`${prop(f, 'kind') === 'late' ? t('kindLate') : t('kindUnreachable')} #${str(f, 'rank')}`],
        }),
      },
      stationLayer(input, lang, false),
    ],
    legend: [
      { kind: 'area', label: t('gapLate', { responseS: R }), style: { fill: '#fd8d3c', opacity: 0.8 } },
      { kind: 'area', label: t('gapUnreachable'), style: { fill: '#67000d', opacity: 0.8 } },
      ...stationLegend(input, t, lang),
    ],
  });

  const w = input.water;
  if (w) {
    const preset = input.scenario.preset;
    const hydrants = w.layers.hydrants?.features ?? [];
    specs.push({
      ...base,
      id: 'hydrants',
      title: t('mapHydrants'),
      subtitle: `${preset.hydrantSpacingM.clause}: ≤ ${preset.hydrantSpacingM.value} m`,
      layers: [
        roads,
        { features: w.layers.hydrant_gaps?.features ?? [], style: () => ({ stroke: '#e31a1c', strokeWidth: 3.5 }) },
        { features: hydrants, style: (f) => (str(f, 'compliance') === 'counts' ? { symbol: 'circle', fill: '#2171b5', size: 5 } : { symbol: 'circle', fill: '#ffffff', stroke: '#2171b5', strokeWidth: 1, size: 5 }) },
        { features: w.layers.proposed_hydrants?.features ?? [], style: () => ({ symbol: 'cross', stroke: '#e31a1c', strokeWidth: 2.5, size: 10 }) },
        stationLayer(input, lang, false),
      ],
      legend: [
        { kind: 'line', label: t('hydrantGap', { spacingM: preset.hydrantSpacingM.value }), style: { stroke: '#e31a1c', strokeWidth: 3.5 } },
        { kind: 'point', label: t('hydrant'), style: { symbol: 'circle', fill: '#2171b5', size: 6 } },
        { kind: 'point', label: t('hydrantDefective'), style: { symbol: 'circle', fill: '#ffffff', stroke: '#2171b5', strokeWidth: 1, size: 6 } },
        { kind: 'point', label: t('proposedHydrant'), style: { symbol: 'cross', stroke: '#e31a1c', strokeWidth: 2.5, size: 10 } },
        ...stationLegend(input, t, lang),
      ],
    });
    const intake = w.layers.intake_reach?.features ?? [];
    specs.push({
      ...base,
      id: 'water',
      title: t('mapWater'),
      layers: [
        roads,
        { features: input.waterSources.features.filter((f) => f.geometry && f.geometry.type !== 'Point'), style: (f) => (f.geometry?.type.includes('Polygon') ? { fill: '#9ecae1', stroke: '#4292c6', strokeWidth: 1 } : { stroke: '#4292c6', strokeWidth: 3 }) },
        { features: intake.filter((f) => prop(f, 'kind') === 'reach'), style: () => ({ stroke: '#41b6c4', strokeWidth: 2.5 }) },
        {
          features: intake.filter((f) => prop(f, 'kind') === 'source'),
          style: (f) => ({ symbol: 'diamond', fill: prop(f, 'reachable') ? '#08519c' : '#ffffff', stroke: '#08519c', strokeWidth: 1.5, size: 12 }),
        },
        { features: intake.filter((f) => prop(f, 'kind') === 'proposed'), style: () => ({ symbol: 'diamond', fill: '#ffffff', stroke: '#e31a1c', strokeWidth: 2.5, size: 14 }) },
        stationLayer(input, lang, false),
      ],
      legend: [
        { kind: 'point', label: t('waterSource'), style: { symbol: 'diamond', fill: '#08519c', stroke: '#08519c', strokeWidth: 1.5, size: 12 } },
        { kind: 'point', label: t('waterSourceUnreachable'), style: { symbol: 'diamond', fill: '#ffffff', stroke: '#08519c', strokeWidth: 1.5, size: 12 } },
        { kind: 'line', label: t('intakeReach', { timeS: w.analysis.settings.intakeTimeS }), style: { stroke: '#41b6c4', strokeWidth: 2.5 } },
        { kind: 'point', label: t('proposedIntake'), style: { symbol: 'diamond', fill: '#ffffff', stroke: '#e31a1c', strokeWidth: 2.5, size: 14 } },
        ...stationLegend(input, t, lang),
      ],
    });
  }
  return specs.map((s) => ({ id: s.id, title: s.title, svg: renderMap(s) }));
}
