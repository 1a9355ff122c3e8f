import { STATION_CLASS_LABELS, STATION_CLASSES } from '@firecover/core';
import { OVER_CAP_KEYS, coverageFigure, figure, figureLines, gapAreaKm2, state, type FigureLine } from '../app_state';
import { figureLabel, figureValue, getLang, localText, pick, stationClassLabel, t } from '../i18n';
import type { DistrictRow } from '../model';
import { districtRows, districtRowsFromSummary, gapsFromSummary, topGaps } from '../normalize';
import { waterPanelHtml, type WaterPanelData } from './water_panel';
import { candidateItemsHtml, candidateToolsHtml, wireCandidateEditor } from '../live/candidate_panel';
import { patchChildren } from './panel_dom';

export interface PanelActions {
  toggleCandidateMode(): void;
  removeCandidate(id: string): void;
  removeAllCandidates(): void;
  zoomTo(kind: 'district' | 'gap', id: string): void;
  zoomToPoint(lon: number, lat: number): void;
}

export const panelSettings = { candidateClass: 'class2' };

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function fmt(v: number | null, digits = 1): string {
  return v === null ? '–' : v.toFixed(digits);
}

function signed(v: number, digits: number): string {
  return `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;
}

/** Districts over cap in a set of rows (used when the summary does not count them). */
export function overCapCount(rows: DistrictRow[]): number {
  return rows.filter((r) => r.overCap).length;
}

/** Summary entries that are descriptions, not figures. */
const NOT_FIGURES = new Set(['scenario', 'preset', 'analysis', 'provenance', 'layers', 'stationsList']);

function figuresHtml(summary: Record<string, unknown>, depth = 0): string {
  let rows = '';
  let nested = '';
  for (const [k, v] of Object.entries(summary)) {
    if (typeof v === 'number' || typeof v === 'boolean') rows += `<tr><th>${esc(figureLabel(k))}</th><td class="num" data-key="${esc(k)}">${esc(figureValue(k, v))}</td></tr>`;
    else if (v && typeof v === 'object' && !Array.isArray(v) && depth < 1 && !NOT_FIGURES.has(k)) nested += `<h4>${esc(figureLabel(k))}</h4>${figuresHtml(v as Record<string, unknown>, depth + 1)}`;
  }
  return `<table class="figures">${rows}</table>${nested}`;
}

function figureLinesHtml(lines: FigureLine[]): string {
  const rows = lines
    .filter((l) => l.value !== null)
    .map((l) => {
      const mark = l.pass === null ? '' : `<span class="${l.pass ? 'ok' : 'bad'}">${l.pass ? '✓' : '✗'}</span> `;
      const unit = l.unit === 'count' ? '' : ` ${l.unit === 's' ? t('s') : l.unit}`;
      const value = l.unit === 's' ? `${(l.value! / 60).toFixed(1)} ${t('min')} (${l.value} ${t('s')})` : `${l.value}${unit}`;
      return `<tr data-key="${esc(l.key)}"><th>${mark}${esc(pick(l.en, l.zh))}${l.clause && l.clause !== '—' ? `<br><small class="muted">${esc(localText(l.clause))}</small>` : ''}</th><td class="num">${esc(value)}</td></tr>`;
    });
  return `<table class="figures lines">${rows.join('')}</table>`;
}

function checksHtml(r: DistrictRow): string {
  if (!r.checks.length) {
    const parts = [`<span class="${r.overCap ? 'bad' : 'ok'}" title="${esc(t('cap'))}">${r.overCap ? '✗' : '✓'}</span>`];
    if (r.crossesBarrier) parts.push(`<span class="bad" title="${esc(t('crossesBarrier'))}">✗</span>`);
    return parts.join(' ');
  }
  return r.checks
    .map((c) => `<span class="${c.ok ? 'ok' : 'bad'}" title="${esc(`${localText(pick(c.en, c.zh)) || c.name}${c.clause ? ` — ${localText(c.clause)}` : ''}`)}">${c.ok ? '✓' : '✗'}<small>${esc(localText(c.clause ?? c.name))}</small></span>`)
    .join('');
}

export function renderPanel(root: HTMLElement, actions: PanelActions): void {
  const s = state;
  const lang = getLang();
  const parts: string[] = [];
  if (s.error) parts.push(`<div class="error" role="alert"><b>${esc(t('error'))}:</b> ${esc(s.error)}</div>`);
  if (!s.info) {
    parts.push(`<p class="muted">${esc(s.stage || t('loading'))}</p>`);
    patchChildren(root, parts.join(''));
    wirePanel(root, actions);
    return;
  }
  const info = s.info;
  parts.push(`<h2 id="scenario-name">${esc(pick(info.name, info.nameZh))}</h2>`);
  if (info.synthetic) parts.push(`<p class="synthetic">${esc(t('synthetic'))}</p>`);
  if (info.description && !info.synthetic) parts.push(`<p class="muted">${esc(info.description)}</p>`);
  if (info.presetName) parts.push(`<p class="muted">${esc(t('standard'))}: ${esc(info.presetName[lang])}</p>`);
  if (s.loading) parts.push(`<p class="muted">${esc(s.stage)}</p>`);

  // Coverage figures
  if (s.summary) {
    const pct = coverageFigure(s.summary);
    parts.push(`<section><h3>${esc(t('coverage'))}</h3>`);
    const head = figureLines(s.summary)?.find((l) => l.key === 'landShare');
    if (pct !== null) parts.push(`<p class="headline"><span id="coverage-figure" data-value="${pct}">${pct.toFixed(1)} %</span> <span class="muted">${esc(head ? pick(head.en, head.zh) : figureLabel('coveredPct'))}</span></p>`);
    const lines = figureLines(s.summary);
    parts.push(lines ? figureLinesHtml(lines) : figuresHtml(s.summary), '</section>');
    const water = waterPanelHtml(s.summary.water as WaterPanelData | null | undefined);
    if (water) parts.push(`<section id="water"><h3>${esc(t('L_hydrants'))}</h3>`, water, '</section>');
  }

  // Candidates
  const districts = districtRowsFromSummary(s.summary) ?? districtRows(s.decoded.districts);
  parts.push(`<section id="candidates"><h3>${esc(t('candidates'))}</h3>`);
  if (s.mode === 'scenario') {
    const classes = STATION_CLASSES.filter((c) => c !== 'logistics' && c !== 'micro')
      .map((c) => `<option value="${c}" ${c === panelSettings.candidateClass ? 'selected' : ''}>${esc(stationClassLabel(c, STATION_CLASS_LABELS))}</option>`)
      .join('');
    parts.push(
      `<div class="row"><button id="candidate-mode" class="${s.candidateMode ? 'active' : ''}" aria-pressed="${s.candidateMode}">${esc(t('candidateMode'))}</button>
       <label>${esc(t('candidateClass'))} <select id="candidate-class">${classes}</select></label></div>`,
    );
    if (s.candidateMode) parts.push(`<p class="hint">${esc(t('candidateModeOn'))}</p>`);
    if (s.candidates.length === 0) parts.push(`<p class="muted">${esc(t('noCandidates'))}</p>`);
    else {
      parts.push('<ul class="cand-list">');
      parts.push(candidateItemsHtml(s.candidates));
      parts.push(`</ul><button id="remove-all">${esc(t('removeAll'))}</button>`);
      const before = coverageFigure(s.baseSummary);
      const after = coverageFigure(s.summary);
      const gapB = gapAreaKm2(s.baseSummary);
      const gapA = gapAreaKm2(s.summary);
      const capB = figure(s.baseSummary, OVER_CAP_KEYS) ?? baseOverCap.value;
      const capA = figure(s.summary, OVER_CAP_KEYS) ?? overCapCount(districts);
      parts.push(`<h4>${esc(t('beforeAfter'))}</h4><table class="figures" id="before-after">`);
      if (before !== null && after !== null) parts.push(`<tr><th>${esc(t('coverage'))}</th><td class="num">${fmt(before)} % → ${fmt(after)} % <b>(${signed(after - before, 1)} %)</b></td></tr>`);
      if (gapB !== null && gapA !== null) parts.push(`<tr><th>${esc(figureLabel('gapAreaKm2'))}</th><td class="num">${fmt(gapB, 2)} → ${fmt(gapA, 2)} km² <b>(${signed(gapA - gapB, 2)} km²)</b></td></tr>`);
      if (capB !== null) parts.push(`<tr><th>${esc(figureLabel('districtsOverCap'))}</th><td class="num">${capB} → ${capA}</td></tr>`);
      parts.push('</table>');
    }
    if (s.lastRecomputeMs !== null) parts.push(`<p class="muted" id="recompute-ms">${esc(t('recompute'))}: ${s.lastRecomputeMs.toFixed(0)} ms${s.lastRoundTripMs !== null ? ` (${lang === 'zh' ? '含绘制' : 'with drawing'} ${s.lastRoundTripMs.toFixed(0)} ms)` : ''}${s.lastUpdateMs !== null ? ` · ${esc(t('lastUpdate'))} <span id="last-update-ms">${s.lastUpdateMs.toFixed(0)}</span> ms` : ''}</p>`);
    if (s.candidates.length) parts.push(`<p class="hint">${esc(t('candDragHint'))}</p>`);
    parts.push(candidateToolsHtml());
  } else parts.push(`<p class="muted">${esc(t('analysisOnly'))}</p>`);
  parts.push('</section>');

  // Districts table
  if (districts.length) {
    parts.push(`<section><h3>${esc(t('districts'))}</h3><table class="grid" id="districts-table"><thead><tr><th>${esc(t('station'))}</th><th>${esc(t('area'))} / ${esc(t('cap'))} km²</th><th>${esc(t('latest'))}</th><th>${esc(t('checks'))}</th></tr></thead><tbody>`);
    for (const r of districts) {
      const bad = r.overCap || r.crossesBarrier;
      parts.push(
        `<tr class="${bad ? 'bad-row' : ''}" data-district="${esc(r.stationId)}"><td><a href="#" class="zoom" data-kind="district" data-id="${esc(r.stationId)}">${esc(pick(r.name, r.nameZh))}</a><br><small>${esc(stationClassLabel(r.stationClass, STATION_CLASS_LABELS))}</small></td>
         <td class="num ${r.overCap ? 'bad' : ''}">${r.areaKm2.toFixed(2)} / ${r.capKm2 ?? '–'}</td>
         <td class="num">${r.latestArrivalS === null ? '–' : `${(r.latestArrivalS / 60).toFixed(1)} ${esc(t('min'))}`}</td>
         <td class="checks">${checksHtml(r)}</td></tr>`,
      );
    }
    parts.push('</tbody></table></section>');
  }

  // Existing versus planned
  if (s.comparison.length) {
    parts.push(`<section><h3>${esc(t('comparison'))}</h3><table class="grid" id="comparison-table"><thead><tr><th>${esc(t('set'))}</th><th>${esc(t('count'))}</th><th>${esc(t('coverage'))}</th><th>${esc(figureLabel('gapAreaKm2'))}</th><th>${esc(figureLabel('districtsOverCap'))}</th></tr></thead><tbody>`);
    for (const c of s.comparison) {
      const pct = coverageFigure(c.summary);
      const gap = gapAreaKm2(c.summary);
      const cap = figure(c.summary, OVER_CAP_KEYS);
      parts.push(`<tr><td>${esc(c.label[lang])}</td><td class="num">${c.stationCount}</td><td class="num">${pct === null ? '–' : `${pct.toFixed(1)} %`}</td><td class="num">${gap === null ? '–' : `${gap.toFixed(2)} km²`}</td><td class="num">${cap ?? '–'}</td></tr>`);
    }
    parts.push('</tbody></table></section>');
  }

  // Gaps
  const fromSummary = gapsFromSummary(s.summary);
  const gaps = fromSummary ?? topGaps(s.decoded.gaps, 8).map((g) => ({ ...g, label: g.id, centroid: null as [number, number] | null, detail: '' }));
  if (gaps.length) {
    parts.push(`<section><h3>${esc(t('gaps'))}</h3><ol id="gaps-list">`);
    for (const g of gaps.slice(0, 10)) {
      const at = g.centroid ? `data-lon="${g.centroid[0]}" data-lat="${g.centroid[1]}"` : '';
      parts.push(`<li><a href="#" class="zoom" data-kind="gap" data-id="${esc(g.id)}" ${at}>${esc(g.label)}</a> — ${g.areaKm2.toFixed(2)} km²${g.detail ? ` <small class="muted">${esc(g.detail)}</small>` : ''}</li>`);
    }
    parts.push('</ol></section>');
  }
  parts.push(`<p class="muted small">${esc(t('provenance'))}: ${esc(info.provenance)}</p>`);
  // In place: unchanged elements stay (a click in progress, the input being typed in keep their element).
  patchChildren(root, parts.join(''));
  wirePanel(root, actions);
}

/** The actions of each panel root, the newest given to `renderPanel` (its listeners are added once and read them). */
const panelActions = new WeakMap<HTMLElement, PanelActions>();

/**
 * Listens on the panel root, once: the panel's elements persist across redraws, so listeners on them would
 * stack up; one delegated listener per event type dispatches by selector instead.
 */
function wirePanel(root: HTMLElement, actions: PanelActions): void {
  const wired = panelActions.has(root);
  panelActions.set(root, actions);
  if (wired) return;
  const act = () => panelActions.get(root)!;
  root.addEventListener('click', (e) => {
    const el = (e.target as Element | null)?.closest?.('#candidate-mode, button.remove, #remove-all, a.zoom');
    if (!el || !root.contains(el)) return;
    if (el.id === 'candidate-mode') act().toggleCandidateMode();
    else if (el.id === 'remove-all') act().removeAllCandidates();
    else if (el.matches('button.remove')) act().removeCandidate((el as HTMLElement).dataset.id!);
    else {
      e.preventDefault();
      const a = el as HTMLAnchorElement;
      if (a.dataset.lon) act().zoomToPoint(Number(a.dataset.lon), Number(a.dataset.lat));
      else act().zoomTo(a.dataset.kind as 'district' | 'gap', a.dataset.id!);
    }
  });
  root.addEventListener('change', (e) => {
    const el = e.target as HTMLSelectElement;
    if (el.id === 'candidate-class') panelSettings.candidateClass = el.value;
  });
  wireCandidateEditor(root);
}

/** Districts over cap before any candidate (set on each scenario load). */
export const baseOverCap: { value: number | null } = { value: null };
