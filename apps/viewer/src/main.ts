import * as maplibregl from 'maplibre-gl';
import './styles.css';
import { coverageFigure, state } from './app_state';
import { districtsCsv, download } from './export/districts_csv';
import { exportMapPng } from './export/map_png';
import { installPrintDialog } from './export/print_dialog';
import { exportMap } from './export/print_export';
import { visibleLayersGeojson } from './export/visible_geojson';
import { getLang, onLangChange, setLang, t, type Key } from './i18n';
import { loadAnalysisFolder, bboxOf } from './load/analysis_folder';
import { droppedFiles, filesSource, findEntry, urlSource, type FileSource } from './load/file_source';
import { MapView } from './map/map_view';
import { popupContent } from './map/popup';
import { GROUPS } from './map/style';
import { ANALYSIS_LAYERS, BASE_LAYERS, type CandidateInput } from './model';
import { decodeLayer, districtRows } from './normalize';
import { legendGroups, swatchElement } from './panel/legend';
import { baseOverCap, overCapCount, panelSettings, renderPanel } from './panel/panel';
import { WorkerClient } from './worker_client';
import type { ResultMessage } from './worker/protocol';
import { basemapControl, keepStationsClear, legendToggle } from './basemap/basemap_ui';
import { toDisplay, toWgs84 } from './basemap/display_crs';
import { ToolsUi } from './hover/tools_ui';
import { PlanUi } from './plan/plan_ui';
import { planApi } from './plan/test_api';
import { SitingPanel } from './siting/siting_panel';
import { rememberScenario } from './siting/siting_client';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const panel = $('panel');
const view = new MapView($('map'));
state.map = view.map;
let popup: maplibregl.Popup | null = null;
let candidateSeq = 0;
let clickStartedAt: number | null = null;
/** Layer sources that hold data (legend shows only these). */
const present = new Set<string>();

const actions = {
  toggleCandidateMode() {
    setCandidateMode(!state.candidateMode);
  },
  removeCandidate(id: string) {
    clickStartedAt = performance.now();
    worker.removeCandidate(id);
  },
  removeAllCandidates() {
    clickStartedAt = performance.now();
    for (const c of state.candidates) worker.removeCandidate(c.id);
  },
  zoomToPoint(lon: number, lat: number) {
    view.map.easeTo({ center: toDisplay(lon, lat), zoom: Math.max(view.map.getZoom(), 14) });
  },
  zoomTo(kind: 'district' | 'gap', id: string) {
    const fc = state.decoded[kind === 'district' ? 'districts' : 'gaps'];
    const f = fc?.features.find((x, i) => {
      const p = x.properties ?? {};
      return kind === 'district' ? String(p.fc_station) === id : String(p.fc_id ?? p.id ?? `#${i + 1}`) === id;
    });
    if (!f) return;
    const b = bboxOf({ type: 'FeatureCollection', features: [f] });
    if (b) view.fit(b, true);
  },
};

function render(): void {
  renderPanel(panel, actions);
  window.__firecover.coveragePct = state.coveragePct;
}

function setCandidateMode(on: boolean): void {
  state.candidateMode = on && state.mode === 'scenario';
  $('map').classList.toggle('candidate-mode', state.candidateMode);
  render();
}

// ---- static labels and legend -------------------------------------------------------------

function applyStaticLabels(): void {
  const set = (id: string, key: Key) => ($(id).textContent = t(key));
  set('app-title', 'appTitle');
  set('open-folder', 'openFolder');
  set('open-files', 'openFiles');
  set('open-sample', 'sample');
  set('export-png', 'exportPng');
  set('export-csv', 'exportCsv');
  set('scale-label', 'exportScale');
  set('lang-toggle', 'language');
  $('lang-toggle').lang = getLang() === 'en' ? 'zh-CN' : 'en';
  $('open-folder').title = t('openHint');
  $('open-files').title = t('openHint');
  $('drop-hint').textContent = t('openHint');
  document.title = t('appTitle');
}

