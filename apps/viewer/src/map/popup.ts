import { STATION_CLASS_LABELS, type DistrictFeatureProperties } from '@firecover/core';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { figureLabel, figureValue, getLang, localText, localValue, pick, stationClassLabel, t, type Key } from '../i18n';
import { districtRow } from '../normalize';
import { bandLabel } from '../panel/legend';
import { state } from '../app_state';

const LAYER_TITLE: Record<string, Key> = {
  service_areas: 'L_bands',
  districts: 'L_districts',
  gaps: 'L_gaps',
  reached_network: 'L_reached_network',
  stations: 'L_stations',
  candidates: 'st_candidate',
  hydrants: 'L_hydrants',
  hydrant_gaps: 'L_hydrant_gaps',
  unprotected: 'L_unprotected',
  proposed_hydrants: 'L_proposed_hydrants',
  intake_reach: 'L_intake_reach',
  plan_stations: 'st_not_yet',
  newly_covered: 'L_newly_covered',
  hazards: 'L_hazards',
  micro_stations: 'L_micro_stations',
  communities: 'L_communities',
  townships: 'L_townships',
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function parseMaybeJson(v: unknown): unknown {
  if (typeof v === 'string' && (v.startsWith('[') || v.startsWith('{'))) {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  return v;
}

/** Popup content: the feature's figures with units, and each check with its clause. */
export function popupContent(features: MapGeoJSONFeature[]): HTMLElement {
  const root = el('div', undefined, 'popup');
  const seen = new Set<string>();
  for (const f of features) {
    const source = f.source;
    if (seen.has(source)) continue;
    seen.add(source);
    const p = f.properties as Record<string, unknown>;
    const box = el('section');
    const title = el('h4', t(LAYER_TITLE[source] ?? 'L_base'));
    box.append(title);
    const table = el('table');
    const row = (k: string, v: string) => {
      const tr = el('tr');
      tr.append(el('th', k), el('td', v));
      table.append(tr);
    };
    if (source === 'districts') {
      const d = districtRow(p as unknown as DistrictFeatureProperties);
      title.textContent = `${t('L_districts')}: ${pick(d.name, d.nameZh)}`;
      row(t('area'), `${d.areaKm2.toFixed(2)} km²`);
      row(t('cap'), d.capKm2 === null ? '–' : `${d.capKm2} km²`);
      if (d.latestArrivalS !== null) row(t('latest'), figureValue('latestArrivalS', d.latestArrivalS));
      box.append(table);
      if (d.checks.length) {
        const ul = el('ul', undefined, 'checks');
        for (const c of d.checks) {
          const li = el('li');
          li.append(el('span', c.ok ? '✓' : '✗', c.ok ? 'ok' : 'bad'), document.createTextNode(` ${checkName(c)}`));
          if (c.clause) li.append(el('small', ` — ${localText(c.clause)}`));
          ul.append(li);
        }
        box.append(ul);
      }
    } else {
      if (source === 'hazards') {
        title.textContent = `${t('L_hazards')}: ${pick(String(p.name ?? p.id ?? ''), p.nameZh as string | undefined)}`;
        row(t('hazardClass'), pick(String(p.class ?? ''), p.classZh as string | undefined));
        row(t('hazardMeets'), p.meets === true ? '✓' : '✗');
      }
      if (source === 'micro_stations' || source === 'communities' || source === 'townships') {
        title.textContent = `${t(LAYER_TITLE[source])}: ${pick(String(p.name ?? p.id ?? ''), p.nameZh as string | undefined)}`;
      }
      if (source === 'service_areas') row(t('L_bands'), bandLabel(Number(p.fc_band), state.info?.bandsS ?? [180, 240, 300]));
      if (source === 'stations' || source === 'candidates' || source === 'plan_stations') {
        title.textContent = `${t(LAYER_TITLE[source])}: ${pick(String(p.name ?? p.id ?? ''), p.nameZh as string | undefined)}`;
        row(t('candidateClass'), stationClassLabel(String(p.fc_class ?? ''), STATION_CLASS_LABELS));
        const status = String(p.fc_status ?? 'existing');
        row(t('status'), t(`st_${status}` as Key));
      }
      for (const [k, raw] of Object.entries(p)) {
        if (k.startsWith('fc_') || ['name', 'nameZh', 'class', 'status', 'checks'].includes(k)) continue;
        // a "…Zh" twin stands in for its key in Chinese and is not listed on its own
        if (k.endsWith('Zh') && k.slice(0, -2) in p) continue;
        const zhTwin = getLang() === 'zh' ? p[`${k}Zh`] : undefined;
        const v = typeof zhTwin === 'string' && zhTwin !== '' ? zhTwin : parseMaybeJson(raw);
        if (v === null || v === undefined || typeof v === 'object') continue;
        row(figureLabel(k), typeof v === 'string' ? localValue(v) : figureValue(k, v));
      }
      box.append(table);
      const checks = parseMaybeJson(p.checks);
      if (Array.isArray(checks)) {
        const ul = el('ul', undefined, 'checks');
        for (const c of checks as Record<string, unknown>[]) {
          const li = el('li');
          const ok = c.ok === true || c.pass === true;
          li.append(el('span', ok ? '✓' : '✗', ok ? 'ok' : 'bad'), document.createTextNode(` ${pick(c.en as string, c.zh as string) || String(c.name ?? '')}`));
          if (c.clause) li.append(el('small', ` — ${localText(String(c.clause))}`));
          ul.append(li);
        }
        box.append(ul);
      }
      if (typeof p.clause === 'string') box.append(el('small', localText(String(p.clause)), 'clause'));
    }
    root.append(box);
    if (root.childElementCount >= 3) break;
  }
  root.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  return root;
}

/** A check's name in the page language: its own en/zh text (e.g. the barriers crossed) after the rule's name. */
function checkName(c: { name: string; en?: string; zh?: string }): string {
  const key = `chk_${c.name}` as Key;
  const rule = key === 'chk_area' || key === 'chk_arrival' || key === 'chk_barriers' || key === 'chk_centre' ? t(key) : c.name;
  const own = localText(pick(c.en, c.zh));
  return own ? `${rule}: ${own}` : rule;
}
