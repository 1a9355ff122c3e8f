import type { WaterDistrictRow, WaterFigure, WaterFigures } from '@firecover/core';
import { pick, t } from '../i18n';

/**
 * The water section of the panel from the typed water figures (`waterFigures` of core, as the worker
 * sends them and as `summary.json` holds them under `water`): each figure with its unit, check and clause,
 * then the per-district hydrant table. Formatting (units, digits, words) is the viewer's.
 */

/** What a summary's `water` may hold: the typed figures (or the subset summary.json keeps), an error, or nothing. */
export type WaterPanelData = Partial<Pick<WaterFigures, 'figures' | 'districts' | 'total'>> & { error?: string };

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function valueText(f: WaterFigure): string {
  if (f.value === null) return '—';
  switch (f.unit) {
    case 'count':
      return String(f.value);
    case 'km':
      return `${f.value.toFixed(2)} ${t('km')}`;
    case 'km²':
      return `${f.value.toFixed(3)} km²`;
    case '%':
      return `${f.value.toFixed(1)} %`;
    case 's':
      return `${Math.round(f.value)} ${t('s')}`;
    case 'm':
      return `${Math.round(f.value)} m`;
  }
}

const rate = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

function districtTable(rows: WaterDistrictRow[], total: WaterDistrictRow | undefined): string {
  const head = [t('w_district'), t('w_required'), t('w_existing'), t('w_construction'), t('w_intact'), t('w_gaps'), t('w_new')];
  const line = (r: WaterDistrictRow, name: string): string =>
    `<tr data-district="${esc(r.id)}"><th>${esc(name)}</th>${[String(r.required), String(r.existing), rate(r.constructionRate), rate(r.intactRate), String(r.gaps), String(r.proposed)].map((c) => `<td class="num">${esc(c)}</td>`).join('')}</tr>`;
  const body = rows.map((r) => line(r, pick(r.name, r.nameZh ?? undefined)));
  if (total) body.push(line(total, t('w_total')));
  return `<h4>${esc(t('waterDistricts'))}</h4><table class="figures water-districts"><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${body.join('')}</table>`;
}

/** The inner HTML of the water section ('' when there is nothing to show). */
export function waterPanelHtml(water: WaterPanelData | null | undefined): string {
  if (!water) return '';
  const parts: string[] = [];
  if (water.error) parts.push(`<p class="error">${esc(water.error)}</p>`);
  if (water.figures?.length) {
    const rows = water.figures.map((f) => {
      const mark = f.pass === null ? '' : `<span class="${f.pass ? 'ok' : 'bad'}">${f.pass ? '✓' : '✗'}</span> `;
      const clause = f.clause ? `<br><small class="muted">${esc(f.clause)}</small>` : '';
      return `<tr data-key="${esc(f.key)}"><th>${mark}${esc(pick(f.en, f.zh))}${clause}</th><td class="num">${esc(valueText(f))}</td></tr>`;
    });
    parts.push(`<table class="figures lines water-figures">${rows.join('')}</table>`);
  }
  if (water.districts?.length) parts.push(districtTable(water.districts, water.total));
  return parts.join('');
}