function renderLegend(): void {
  const root = $('legend');
  root.replaceChildren();
  const head = document.createElement('div');
  head.className = 'lg-title';
  head.innerHTML = `<b>${t('layers')}</b>`;
  head.append(legendToggle(root));
  root.append(head);
  const bandsS = state.info?.bandsS ?? [180, 240, 300];
  for (const g of legendGroups(bandsS, (name) => present.has(name))) {
    const box = document.createElement('div');
    box.className = `lg-group${view.visible.has(g.group) ? '' : ' off'}`;
    const label = document.createElement('label');
    label.className = 'lg-head';
    const cb = document.createElement('input');
    cb.type = 'checkbox';
    cb.checked = view.visible.has(g.group);
    cb.dataset.group = g.group;
    cb.addEventListener('change', () => {
      view.setGroup(g.group, cb.checked);
      box.classList.toggle('off', !cb.checked);
    });
    label.append(cb, document.createTextNode(t(g.title)));
    box.append(label);
    for (const e of g.entries) {
      const row = document.createElement('div');
      row.className = 'lg-entry';
      row.append(swatchElement(e.swatch), document.createTextNode(e.label));
      box.append(row);
    }
    root.append(box);
  }
  // Online basemap: an option only (no tiles are reachable offline); a GCJ-02 one shifts the layers to it.
  root.append(basemapControl(view));
}

// ---- results ------------------------------------------------------------------------------

function applyLayers(layers: Record<string, Uint8Array>): void {
  for (const name of ['districts', 'gaps', 'stations', 'candidates']) {
    if (layers[name]) state.decoded[name] = decodeLayer(layers[name]);
  }
  for (const [name, bytes] of Object.entries(layers)) {
    const group = name === 'service_areas' ? 'bands' : name === 'candidates' ? 'stations' : (BASE_LAYERS as readonly string[]).includes(name) ? 'base' : name;
    if (bytes.byteLength > 60 || name === 'candidates') present.add(group);
  }
  view.setData(layers);
  planUi.afterLayers(layers);
}

function onResult(r: ResultMessage): void {
  state.info = r.info;
  state.summary = r.summary;
  state.baseSummary = r.baseSummary;
  state.candidates = r.candidates;
  state.coveragePct = coverageFigure(r.summary);
  state.error = null;
  state.loading = false;
  if (r.kind === 'load') {
    present.clear();
    view.setBands(r.info.bandsS);
    if (r.base) applyLayers(r.base);
    applyLayers(r.layers);
    baseOverCap.value = overCapCount(districtRows(state.decoded.districts));
    view.fit(r.info.bbox);
    renderLegend();
    if (state.mode === 'scenario') void planUi.onLoad().then(() => keepStationsClear($('legend'), view, planUi.stationsOnMap().map((x) => [x.lon, x.lat])));
  } else {
    state.lastRecomputeMs = r.computeMs;
    state.lastLayersMs = r.layersMs;
    applyLayers(r.layers);
    planUi.onCandidates();
  }
  const started = clickStartedAt;
  clickStartedAt = null;
  render();
  view.idle().then(() => {
    if (started !== null) state.lastRoundTripMs = performance.now() - started;
    state.updates++;
    state.ready = true;
    render();
  });
}

const worker = new WorkerClient({
  onResult,
  onComparison(rows) {
    state.comparison = rows;
    render();
  },
  onError(message, messageZh, where) {
    state.error = `${where ? `${where}: ` : ''}${getLang() === 'zh' && messageZh ? messageZh : message}`;
    state.loading = false;
    state.updates++;
    render();
  },
  onProgress(stage) {
    state.stage = t(`stage_${stage}` as Key);
    render();
  },
});

