import type { GeoJSONSource } from 'maplibre-gl';
import { state } from '../app_state';
import { toDisplay } from '../basemap/display_crs';
import { getLang, onLangChange, t, type Key } from '../i18n';
import type { MapView } from '../map/map_view';
import { esc } from '../panel/panel';
import { planApi } from '../plan/test_api';
import { curveSvg } from './curve_chart';
import { SitingClient, SitingStopped } from './siting_client';
import type { SitingRequestOptions, SitingView } from './siting_types';

/**
 * The siting panel: model, p, candidate spacing, curve length; Run starts core's siting in its own
 * worker (HiGHS WebAssembly), with the elapsed time and Cancel while it runs; the result lists the
 * chosen sites by rank (numbered on the map) and draws the coverage curve.
 */
const SITES = 'siting_sites';

export class SitingPanel {
  private readonly root: HTMLElement;
  private readonly client = new SitingClient();
  private open = false;
  private options: SitingRequestOptions = { model: 'mclp', p: 2, spacingM: 1000, curveMax: 4, timeLimitS: 60 };
  /** What the status line says: a key and its values, so it follows the language. */
  private status: { key: Key; vars?: Record<string, string | number>; extra?: string } | null = null;
  private stage = '';
  private startedAt: number | null = null;
  private timer: number | null = null;
  view: SitingView | null = null;

  constructor(private readonly map: MapView, container: HTMLElement) {
    this.root = document.createElement('div');
    this.root.id = 'siting-panel';
    this.root.className = 'overlay';
    container.append(this.root);
    onLangChange(() => this.draw());
    this.draw();
  }

  reset(): void {
    this.client.cancel();
    this.view = null;
    this.status = null;
    this.drawSites();
    this.draw();
  }

  /** Runs the model; resolves with the result (rejects when cancelled or failing). */
  async run(o: Partial<SitingRequestOptions> = {}): Promise<SitingView> {
    this.options = { ...this.options, ...o };
    this.open = true;
    this.view = null;
    this.startedAt = performance.now();
    this.status = { key: 'sitingRunning', vars: { s: 0 } };
    this.stage = '';
    this.timer = window.setInterval(() => {
      this.status = { key: 'sitingRunning', vars: { s: ((performance.now() - this.startedAt!) / 1000).toFixed(0) } };
      const el = this.root.querySelector('#siting-status');
      if (el) el.textContent = this.statusText();
    }, 500);
    try {
      const running = this.client.run(this.options, (stage) => {
        this.stage = stage;
        const el = this.root.querySelector('#siting-status');
        if (el) el.textContent = this.statusText();
      });
      // drawn once the worker runs, so Cancel is live
      this.draw();
      const v = await running;
      this.view = v;
      planApi().siting = v;
      this.status = { key: 'sitingDone', vars: { s: v.elapsedS.toFixed(1), solver: v.solver } };
      this.drawSites();
      return v;
    } catch (e) {
      const s = e as SitingStopped;
      this.status = s.cancelled ? { key: 'sitingCancelled' } : { key: 'error', extra: getLang() === 'zh' && s.messageZh ? s.messageZh : s.message };
      throw e;
    } finally {
      if (this.timer !== null) window.clearInterval(this.timer);
      this.timer = null;
      this.startedAt = null;
      this.draw();
    }
  }

  private statusText(): string {
    const st = this.status;
    if (!st) return '';
    const stage = st.key === 'sitingRunning' && this.stage ? ` · ${t(`sitingStage_${this.stage}` as Key)}` : '';
    return `${t(st.key, st.vars)}${st.extra ? `: ${st.extra}` : ''}${stage}`;
  }

