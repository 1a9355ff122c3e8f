import type { GeoJSONSource, MapMouseEvent } from 'maplibre-gl';
import { state } from '../app_state';
import { toDisplay, toWgs84 } from '../basemap/display_crs';
import { getLang, onLangChange, pick, t } from '../i18n';
import type { MapView } from '../map/map_view';
import { esc } from '../panel/panel';
import { POINT_MAX_SNAP_M, type DueAnswer, type MeasureAnswer, type PlanStation } from '../plan/plan_service';
import type { WorkerClient } from '../worker_client';
import { planApi } from '../plan/test_api';

/**
 * Point tools on the map: the first and second due station and their arrival times under the cursor
 * (the worker's `due`: a reverse search from the point, as `firecover due`), the coordinates there,
 * station search by name (English or Chinese, pans to it), and measuring along the road (two clicks →
 * network distance and drive time, the route drawn).
 */
export interface ToolsHost {
  view: MapView;
  worker: WorkerClient;
  /** The plan's stations (names, positions), null without a scenario. */
  stations(): PlanStation[] | null;
}

const ROUTE_SOURCE = 'measure_route';

export class ToolsUi {
  /** Measuring: the next clicks are measure points, not popups or candidates. */
  measuring = false;
  lastHover: DueAnswer | null = null;
  lastMeasure: MeasureAnswer | null = null;
  private measureFrom: [number, number] | null = null;
  private hoverAt: [number, number] | null = null;
  private hoverBusy = false;
  private hoverSeq = 0;
  private readonly box: HTMLElement;
  private readonly bar: HTMLElement;

