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
import { SAMPLE, startUrl } from './start_url';
import type { RequestError, ResultMessage } from './worker/protocol';
import { applyDiff, type LayerDiff } from './live/apply_diff';
import { candidateEditor } from './live/candidate_panel';
import { commonPrefix } from './live/candidates';
import { installCandidateDrag } from './live/drag';
import { CandidateError, LiveCandidates } from './live/live_candidates';
import { SourceFreshness, visibleSources } from './live/visible_sources';
import { fetchText, loadError, withFallback } from './scenario_file/open_scenario';
import { basemapControl, keepStationsClear, legendToggle } from './basemap/basemap_ui';
import { toDisplay, toWgs84 } from './basemap/display_crs';
import { ToolsUi } from './hover/tools_ui';
import { PlanUi } from './plan/plan_ui';
import { planApi } from './plan/test_api';
import { SitingPanel } from './siting/siting_panel';
import { rememberScenario } from './siting/siting_client';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const panel = $('panel');
// the analysis worker was started by boot.ts, reading the scenario to open (startUrl) meanwhile
const view = new MapView($('map'));
state.map = view.map;
let popup: maplibregl.Popup | null = null;
let clickStartedAt: number | null = null;
/** Which sources hold data current for the candidates (hidden ones are sent when shown). */
const fresh = new SourceFreshness();
/** Background layers drawn ahead of the first result (the worker does not send them again). */
let earlyBase: Record<string, Uint8Array> | null = null;
let earlyBaseHanded: Promise<void> = Promise.resolve();
/** The extent the map was fitted to when the background layers came ahead (the result need not fit again). */
let earlyBbox: [number, number, number, number] | undefined;
/** The source of the scenario shown (a reopened lone scenario file reads its layers from here). */
let currentSource: FileSource | null = null;
/** Layer sources that hold data (legend shows only these). */
const present = new Set<string>();