  private draw(): void {
    const o = this.options;
    const running = this.client.running;
    const parts = [`<button id="siting-toggle" class="lg-toggle" aria-expanded="${this.open}">${this.open ? '▾' : '▸'} ${esc(t('siting'))}</button>`];
    if (this.open) {
      parts.push(
        `<div class="siting-body"><p class="muted small">${esc(t('sitingTitle'))}</p>`,
        `<label>${esc(t('sitingModel'))} <select id="siting-model"><option value="mclp" ${o.model === 'mclp' ? 'selected' : ''}>${esc(t('sitingMclp'))}</option><option value="lscp" ${o.model === 'lscp' ? 'selected' : ''}>${esc(t('sitingLscp'))}</option></select></label>`,
        `<div class="row"><label>${esc(t('sitingP'))} <input id="siting-p" type="number" min="1" max="10" value="${o.p}" ${o.model === 'lscp' ? 'disabled' : ''}></label>`,
        `<label>${esc(t('sitingSpacing'))} <select id="siting-spacing">${[250, 500, 1000, 2000].map((m) => `<option value="${m}" ${m === o.spacingM ? 'selected' : ''}>${m} ${esc(t('m'))}</option>`).join('')}</select></label>`,
        `<label>${esc(t('sitingCurve'))} <input id="siting-curve-max" type="number" min="1" max="10" value="${o.curveMax}"></label></div>`,
        `<div class="row"><button id="siting-run" ${running || state.mode !== 'scenario' ? 'disabled' : ''}>${esc(t('sitingRun'))}</button><button id="siting-cancel" ${running ? '' : 'disabled'}>${esc(t('sitingCancel'))}</button> <span id="siting-status" class="small">${esc(this.statusText())}</span></div>`,
      );
      const v = this.view;
      if (v) {
        const opt = v.optimal ? t('sitingOptimal') : t('sitingNotOptimal', { gap: (v.gap * 100).toFixed(2) });
        parts.push(`<p class="small">${esc(t('sitingCovered'))}: <b id="siting-covered">${(v.coveredShare * 100).toFixed(1)} %</b> · ${esc(opt)}<br>${esc(t('sitingCandidates', { n: v.candidates, r: v.rejected }))}${v.plannedRatio !== null ? `<br>${esc(t('sitingPlannedRatio', { pct: (v.plannedRatio * 100).toFixed(1) }))}` : ''}</p>`);
        parts.push(`<table class="grid" id="siting-sites"><thead><tr><th>${esc(t('sitingRank'))}</th><th>${esc(t('sitingSite'))}</th><th>${esc(t('lonLat'))}</th></tr></thead><tbody>`);
        for (const s of v.sites) parts.push(`<tr data-id="${esc(s.id)}"><td class="num">${s.rank}</td><td><a href="#" class="siting-zoom" data-lon="${s.lon}" data-lat="${s.lat}">${esc(siteName(s.name || s.id))}</a></td><td class="num">${s.lon.toFixed(5)}, ${s.lat.toFixed(5)}</td></tr>`);
        parts.push('</tbody></table>', `<p class="muted small">${esc(t('sitingShown'))}</p>`, `<div class="chart"><div class="small"><b>${esc(t('sitingCurveTitle'))}</b></div>${curveSvg(v.curve, t('sitingCurveTitle'), t('sitingP'))}</div>`);
      }
      parts.push('</div>');
    }
    this.root.innerHTML = parts.join('');
    this.root.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
    this.root.querySelector('#siting-toggle')!.addEventListener('click', () => {
      this.open = !this.open;
      this.draw();
    });
    const num = (id: string, f: (v: number) => void): void => {
      this.root.querySelector<HTMLInputElement>(id)?.addEventListener('change', (e) => f(Number((e.target as HTMLInputElement).value)));
    };
    this.root.querySelector<HTMLSelectElement>('#siting-model')?.addEventListener('change', (e) => {
      this.options.model = (e.target as HTMLSelectElement).value as 'mclp' | 'lscp';
      this.draw();
    });
    num('#siting-p', (v) => (this.options.p = Math.max(1, Math.round(v))));
    num('#siting-curve-max', (v) => (this.options.curveMax = Math.max(1, Math.round(v))));
    this.root.querySelector<HTMLSelectElement>('#siting-spacing')?.addEventListener('change', (e) => (this.options.spacingM = Number((e.target as HTMLSelectElement).value)));
    this.root.querySelector('#siting-run')?.addEventListener('click', () => void this.run().catch(() => {}));
    this.root.querySelector('#siting-cancel')?.addEventListener('click', () => this.client.cancel());
    this.root.querySelectorAll<HTMLAnchorElement>('a.siting-zoom').forEach((a) =>
      a.addEventListener('click', (e) => {
        e.preventDefault();
        this.map.map.easeTo({ center: toDisplay(Number(a.dataset.lon), Number(a.dataset.lat)), zoom: Math.max(this.map.map.getZoom(), 14) });
      }),
    );
  }

  /** Whether the sites layer holds sites now (an empty one is not emptied again: each setData reloads tiles and redraws). */
  private drawn = false;

  /** Chosen sites on the map: a numbered purple ring per site. */
  drawSites(): void {
    const map = this.map.map;
    const sites = this.view?.sites ?? [];
    if (sites.length === 0 && !this.drawn) return;
    this.drawn = sites.length > 0;
    const data: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: (this.view?.sites ?? []).map((s) => ({ type: 'Feature', properties: { rank: s.rank, id: s.id }, geometry: { type: 'Point', coordinates: toDisplay(s.lon, s.lat) } })),
    };
    const src = map.getSource(SITES) as GeoJSONSource | undefined;
    if (src) {
      src.setData(data);
      return;
    }
    if (!map.isStyleLoaded()) return;
    map.addSource(SITES, { type: 'geojson', data });
    map.addLayer({ id: 'siting-ring', type: 'circle', source: SITES, paint: { 'circle-radius': 11, 'circle-color': '#fff', 'circle-stroke-color': '#762a83', 'circle-stroke-width': 3 } });
    map.addLayer({ id: 'siting-rank', type: 'symbol', source: SITES, layout: { 'text-field': ['to-string', ['get', 'rank']], 'text-font': ['sans-serif'], 'text-size': 12, 'text-allow-overlap': true, 'icon-allow-overlap': true }, paint: { 'text-color': '#762a83' } });
  }
}

/** Core names generated candidates "generated site N": in Chinese "生成候选点 N". */
function siteName(name: string): string {
  const m = /^generated site (\d+)$/.exec(name);
  return m && getLang() === 'zh' ? `生成候选点 ${m[1]}` : name;
}