// ---- the plan year by year, point tools, siting (plan/, hover/, siting/) ----------------------
const rightStack = document.createElement('div');
rightStack.id = 'right-stack';
wrapEl().append(rightStack);
const planUi = new PlanUi({ view, worker, render, applyLayers, onResult }, rightStack);
const siting = new SitingPanel(view, rightStack);
const tools = new ToolsUi({ view, worker, stations: () => planUi.info?.stations ?? null }, wrapEl());
Object.defineProperties(planApi(), {
  year: { get: () => planUi.year, enumerable: true },
  planYears: { get: () => planUi.info?.years ?? [], enumerable: true },
});
Object.assign(planApi(), {
  setYear: (year: number | null) => planUi.setYear(year),
  stationsOnMap: () => planUi.stationsOnMap(),
  dueAt: (lon: number, lat: number) => tools.dueAt(lon, lat),
  measureBetween: (from: [number, number], to: [number, number]) => tools.measureBetween(from, to),
  runSiting: (o?: Parameters<SitingPanel['run']>[0]) => siting.run(o),
  hover: null,
  hoverSeq: 0,
  lastMeasure: null,
  searchedStation: null,
  siting: null,
});
function wrapEl(): HTMLElement {
  return $('map-wrap');
}

// ---- opening scenarios --------------------------------------------------------------------

function reset(): void {
  state.ready = false;
  state.loading = true;
  state.error = null;
  state.info = null;
  state.summary = null;
  state.baseSummary = null;
  state.comparison = [];
  state.candidates = [];
  state.decoded = {};
  state.lastRecomputeMs = null;
  state.lastRoundTripMs = null;
  state.lastLayersMs = null;
  state.coveragePct = null;
  candidateSeq = 0;
  popup?.remove();
  planUi.reset();
  siting.reset();
  setCandidateMode(false);
  const empty = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
  const blank: Record<string, Uint8Array> = {};
  for (const n of [...ANALYSIS_LAYERS, ...BASE_LAYERS]) blank[n] = empty;
  view.setData(blank);
}

async function openText(text: string, fileName: string, source: FileSource, hint?: 'scenario' | 'analysis'): Promise<void> {
  reset();
  const json = JSON.parse(text) as Record<string, unknown>;
  const isScenario = hint === 'scenario' || (hint === undefined && 'network' in json && 'stations' in json);
  if (isScenario) {
    state.mode = 'scenario';
    render();
    rememberScenario(text, fileName, source);
    worker.load(text, fileName, source);
    return;
  }
  worker.stop();
  state.mode = 'analysis';
  const a = await loadAnalysisFolder(text, source);
  onResult({ kind: 'load', info: a.info, layers: a.layers, summary: a.summary, baseSummary: a.summary, candidates: [], computeMs: 0, layersMs: 0 });
}

async function openUrl(url: string): Promise<void> {
  const abs = new URL(url, location.href).href;
  const tryFetch = async (u: string) => {
    const res = await fetch(u);
    if (!res.ok) throw new Error(`${u}: HTTP ${res.status}`);
    return res.text();
  };
  try {
    if (abs.endsWith('/')) {
      for (const name of ['scenario.json', 'summary.json']) {
        try {
          const text = await tryFetch(abs + name);
          await openText(text, abs + name, urlSource(abs + name));
          return;
        } catch {
          // try the next entry file
        }
      }
      throw new Error(`${abs}: neither scenario.json nor summary.json found`);
    }
    await openText(await tryFetch(abs), abs, urlSource(abs));
  } catch (e) {
    state.loading = false;
    state.error = e instanceof Error ? e.message : String(e);
    state.updates++;
    render();
  }
}

async function openFiles(files: Map<string, File>, label: string): Promise<void> {
  try {
    const entry = await findEntry(files);
    if (!entry) throw new Error(t('openHint'));
    const source = filesSource(files, entry.dir, label);
    await openText(await files.get(entry.path)!.text(), entry.path, source, entry.kind);
  } catch (e) {
    state.loading = false;
    state.error = e instanceof Error ? e.message : String(e);
    render();
  }
}

