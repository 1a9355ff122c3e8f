import type { Feature, FeatureCollection } from 'geojson';
import { coverageFigure, figure, gapAreaKm2, OVER_CAP_KEYS, state } from '../app_state';
import { getLang, onLangChange, pick, t } from '../i18n';
import type { MapView } from '../map/map_view';
import { encodeLayer } from '../normalize';
import { esc } from '../panel/panel';
import type { WorkerClient } from '../worker_client';
import type { ResultMessage, YearMessage } from '../worker/protocol';
import { districtLabelPoints } from './district_labels';
import type { PlanInfo, PlanStation } from './plan_service';

/**
 * The plan on the page: a year slider that replays it (base, then each year a planned station enters
 * service), the compare view (land the year newly covers as its own layer, figures before → after),
 * every station of the plan drawn by status (those not in service in the year shown faded), one label
 * point per district. The year's analysis runs in the worker (`setYear`).
 */
export interface PlanHost {
  view: MapView;
  worker: WorkerClient;
  render(): void;
  applyLayers(layers: Record<string, Uint8Array>): void;
  /** Applies a worker result as the page does (used to redraw the base with its candidates). */
  onResult(r: ResultMessage): void;
}

/** A station drawn now (`window.__firecover.stationsOnMap()`). */
export interface StationOnMap {
  id: string;
  name: string;
  nameZh: string;
  status: string;
  year: number | null;
  /** In service in the year shown (the analysed set); false: drawn faded, not yet in service. */
  inService: boolean;
  lon: number;
  lat: number;
}

export class PlanUi {
  info: PlanInfo | null = null;
  /** Year shown; null = the loaded analysis (base). */
  year: number | null = null;
  compare = true;
  private last: YearMessage | null = null;
  private busy: number | null = null;
  /** Candidates the session holds while a year is shown (they belong to the base analysis). */
  private heldCandidates = 0;
  private readonly bar: HTMLElement;

  constructor(private readonly host: PlanHost, container: HTMLElement) {
    this.bar = document.createElement('div');
    this.bar.id = 'plan-bar';
    this.bar.className = 'overlay';
    this.bar.hidden = true;
    container.append(this.bar);
    onLangChange(() => this.draw());
  }

  /** A scenario was analysed in the worker: read its plan and draw every station. */
  async onLoad(): Promise<void> {
    this.year = null;
    this.last = null;
    this.info = await this.host.worker.request('plan', {});
    this.drawPlanStations();
    this.draw();
  }

  /** An analyze output folder (no worker) or a new load: no plan. */
  reset(): void {
    this.heldCandidates = 0;
    this.info = null;
    this.year = null;
    this.last = null;
    this.bar.hidden = true;
  }

  /** Candidates changed: the map shows the base with them again. */
  onCandidates(): void {
    this.heldCandidates = 0;
    if (this.year === null) return;
    this.year = null;
    this.last = null;
    this.drawPlanStations();
    this.draw();
  }

  /** Shows year Y (null: base). Resolves when the map has drawn it. */
  async setYear(year: number | null): Promise<void> {
    if (!this.info) throw new Error('no scenario plan loaded (open a scenario, not an analyze output)');
    this.busy = year ?? 0;
    this.draw();
    try {
      if (year === null && this.heldCandidates > 0) {
        // the base with its candidates: every layer the year replaced, as the session holds them now (the
        // candidates' coverage, the scenario's water layers), applied as any result; no land is newly covered
        this.heldCandidates = 0;
        const replaced = Object.keys(this.last?.layers ?? {}).filter((n) => n !== 'newly_covered');
        const r = await this.host.worker.request('layers', { names: [...new Set([...replaced, 'candidates', 'district_labels'])] });
        r.layers.newly_covered = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
        this.host.onResult(r);
        this.year = null;
        this.last = null;
        await this.host.view.idle();
        return;
      }
      if (year !== null && this.year === null) this.heldCandidates = state.candidates.length;
      const m = await this.host.worker.request('setYear', { year });
      this.year = year;
      this.last = year === null ? null : m;
      state.summary = m.summary;
      state.baseSummary = m.baseSummary;
      state.coveragePct = coverageFigure(m.summary);
      state.candidates = year === null ? state.candidates : [];
      this.host.applyLayers(m.layers);
      this.drawPlanStations();
    } finally {
      this.busy = null;
      this.draw();
    }
    this.host.render();
    await this.host.view.idle();
  }

  /** After any layers reached the map: one label point per district. */
  afterLayers(layers: Record<string, Uint8Array>): void {
    if (layers.districts) this.host.view.setData({ district_labels: encodeLayer(districtLabelPoints(state.decoded.districts)) });
  }

  /** The stations drawn now: the analysed set, then the plan's others (faded). Empty when stations are hidden. */
  stationsOnMap(): StationOnMap[] {
    if (!this.host.view.visible.has('stations')) return [];
    const out: StationOnMap[] = [];
    const seen = new Set<string>();
    for (const f of state.decoded.stations?.features ?? []) {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      const c = (f.geometry as { coordinates: number[] }).coordinates;
      const id = String(p.id);
      seen.add(id);
      out.push({ id, name: String(p.name ?? ''), nameZh: String(p.nameZh ?? p.name ?? ''), status: String(p.status ?? 'existing'), year: typeof p.year === 'number' ? p.year : null, inService: true, lon: c[0], lat: c[1] });
    }
    for (const s of this.notInService()) if (!seen.has(s.id)) out.push({ id: s.id, name: s.name, nameZh: s.nameZh, status: s.status, year: s.year, inService: false, lon: s.lon, lat: s.lat });
    return out;
  }

