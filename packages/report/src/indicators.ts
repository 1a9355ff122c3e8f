import { PLAN_INDICATORS, PLAN_INDICATOR_TARGETS, pointInPolygon, type PlanIndicator } from '@firecover/core';
import type { Feature, Position } from 'geojson';
import type { ReportInput } from './analysis_input';
import { fmt } from './escape';
import type { Lang } from './svg_map';
import { translator } from './text';

/** One row of the plans' indicator table (专栏 "主要指标"). */
export interface IndicatorRow {
  key: PlanIndicator;
  label: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  /** The value now, as printed (the digits `firecover analyze` prints), or "—". */
  now: string;
  binding: boolean;
  /** Where the target comes from: the scenario, else the preset's clause. */
  source: string;
}

const figure = (input: ReportInput, key: string): number | null => input.coverage.figures.find((f) => f.key === key)?.value ?? null;

/** The indicator rows: value now from the analysis, targets from the scenario's `indicators` block, else the preset. */
export function indicatorRows(input: ReportInput, lang: Lang): IndicatorRow[] {
  const given = input.indicators;
  const people = input.demandTotal;
  const stations = figure(input, 'stations');
  const districts = input.coverage.districts.map((d) => d.areaKm2.value).filter((v): v is number => typeof v === 'number');
  const total = input.water?.analysis.total ?? null;
  const ratePct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : (x * 100).toFixed(1));
  const now: Record<PlanIndicator, string> = {
    stationsPer100kPeople: people && stations !== null ? fmt((stations / people) * 1e5) : '—',
    averageDistrictAreaKm2: districts.length ? fmt(districts.reduce((a, b) => a + b, 0) / districts.length) : '—',
    landReachedPct: fmt(figure(input, 'landShare')),
    populationReachedPct: fmt(figure(input, 'demandShare')),
    hydrantConstructionRatePct: ratePct(total?.constructionRate),
    hydrantIntactRatePct: ratePct(total?.intactRate),
    townshipCoveragePct: townshipCoverage(input).pct,
    firefightersPer10kPeople: people && given.firefighters !== undefined ? fmt((given.firefighters / people) * 1e4) : '—',
  };
  const scenarioWord = lang === 'zh' ? '场景文件' : 'scenario';
  return PLAN_INDICATORS.map((key) => {
    const rule = PLAN_INDICATOR_TARGETS[key];
    const g = given[key] ?? {};
    return {
      key,
      label: lang === 'zh' ? rule.zh : rule.en,
      unit: rule.unit,
      baseline: g.baseline ?? null,
      target: g.target ?? rule.value,
      now: now[key],
      binding: g.binding ?? rule.binding,
      source: g.target !== undefined ? scenarioWord : rule.clause,
    };
  });
}

/** Polygons of a township feature (Polygon / MultiPolygon), else none. */
function polygonsOf(f: Feature): Position[][][] {
  const g = f.geometry;
  return g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
}

/**
 * Township coverage: the share of townships (the scenario's township layer) with at least one analysed
 * station inside, as a percentage to 2 decimals, and the names of those without one ("—" / none when the
 * scenario has no township layer).
 */
export function townshipCoverage(input: ReportInput, lang: 'en' | 'zh' = 'en'): { pct: string; lacking: string[] } {
  const towns = input.townships?.features.filter((f) => polygonsOf(f).length > 0) ?? [];
  if (towns.length === 0) return { pct: '—', lacking: [] };
  const stations = input.layers.stations.features.map((f) => (f.geometry.type === 'Point' ? f.geometry.coordinates : null)).filter((c): c is Position => c !== null);
  const lacking: string[] = [];
  let served = 0;
  towns.forEach((f, i) => {
    const has = stations.some(([x, y]) => polygonsOf(f).some((rings) => pointInPolygon(x, y, rings)));
    if (has) served++;
    else {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      lacking.push(String((lang === 'zh' ? (p.nameZh ?? p.name) : (p.name ?? p.nameZh)) ?? `#${i + 1}`));
    }
  });
  return { pct: fmt((served / towns.length) * 100), lacking };
}

/** The indicator table as rows of strings, header first (HTML, DOCX and CSV print the same cells). */
export function indicatorTable(rows: IndicatorRow[], lang: Lang): string[][] {
  const t = translator(lang);
  return [
    [t('colIndicator'), t('colIUnit'), t('colBaseline'), t('colTarget'), t('colNow'), t('colNature'), t('colSource')],
    ...rows.map((r) => [r.label, r.unit, r.baseline === null ? '—' : String(r.baseline), r.target === null ? '—' : String(r.target), r.now, r.binding ? t('binding') : t('expected'), r.source]),
  ];
}

/**
 * `indicators.csv`: fixed English column names and both languages in every row (like the CLI's CSV
 * tables, the bytes do not depend on --lang), UTF-8 with a byte-order mark for Excel.
 */
export function indicatorsCsv(en: IndicatorRow[], zh: IndicatorRow[]): string {
  const rows = [['key', 'indicator', 'indicator_zh', 'unit', 'baseline', 'target', 'value_now', 'binding', 'nature_zh', 'target_source']];
  en.forEach((r, i) => rows.push([r.key, r.label, zh[i].label, r.unit, r.baseline === null ? '' : String(r.baseline), r.target === null ? '' : String(r.target), r.now === '—' ? '' : r.now, String(r.binding), r.binding ? '约束性' : '预期性', r.source]));
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