const actions = {
  toggleCandidateMode() {
    setCandidateMode(!state.candidateMode);
  },
  removeCandidate(id: string) {
    clickStartedAt = performance.now();
    void live.remove(id).catch(() => {});
  },
  removeAllCandidates() {
    clickStartedAt = performance.now();
    void live.removeAll().catch(() => {});
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
      if (cb.checked) fetchMissing();
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

function applyLayers(layers: Record<string, Uint8Array>): Promise<void> {
  for (const name of ['districts', 'gaps', 'stations', 'candidates']) {
    if (layers[name]) state.decoded[name] = decodeLayer(layers[name]);
  }
  markPresent(layers);
  const handed = view.setData(layers);
  // one label per district (plan/district_labels.ts): the worker sends them; other sources (an analyze
  // output, a plan year) are labelled here from the districts just decoded
  if (layers.districts && !layers.district_labels) planUi.afterLayers(layers);
  return handed;
}

/** Layer changes by feature id (`updateData`); the panel's copies follow. Resolves when MapLibre has them. */
function applyDiffs(diffs: Record<string, LayerDiff> | undefined): Promise<void> {
  if (!diffs) return Promise.resolve();
  for (const [name, diff] of Object.entries(diffs)) {
    if (['districts', 'gaps', 'stations', 'candidates'].includes(name)) state.decoded[name] = applyDiff(state.decoded[name], diff);
  }
  const handed = view.updateData(diffs);
  return handed;
}

function markPresent(layers: Record<string, Uint8Array>): void {
  for (const [name, bytes] of Object.entries(layers)) {
    const group = name === 'service_areas' ? 'bands' : name === 'candidates' ? 'stations' : (BASE_LAYERS as readonly string[]).includes(name) ? 'base' : name;
    if (bytes.byteLength > 60 || name === 'candidates') present.add(group);
  }
}

/** The sources drawn now (what the worker builds and sends). */
const visibleNow = (): string[] => visibleSources(view.map, view.visible);

/** Asks the worker for the shown sources it has not sent for the current candidates (a layer switched on, street scale reached). */
function fetchMissing(): void {
  if (state.mode !== 'scenario' || !state.ready) return;
  const names = fresh.missing(visibleNow());
  if (!names.length) return;
  fresh.received(names, null);
  worker.request('layers', { names }).then(
    (r) => {
      const hadLegend = present.size;
      void applyLayers(r.layers);
      if (present.size !== hadLegend) renderLegend();
    },
    (e: RequestError) => showError(e),
  );
}

function showError(e: RequestError): void {
  view.frames.release();
  state.error = `${e.where ? `${e.where}: ` : ''}${getLang() === 'zh' && e.messageZh ? e.messageZh : e.message}`;
  state.loading = false;
  state.updates++;
  render();
}

function onResult(r: ResultMessage, asked: string[] | null = null): Promise<void> {
  if (r.kind === 'load') {
    reset(Object.keys(earlyBase ?? {}));
    // the panel's copies of layers sent ahead (reset cleared them)
    for (const n of ['districts', 'gaps', 'stations', 'candidates']) if (earlyBase?.[n]) state.decoded[n] = decodeLayer(earlyBase[n]);
    if (pendingMode) {
      state.mode = pendingMode.mode;
      currentSource = pendingMode.source;
    }
  }
  state.info = r.info;
  state.summary = r.summary;
  state.baseSummary = r.baseSummary;
  state.candidates = r.candidates;
  state.coveragePct = coverageFigure(r.summary);
  state.error = null;
  state.loading = false;
  let handed: Promise<void>;
  if (r.kind === 'load') {
    present.clear();
    fresh.clear();
    live.reset(r.candidates);
    view.setBands(r.info.bandsS);
    // fit first: the sources then cut tiles for the view that is drawn (already, when the roads came ahead)
    if (earlyBase === null || !sameBbox(earlyBbox, r.info.bbox)) view.fit(r.info.bbox);
    // background layers sent ahead (first picture) are already on the map; the others come now
    const ahead = earlyBase ?? {};
    const baseNow: Record<string, Uint8Array> = {};
    for (const [n, b] of Object.entries(r.base ?? {})) if (!ahead[n]) baseNow[n] = b;
    const base = Promise.all([applyLayers(baseNow), earlyBaseHanded]).then(() => undefined);
    fresh.received(Object.keys(ahead), null);
    markPresent(ahead);
    earlyBase = null;
    earlyBbox = undefined;
    handed = Promise.all([base, applyLayers(r.layers)]).then(() => undefined);
    // drawn once, when MapLibre has every layer and has tiled it
    void handed.then(() => view.releaseWhenTiled());
    fresh.received([...Object.keys(r.layers), ...Object.keys(r.base ?? {})], null);
    // layers not sent yet (hidden, street scale) still get their legend entry and checkbox
    for (const n of r.available ?? []) present.add(n === 'service_areas' ? 'bands' : n === 'candidates' ? 'stations' : n);
    baseOverCap.value = overCapCount(districtRows(state.decoded.districts));
    renderLegend();
    if (state.mode === 'scenario') void planUi.onLoad().then(() => keepStationsClear($('legend'), view, planUi.stationsOnMap().map((x) => [x.lon, x.lat])));
  } else {
    state.lastRecomputeMs = r.computeMs;
    state.lastLayersMs = r.layersMs;
    handed = Promise.all([applyLayers(r.layers), applyDiffs(r.diffs)]).then(() => undefined);
    // a drag has moved on while this position was analysed: the markers stay where the pointer is
    const newest = live.list;
    if (newest.length !== r.candidates.length || commonPrefix(newest, r.candidates) < newest.length) previewCandidates(newest);
    fresh.received([...Object.keys(r.layers), ...Object.keys(r.diffs ?? {})], asked);
    planUi.onCandidates();
  }
  const started = clickStartedAt;
  clickStartedAt = null;
  render();
  view.idle().then(() => {
    if (started !== null) state.lastRoundTripMs = performance.now() - started;
    state.updates++;
    const first = !state.ready;
    state.ready = true;
    render();
    if (first) fetchMissing();
    // the plan's station sets side by side: several analyses, asked for once the first picture is drawn
    if (first && r.kind === 'load' && state.mode === 'scenario') worker.comparison();
  });
  return handed;
}

/** The map has loaded its style (its sources exist): worker answers that draw wait for it, in the order they came. */
const mapLoaded = view.whenLoaded();
const worker = new WorkerClient({
  onResult: (r) => void mapLoaded.then(() => onResult(r)),
  onComparison(rows) {
    state.comparison = rows;
    render();
  },
  onError(message, messageZh, where) {
    showError({ message, messageZh, where });
    live.confirm(state.candidates);
  },
  onBase: (layers, info) => void mapLoaded.then(() => onBase(layers, info)),
  onProgress(stage) {
    state.stage = t(`stage_${stage}` as Key);
    render();
  },
});

type Bbox = [number, number, number, number];
const sameBbox = (a: Bbox | undefined, b: Bbox | undefined): boolean => a !== undefined && b !== undefined && a.every((v, i) => v === b[i]);

/** Nothing is shown yet (the first picture): a load may send layers ahead of its result. Otherwise they come with the result (a load that fails must leave the current scenario as it was). */
const takesLayersAhead = (): boolean => !state.info && state.mode !== 'analysis';

/** Layers sent ahead of a scenario's result: the background as it is read, then the coverage while the water analysis runs. */
function onBase(layers: Record<string, Uint8Array>, info: NonNullable<typeof state.info>): void {
  if (!takesLayersAhead()) {
    earlyBase = null; // a layer dropped here is asked for once the result is shown (fetchMissing)
    return;
  }
  earlyBase = { ...earlyBase, ...layers };
  // The roads are drawn once as soon as they are tiled, while the worker analyses: that first frame also
  // sets up the GPU programs the full picture needs (its first frame costs 3–4× a later one in software
  // GL). The coverage sent ahead is held until the result completes it.
  if (layers.roads) view.frames.release();
  else view.frames.hold();
  view.setBands(info.bandsS);
  if (!sameBbox(earlyBbox, info.bbox)) view.fit(info.bbox);
  earlyBbox = info.bbox;
  const handed = applyLayers(layers);
  earlyBaseHanded = Promise.all([earlyBaseHanded, handed]).then(() => undefined);
}

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

// ---- candidates: add, drag, edit, delete, undo, save ----------------------------------------

function previewCandidates(list: readonly CandidateInput[]): void {
  const src = view.map.getSource('candidates') as maplibregl.GeoJSONSource | undefined;
  src?.setData({
    type: 'FeatureCollection',
    features: list.map((c) => ({ type: 'Feature', id: c.id, properties: { id: c.id, name: c.name || c.id, fc_status: 'candidate', fc_class: c.stationClass }, geometry: { type: 'Point', coordinates: [c.lon, c.lat] } })),
  });
}

const live = new LiveCandidates({
  setCandidates: (candidates, visible) => worker.request('setCandidates', { candidates, visible }),
  apply: (r, asked) => onResult(r, asked),
  visible: visibleNow,
  preview: previewCandidates,
  onError: (e) => {
    showError(e);
    live.confirm(state.candidates);
  },
});

async function saveScenarioText(): Promise<string> {
  return (await worker.request('saveScenario', {})).text;
}

candidateEditor.actions = {
  edit: (id, patch) => {
    clickStartedAt = performance.now();
    void live.edit(id, patch).catch((e: unknown) => e instanceof CandidateError && showError({ message: e.message, messageZh: e.messageZh }));
  },
  undo: () => void live.undo().catch(() => {}),
  save: () => {
    saveScenarioText().then(
      (text) => download(new Blob([text], { type: 'application/json' }), `${(state.info?.name ?? 'scenario').replace(/[^\w.-]+/g, '_')}-scenario.json`),
      (e: RequestError) => showError(e),
    );
  },
  canUndo: () => live.canUndo,
  defaultTurnoutS: () => null,
  currentName: (id) => {
    const c = live.list.find((x) => x.id === id);
    return c ? (c.name ?? '') : null;
  },
};

Object.defineProperty(window.__firecover, 'lastUpdateMs', { get: () => live.lastUpdateMs, enumerable: true });
// frames not drawn by the drawing policy so far (map/hold_partial_frames.ts; the benchmark prints it)
Object.defineProperty(window.__firecover, 'framesHeld', { get: () => view.frames.held(), enumerable: true });
Object.assign(window.__firecover, {
  addCandidate: (lon: number, lat: number, cls = 'class2') => live.add(lon, lat, cls),
  moveCandidate: (id: string, lon: number, lat: number) => live.move(id, lon, lat),
  editCandidate: (id: string, patch: Partial<Pick<CandidateInput, 'stationClass' | 'name' | 'turnoutS'>>) => live.edit(id, patch),
  removeCandidate: (id: string) => live.remove(id),
  undo: () => live.undo(),
  saveScenario: saveScenarioText,
  candidatesSettled: () => live.whenIdle(),
  liveSamples: live.samples,
  openScenarioUrl: openUrl,
});

// ---- opening scenarios --------------------------------------------------------------------

/** Clears the page for a new scenario; `keep`: sources that already hold the new scenario's data. */
function reset(keep: string[] = []): void {
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
  popup?.remove();
  planUi.reset();
  siting.reset();
  setCandidateMode(false);
  // only sources that hold data are emptied: each emptied source reloads its tiles and redraws
  const empty = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
  const blank: Record<string, Uint8Array> = {};
  for (const n of [...ANALYSIS_LAYERS, ...BASE_LAYERS]) if (!keep.includes(n) && view.holdsData(n)) blank[n] = empty;
  if (Object.keys(blank).length) void view.setData(blank);
}

/**
 * Opens a scenario or an analyze output. The current scenario stays until the new one is ready, and stays
 * when it fails (the error says why).
 */
async function openText(text: string, fileName: string, source: FileSource, hint?: 'scenario' | 'analysis'): Promise<void> {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw loadError('notJson', { file: fileName, detail: e instanceof Error ? e.message : String(e) });
  }
  const isScenario = hint === 'scenario' || (hint === undefined && json !== null && typeof json === 'object' && 'network' in json && 'stations' in json);
  if (isScenario) {
    state.loading = true;
    state.error = null;
    render();
    rememberScenario(text, fileName, source);
    worker.load(text, fileName, source, visibleSources(view.map, view.visible, 99, view.style).filter((n) => !HIDDEN_AT_START.has(n)), takesLayersAhead());
    pendingMode = { mode: 'scenario', source };
    return;
  }
  const summaryLike = json !== null && typeof json === 'object' && ['scenario', 'coverage', 'figures', 'layers', 'water'].some((k) => k in json);
  if (hint === undefined && !fileName.endsWith('summary.json') && !summaryLike) throw loadError('notScenario', { file: fileName });
  const a = await loadAnalysisFolder(text, source);
  worker.stop();
  pendingMode = { mode: 'analysis', source };
  void onResult({ kind: 'load', info: a.info, layers: a.layers, summary: a.summary, baseSummary: a.summary, candidates: [], computeMs: 0, layersMs: 0 });
}

/** Sources not sent with the first picture: hydrants are drawn from street scale only (they follow on zoom). */
const HIDDEN_AT_START = new Set(['hydrants']);
/** The mode and source of the scenario being opened (applied when its first result arrives). */
let pendingMode: { mode: 'scenario' | 'analysis'; source: FileSource } | null = null;

async function openUrl(url: string): Promise<void> {
  const abs = new URL(url, location.href).href;
  try {
    if (abs.endsWith('/')) {
      for (const name of ['scenario.json', 'summary.json']) {
        let text: string;
        try {
          text = await fetchText(abs + name);
        } catch {
          continue; // try the next entry file
        }
        await openText(text, abs + name, urlSource(abs + name));
        return;
      }
      throw loadError('neitherEntry', { url: abs });
    }
    await openText(await fetchText(abs), abs, urlSource(abs));
  } catch (e) {
    showError(e as RequestError);
  }
}

async function openFiles(files: Map<string, File>, label: string): Promise<void> {
  try {
    const entry = await findEntry(files);
    if (!entry) {
      // a lone .json that is not a scenario: say what is wrong with it (invalid JSON, not a scenario)
      const only = [...files.values()];
      if (only.length === 1 && only[0].name.endsWith('.json')) return await openText(await only[0].text(), only[0].name, filesSource(files, '', label));
      throw loadError('openHint', {});
    }
    // A saved scenario opened alone reads the layers it names from the scenario shown now (same folder).
    const source = withFallback(filesSource(files, entry.dir, label), entry.kind === 'scenario' ? currentSource : null);
    await openText(await files.get(entry.path)!.text(), entry.path, source, entry.kind);
  } catch (e) {
    showError(e as RequestError);
  }
}

function filesFromInput(input: HTMLInputElement): Map<string, File> {
  const out = new Map<string, File>();
  for (const f of Array.from(input.files ?? [])) out.set((f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name, f);
  return out;
}

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
  const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
  if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !inField && state.mode === 'scenario') {
    e.preventDefault();
    void live.undo().catch(() => {});
  }
});

const drag = installCandidateDrag(view.map, {
  onStart: () => live.beginDrag(),
  onMove: (id, lon, lat) => {
    const [x, y] = toWgs84(lon, lat);
    void live.move(id, x, y, true).catch(() => {});
  },
  onEnd: () => render(),
});

view.map.on('click', (e) => {
  if (tools.measuring) return;
  if (drag.swallowClick()) return;
  if (state.candidateMode) {
    clickStartedAt = performance.now();
    // the map may be drawn in GCJ-02 (a Chinese basemap): candidates are WGS84
    const [lon, lat] = toWgs84(e.lngLat.lng, e.lngLat.lat);
    void live.add(lon, lat, panelSettings.candidateClass).catch(() => {});
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

view.map.on('zoomend', () => fetchMissing());

applyStaticLabels();
render();
// The scenario is read and analysed while the map loads its style; its layers are applied once the map has loaded.
void openUrl(startUrl());
