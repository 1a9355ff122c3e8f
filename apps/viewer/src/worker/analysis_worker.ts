import { loadScenario, type LoadedScenario } from '@firecover/core';
import { LayerSender } from '../live/layer_sender';
import { AnalysisSession, requestError, type SessionResult } from './analysis_session';
import { planHandlers } from '../plan/plan_worker';
import { nameStationsLayer } from '../plan/place_names';
import type { EventOf, FromWorker, PageRequestMap, Params, RequestOf, Result, ResultMessage, ToWorker, WorkerEventMap, WorkerRequestMap } from './protocol';

/**
 * The analysis worker: answers the page's requests (`WorkerRequestMap`) with an `AnalysisSession`, and
 * asks the page for the files a scenario names (`PageRequestMap`). Layers go back as transferred UTF-8
 * GeoJSON buffers. Requests are handled one at a time, so a click during a recompute waits its turn;
 * file answers are taken at once (a load waits for them).
 */

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const session = new AnalysisSession();
const sender = new LayerSender();
let nextId = 1;
const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
let queue: Promise<void> = Promise.resolve();
/** A scenario being read ahead of its `load` (`prefetch`). */
let prefetched: { url: string; text: Promise<string>; scenario: Promise<LoadedScenario> } | null = null;

function emit<T extends keyof WorkerEventMap>(type: T, params: WorkerEventMap[T], transfer: Transferable[] = []): void {
  scope.postMessage({ kind: 'event', type, params } as EventOf<WorkerEventMap>, transfer);
}

function readFile(relPath: string): Promise<Uint8Array> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const request: RequestOf<PageRequestMap> = { kind: 'request', id, type: 'readFile', params: { relPath } };
    scope.postMessage(request);
  });
}

/** The files of a scenario opened by URL, fetched here (the page's main thread is often busy drawing). */
function fetchRelative(baseUrl: string): (relPath: string) => Promise<Uint8Array> {
  return async (relPath) => {
    const url = new URL(relPath, baseUrl).href;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

/** Encodes the layers that changed since they were last sent (transferring their buffers). */
function pack(r: SessionResult, transfer: Transferable[], asDiffs = false): ResultMessage {
  const t0 = performance.now();
  // Unnamed OSM stations (node/…) are shown by their place (plan/place_names.ts).
  const loaded = session.scenarioAnalysis;
  if (loaded && r.layers.stations) nameStationsLayer(loaded.scenario, r.layers.stations as never);
  const packed = asDiffs ? sender.packDiffs(r.layers, transfer) : { layers: sender.pack(r.layers, transfer), diffs: undefined };
  const layers = packed.layers;
  const base = r.base ? sender.pack(r.base, transfer) : undefined;
  return { kind: r.kind, info: r.info, layers, base, summary: r.summary, baseSummary: r.baseSummary, candidates: r.candidates, computeMs: r.computeMs, buildMs: r.buildMs, diffs: packed.diffs, available: r.available, layersMs: performance.now() - t0 };
}

const handlers: { [T in keyof WorkerRequestMap]: (params: Params<WorkerRequestMap, T>, transfer: Transferable[]) => Promise<Result<WorkerRequestMap, T>> | Result<WorkerRequestMap, T> } = {
  load: async (p, transfer) => {
    sender.reset();
    // Layers sent ahead when the page takes them (nothing is shown yet): the background as it is read (and
    // again with the result, which the page skips), then the coverage layers while the water analysis runs
    // (packed by the one sender, so the result leaves them out).
    let info: ResultMessage['info'] | null = null;
    const onBase = (base: Record<string, unknown>, i: ResultMessage['info']) => {
      info = i;
      const t: Transferable[] = [];
      emit('base', { layers: new LayerSender().pack(base, t), info: i }, t);
    };
    const onCoverage = (layers: SessionResult['layers'], scenario: LoadedScenario) => {
      const t: Transferable[] = [];
      if (layers.stations) nameStationsLayer(scenario, layers.stations as never);
      if (info) emit('base', { layers: sender.pack(layers, t), info }, t);
    };
    const read = p.baseUrl ? fetchRelative(p.baseUrl) : readFile;
    // the scenario read ahead, if it is this one (a failed read ahead is redone here, and reported)
    const pre = prefetched;
    prefetched = null;
    const preloaded = pre && pre.url === p.fileName ? await pre.text.then((t) => (t === p.scenarioText ? pre.scenario : null)).catch(() => null) : null;
    const r = await session.load(p.scenarioText, p.fileName, read, (stage) => emit('progress', { stage }), p.visible, p.ahead ? onBase : undefined, p.ahead ? onCoverage : undefined, preloaded ?? undefined);
    return pack(r, transfer);
  },
  prefetch: (p) => {
    const text = fetch(p.url).then((res) => {
      if (!res.ok) throw new Error(`${p.url}: HTTP ${res.status}`);
      return res.text();
    });
    const scenario = text.then((t) => loadScenario(JSON.parse(t) as unknown, p.url, fetchRelative(p.url)));
    scenario.catch(() => {});
    prefetched = { url: p.url, text, scenario };
    return {};
  },
  comparison: () => session.comparison(),
  ...planHandlers(session, () => sender.reset()),
  setCandidates: (p, transfer) => pack(session.setCandidates(p.candidates, p.visible), transfer, true),
  layers: (p, transfer) => pack(session.layersOf(p.names), transfer),
  saveScenario: () => ({ text: session.saveScenario() }),
};

function handle<T extends keyof WorkerRequestMap>(type: T, id: number, params: Params<WorkerRequestMap, T>): Promise<void> {
  const transfer: Transferable[] = [];
  return Promise.resolve()
    .then(() => handlers[type](params, transfer))
    .then(
      (result) => scope.postMessage({ kind: 'response', id, type, result } as FromWorker, transfer),
      (e: unknown) => scope.postMessage({ kind: 'error', id, type, error: requestError(e) } as FromWorker),
    );
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m.kind === 'response' || m.kind === 'error') {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (!p) return;
    if (m.kind === 'response') p.resolve(m.result);
    else p.reject(new Error(m.error.message));
    return;
  }
  queue = queue.then(() => handle(m.type, m.id, m.params as never));
};