  constructor(private readonly host: ToolsHost, container: HTMLElement) {
    this.box = document.createElement('div');
    this.box.id = 'hover-box';
    this.box.className = 'overlay';
    this.box.hidden = true;
    this.bar = document.createElement('div');
    this.bar.id = 'tools-bar';
    this.bar.className = 'overlay';
    container.append(this.bar, this.box);
    this.drawBar();
    onLangChange(() => {
      this.drawBar();
      this.drawHover();
    });
    const map = host.view.map;
    map.on('mousemove', (e) => this.onMove(e));
    map.on('mouseout', () => {
      this.hoverAt = null;
      this.box.hidden = true;
    });
    map.on('click', (e) => {
      if (this.measuring) void this.onMeasureClick(e);
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.measuring) this.setMeasuring(false);
    });
  }

  /** The due answer at a WGS84 point (the same request the hover sends). */
  dueAt(lon: number, lat: number): Promise<DueAnswer> {
    return this.host.worker.request('due', { lon, lat });
  }

  private onMove(e: MapMouseEvent): void {
    if (state.mode !== 'scenario' || !state.ready) return;
    this.hoverAt = toWgs84(e.lngLat.lng, e.lngLat.lat);
    this.box.hidden = false;
    this.pump();
  }

  /** One due request in flight at a time; the newest cursor position is asked next. */
  private pump(): void {
    if (this.hoverBusy || !this.hoverAt) return;
    const [lon, lat] = this.hoverAt;
    this.hoverAt = null;
    this.hoverBusy = true;
    const seq = ++this.hoverSeq;
    this.dueAt(lon, lat)
      .then((a) => {
        this.lastHover = a;
        planApi().hover = a;
        planApi().hoverSeq = seq;
        this.drawHover();
      })
      .catch(() => {})
      .finally(() => {
        this.hoverBusy = false;
        this.pump();
      });
  }

  private drawHover(): void {
    const a = this.lastHover;
    if (!a) return;
    const rows: string[] = [`<div><b>${esc(t('hoverTitle'))}</b></div>`, `<div class="small" id="hover-coords">${esc(t('coordinates'))}: ${a.lon.toFixed(6)}, ${a.lat.toFixed(6)}</div>`];
    if (a.snapDistanceM === null) rows.push(`<div class="muted">${esc(t('hoverOffRoad', { m: POINT_MAX_SNAP_M }))}</div>`);
    else {
      rows.push(`<div class="small muted">${esc(t('hoverToRoad', { m: Math.round(a.snapDistanceM) }))}</div><table class="figures" id="hover-due">`);
      for (const r of a.rows.slice(0, 2)) {
        const label = r.rank === 1 ? t('hoverFirst') : t('hoverSecond');
        const time = r.costS === null ? t('hoverUnreachable') : `${r.costS.toFixed(0)} ${t('s')} (${(r.costS / 60).toFixed(1)} ${t('min')})`;
        const mark = r.costS === null ? '' : r.withinStandard ? `<span class="ok" title="${esc(t('hoverWithin', { s: a.standardS }))}">✓</span> ` : `<span class="bad" title="${esc(t('hoverLate', { s: a.standardS }))}">✗</span> `;
        rows.push(`<tr data-rank="${r.rank}" data-station="${esc(r.id)}"><th>${esc(label)}</th><td>${esc(pick(r.name, r.nameZh))}</td><td class="num">${mark}${esc(time)}</td></tr>`);
      }
      rows.push('</table>');
    }
    this.box.innerHTML = rows.join('');
    this.box.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  }

  // ---- search and measure --------------------------------------------------------------------

  private drawBar(): void {
    this.bar.innerHTML = `<input id="station-search" type="search" placeholder="${esc(t('searchStations'))}" aria-label="${esc(t('searchStations'))}" autocomplete="off">
      <button id="measure-mode" class="${this.measuring ? 'active' : ''}" aria-pressed="${this.measuring}">${esc(t('measure'))}</button>
      <ul id="search-results" hidden></ul><div id="measure-result" class="small"></div>`;
    const input = this.bar.querySelector<HTMLInputElement>('#station-search')!;
    input.addEventListener('input', () => this.showMatches(input.value));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        const first = this.matches(input.value)[0];
        if (first) this.goTo(first);
      }
    });
    this.bar.querySelector('#measure-mode')!.addEventListener('click', () => this.setMeasuring(!this.measuring));
    this.drawMeasure();
  }

  /** Stations whose English or Chinese name (or id) contains the text, case-insensitive. */
  matches(text: string): PlanStation[] {
    const q = text.trim().toLowerCase();
    if (!q) return [];
    return (this.host.stations() ?? []).filter((s) => [s.name, s.nameZh, s.id].some((x) => x.toLowerCase().includes(q)));
  }

  private showMatches(text: string): void {
    const ul = this.bar.querySelector<HTMLUListElement>('#search-results')!;
    const found = this.matches(text);
    ul.hidden = text.trim() === '';
    ul.innerHTML = found.length ? found.map((s, i) => `<li><a href="#" data-i="${i}">${esc(pick(s.name, s.nameZh))}</a> <small class="muted">${esc(t(`st_${s.status}` as never))}</small></li>`).join('') : `<li class="muted">${esc(t('searchNone'))}</li>`;
    ul.querySelectorAll<HTMLAnchorElement>('a').forEach((a) =>
      a.addEventListener('click', (e) => {
        e.preventDefault();
        this.goTo(found[Number(a.dataset.i)]);
      }),
    );
  }

  /** Pans to a station and names it in a popup-like flash. */
  goTo(s: PlanStation): void {
    const [x, y] = toDisplay(s.lon, s.lat);
    this.host.view.map.easeTo({ center: [x, y], zoom: Math.max(this.host.view.map.getZoom(), 15) });
    planApi().searchedStation = s.id;
    const ul = this.bar.querySelector<HTMLUListElement>('#search-results')!;
    ul.hidden = true;
  }

  setMeasuring(on: boolean): void {
    this.measuring = on;
    this.measureFrom = null;
    this.host.view.map.getCanvas().style.cursor = on ? 'crosshair' : '';
    const b = this.bar.querySelector('#measure-mode')!;
    b.classList.toggle('active', on);
    b.setAttribute('aria-pressed', String(on));
    this.drawMeasure();
  }

  private async onMeasureClick(e: MapMouseEvent): Promise<void> {
    const p = toWgs84(e.lngLat.lng, e.lngLat.lat);
    if (!this.measureFrom) {
      this.measureFrom = p;
      this.drawRoute(null, [p]);
      this.drawMeasure();
      return;
    }
    const from = this.measureFrom;
    this.measureFrom = null;
    await this.measureBetween(from, p);
  }

  /** Measures between two WGS84 points and draws the route. */
  async measureBetween(from: [number, number], to: [number, number]): Promise<MeasureAnswer> {
    const m = await this.host.worker.request('measure', { from, to });
    this.lastMeasure = m;
    planApi().lastMeasure = m;
    this.drawRoute(m.route, [from, to]);
    this.drawMeasure();
    await this.host.view.idle();
    return m;
  }

  private drawMeasure(): void {
    const el = this.bar.querySelector<HTMLElement>('#measure-result');
    if (!el) return;
    const m = this.lastMeasure;
    let text = '';
    if (this.measuring) text = this.measureFrom ? t('measureSecond') : t('measureOn');
    if (m && !this.measureFrom) {
      const r = m.distanceM === null ? `${t('measureNoRoute')}${m.problem ? `: ${pick(m.problem.en, m.problem.zh)}` : ''}` : t('measureResult', { m: Math.round(m.distanceM), s: m.timeS === null ? '–' : Math.round(m.timeS), straight: Math.round(m.straightM) });
      text = text ? `${text} · ${r}` : r;
    }
    el.textContent = text;
  }

  private drawRoute(route: [number, number][] | null, ends: [number, number][]): void {
    const map = this.host.view.map;
    const features: GeoJSON.Feature[] = ends.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: toDisplay(p[0], p[1]) } }));
    if (route && route.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: route.map(([x, y]) => toDisplay(x, y)) } });
    const data: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features };
    const src = map.getSource(ROUTE_SOURCE) as GeoJSONSource | undefined;
    if (src) {
      src.setData(data);
      return;
    }
    map.addSource(ROUTE_SOURCE, { type: 'geojson', data });
    map.addLayer({ id: 'measure-casing', type: 'line', source: ROUTE_SOURCE, filter: ['==', ['geometry-type'], 'LineString'], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#fff', 'line-width': 7 } });
    map.addLayer({ id: 'measure-line', type: 'line', source: ROUTE_SOURCE, filter: ['==', ['geometry-type'], 'LineString'], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#e7298a', 'line-width': 4, 'line-dasharray': [2, 1] } });
    map.addLayer({ id: 'measure-points', type: 'circle', source: ROUTE_SOURCE, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 6, 'circle-color': '#e7298a', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
  }
}