function filesFromInput(input: HTMLInputElement): Map<string, File> {
  const out = new Map<string, File>();
  for (const f of Array.from(input.files ?? [])) out.set((f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name, f);
  return out;
}

const SAMPLE = './data/sample-city/scenario.json';

// ---- wiring -------------------------------------------------------------------------------

$('open-folder').addEventListener('click', () => $<HTMLInputElement>('folder-input').click());
$('open-files').addEventListener('click', () => $<HTMLInputElement>('files-input').click());
$('open-sample').addEventListener('click', () => void openUrl(SAMPLE));
$<HTMLInputElement>('folder-input').addEventListener('change', (e) => void openFiles(filesFromInput(e.target as HTMLInputElement), 'folder'));
$<HTMLInputElement>('files-input').addEventListener('change', (e) => void openFiles(filesFromInput(e.target as HTMLInputElement), 'files'));

const wrap = $('map-wrap');
wrap.addEventListener('dragover', (e) => {
  e.preventDefault();
  $('drop-hint').hidden = false;
});
wrap.addEventListener('dragleave', (e) => {
  if (e.target === $('drop-hint')) $('drop-hint').hidden = true;
});
wrap.addEventListener('drop', (e) => {
  e.preventDefault();
  $('drop-hint').hidden = true;
  if (e.dataTransfer) void droppedFiles(e.dataTransfer).then((files) => openFiles(files, 'drop'));
});

$('lang-toggle').addEventListener('click', () => setLang(getLang() === 'en' ? 'zh' : 'en'));
onLangChange(() => {
  applyStaticLabels();
  renderLegend();
  view.setLang();
  render();
});

async function exportPng(pixelRatio?: number): Promise<Blob> {
  const r = pixelRatio ?? Number($<HTMLSelectElement>('export-scale').value);
  return exportMapPng(view, r);
}
$('export-png').addEventListener('click', () => {
  const b = $('export-png');
  b.textContent = t('exporting');
  exportPng()
    .then((blob) => download(blob, `${(state.info?.name ?? 'firecover').replace(/[^\w.-]+/g, '_')}-map.png`))
    .catch((e: unknown) => {
      state.error = e instanceof Error ? e.message : String(e);
      render();
    })
    .finally(() => (b.textContent = t('exportPng')));
});
const csv = () => districtsCsv(districtRows(state.decoded.districts));
$('export-csv').addEventListener('click', () => download(new Blob([csv()], { type: 'text/csv;charset=utf-8' }), `${(state.info?.name ?? 'firecover').replace(/[^\w.-]+/g, '_')}-districts.csv`));
window.__firecover.exportPng = exportPng;
window.__firecover.districtsCsv = csv;
window.__firecover.exportMap = (opts) => exportMap(view, opts);
window.__firecover.visibleLayersGeojson = () => visibleLayersGeojson(view);
installPrintDialog(view);

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && state.candidateMode) setCandidateMode(false);
});

view.map.on('click', (e) => {
  if (tools.measuring) return;
  if (state.candidateMode) {
    const [lon, lat] = toWgs84(e.lngLat.lng, e.lngLat.lat);
    const c: CandidateInput = { id: `C${++candidateSeq}`, lon: +lon.toFixed(6), lat: +lat.toFixed(6), stationClass: panelSettings.candidateClass };
    clickStartedAt = performance.now();
    worker.addCandidate(c);
    return;
  }
  const features = view.featuresAt(e.point);
  popup?.remove();
  if (!features.length) return;
  popup = new maplibregl.Popup({ maxWidth: '360px' }).setLngLat(e.lngLat).setDOMContent(popupContent(features)).addTo(view.map);
});

for (const id of Object.values(GROUPS).flat()) {
  view.map.on('mouseenter', id, () => {
    if (!state.candidateMode) view.map.getCanvas().style.cursor = 'pointer';
  });
  view.map.on('mouseleave', id, () => {
    view.map.getCanvas().style.cursor = '';
  });
}

applyStaticLabels();
render();
const param = new URLSearchParams(location.search).get('scenario');
void view.whenLoaded().then(() => openUrl(param ?? SAMPLE));