  private inServiceIds(): Set<string> {
    return new Set((state.decoded.stations?.features ?? []).map((f) => String((f.properties ?? {}).id)));
  }

  /** The plan's stations (not candidates) not in the analysed set. */
  private notInService(): PlanStation[] {
    const ids = this.inServiceIds();
    return (this.info?.stations ?? []).filter((s) => s.status !== 'candidate' && !ids.has(s.id));
  }

  private drawPlanStations(): void {
    const features: Feature[] = this.notInService().map((s) => ({
      type: 'Feature',
      properties: { id: s.id, name: s.name, nameZh: s.nameZh, class: s.class, status: s.status, year: s.year, fc_status: s.status, fc_class: s.class, fc_future: true },
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
    }));
    const fc: FeatureCollection = { type: 'FeatureCollection', features };
    this.host.view.setData({ plan_stations: encodeLayer(fc) });
  }

  private draw(): void {
    const info = this.info;
    if (!info || info.years.length === 0) {
      this.bar.hidden = true;
      return;
    }
    this.bar.hidden = false;
    const years = info.years;
    const idx = this.year === null ? 0 : years.indexOf(this.year) + 1;
    const label = (i: number): string => (i === 0 ? `${t('planBase')} (${info.baseYear ?? t('planBaseExisting')})` : String(years[i - 1]));
    const ticks = [0, ...years.map((_, i) => i + 1)].map((i) => `<span data-i="${i}" class="${i === idx ? 'on' : ''}">${esc(i === 0 ? t('planBase') : String(years[i - 1]))}</span>`).join('');
    const inService = this.stationsOnMap().filter((s) => s.inService).length;
    const parts = [
      `<div class="row"><b>${esc(t('planYear'))}</b> <span id="plan-year-label">${esc(label(idx))}</span>${this.busy !== null ? ` <span class="muted">${esc(t('planComputing', { year: this.busy || t('planBase') }))}</span>` : ''}</div>`,
      `<input id="plan-year" type="range" min="0" max="${years.length}" step="1" value="${idx}" aria-label="${esc(t('planYear'))}" ${this.busy !== null ? 'disabled' : ''}>`,
      `<div class="ticks">${ticks}</div>`,
      `<div class="row small"><span>${esc(t('planInService', { n: inService }))}</span> <label><input id="plan-compare" type="checkbox" ${this.compare ? 'checked' : ''}> ${esc(t('planCompare'))}</label></div>`,
    ];
    const m = this.last;
    if (m && this.compare && this.year !== null) {
      const b = coverageFigure(m.baseSummary);
      const a = coverageFigure(m.summary);
      const gb = gapAreaKm2(m.baseSummary);
      const ga = gapAreaKm2(m.summary);
      const cb = figure(m.baseSummary, OVER_CAP_KEYS);
      const ca = figure(m.summary, OVER_CAP_KEYS);
      const added = m.stations.filter((s) => s.status !== 'existing' && !(info.baseYear !== null && s.year !== null && s.year <= info.baseYear));
      parts.push(`<table class="figures" id="plan-compare-table"><caption>${esc(t('planAdds', { year: this.year }))}</caption>`);
      if (a !== null && b !== null) parts.push(`<tr><th>${esc(t('coverage'))}</th><td class="num">${b.toFixed(1)} % → ${a.toFixed(1)} % <b>(${a - b >= 0 ? '+' : '−'}${Math.abs(a - b).toFixed(1)})</b></td></tr>`);
      parts.push(`<tr><th>${esc(t('newlyCoveredKm2'))}</th><td class="num" id="plan-newly-km2">${m.newlyCoveredKm2.toFixed(2)} km²</td></tr>`);
      if (gb !== null && ga !== null) parts.push(`<tr><th>${esc(t('L_gaps'))}</th><td class="num">${gb.toFixed(2)} → ${ga.toFixed(2)} km²</td></tr>`);
      if (cb !== null && ca !== null) parts.push(`<tr><th>${esc(t('overCap'))}</th><td class="num">${cb} → ${ca}</td></tr>`);
      if (added.length) parts.push(`<tr><th>${esc(t('L_stations'))}</th><td>+ ${added.map((s) => esc(pick(s.name, s.nameZh))).join(', ')}</td></tr>`);
      parts.push('</table>');
    }
    if ((state.candidates.length > 0 && this.year === null) || this.heldCandidates > 0) parts.push(`<p class="muted small">${esc(t('planCandidatesNote'))}</p>`);
    this.bar.innerHTML = parts.join('');
    this.bar.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
    const slider = this.bar.querySelector<HTMLInputElement>('#plan-year')!;
    slider.addEventListener('change', () => {
      const i = Number(slider.value);
      void this.setYear(i === 0 ? null : years[i - 1]).catch((e: unknown) => this.fail(e));
    });
    this.bar.querySelectorAll<HTMLElement>('.ticks span').forEach((s) =>
      s.addEventListener('click', () => {
        const i = Number(s.dataset.i);
        void this.setYear(i === 0 ? null : years[i - 1]).catch((e: unknown) => this.fail(e));
      }),
    );
    this.bar.querySelector<HTMLInputElement>('#plan-compare')!.addEventListener('change', (e) => {
      this.compare = (e.target as HTMLInputElement).checked;
      this.host.view.setGroup('newly_covered', this.compare);
      this.draw();
    });
  }

  private fail(e: unknown): void {
    const err = e as { message?: string; messageZh?: string };
    state.error = getLang() === 'zh' && err.messageZh ? err.messageZh : (err.message ?? String(e));
    this.host.render();
  }
}
