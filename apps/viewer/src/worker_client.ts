import type { ComparisonRow, ScenarioInfo } from './model';
import type { FileSource } from './load/file_source';
import type { FromWorker, Params, RequestError, Result, ResultMessage, ToWorker, WorkerRequestMap } from './worker/protocol';

export interface WorkerHandlers {
  onResult(r: ResultMessage): void;
  onComparison(rows: ComparisonRow[]): void;
  onError(message: string, messageZh?: string, where?: string): void;
  onProgress(stage: string): void;
  /** Background layers of a scenario being loaded, before its analysis (`current`: no scenario is shown yet). */
  onBase?(layers: Record<string, Uint8Array>, info: ScenarioInfo): void;
}

/** The worker started by `startAnalysisWorker`, taken by the first `WorkerClient`. */
let started: Worker | null = null;

/**
 * Starts the analysis worker before anything else on the page, and has it read the scenario at `url`
 * meanwhile (`prefetch`; the page's own `load` of that URL takes it over). Call once, first thing.
 */
export function startAnalysisWorker(url?: string): void {
  started = WorkerClient.start();
  if (url) started.postMessage({ kind: 'request', id: 0, type: 'prefetch', params: { url } } satisfies ToWorker);
}

/**
 * The page side of the analysis worker: typed requests (`WorkerRequestMap`), and answers to its file
 * requests. A scenario loads in a new worker while the current one keeps serving: the current scenario
 * stays until the new one has loaded, and stays when it fails.
 */
export class WorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: never) => void; reject: (e: RequestError) => void }>();

  /** A worker started ahead (its module loaded and compiled while the map starts), taken by the next load. */
  private spare: Worker | null = null;

  constructor(private readonly handlers: WorkerHandlers) {
    this.spare = started ?? WorkerClient.start();
    started = null;
  }

  static start(): Worker {
    return new Worker(new URL('./worker/analysis_worker.ts', import.meta.url), { type: 'module', name: 'firecover-analysis' });
  }

  private spawn(source: FileSource): Worker {
    const w = this.spare ?? WorkerClient.start();
    this.spare = null;
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(w, source, e.data);
    w.onerror = (e) => this.handlers.onError(e.message || 'analysis worker failed to start');
    return w;
  }

  private post(w: Worker | null, m: ToWorker, transfer: Transferable[] = []): void {
    w?.postMessage(m, transfer);
  }

  /** Sends one request to the current worker; resolves with its typed result, rejects with the worker's error. */
  request<T extends keyof WorkerRequestMap>(type: T, params: Params<WorkerRequestMap, T>): Promise<Result<WorkerRequestMap, T>> {
    return this.requestOn(this.worker, type, params);
  }

  private requestOn<T extends keyof WorkerRequestMap>(w: Worker | null, type: T, params: Params<WorkerRequestMap, T>): Promise<Result<WorkerRequestMap, T>> {
    if (!w) return Promise.reject({ message: 'no scenario loaded', messageZh: '尚未加载情景' } satisfies RequestError);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (r: never) => void, reject });
      this.post(w, { kind: 'request', id, type, params } as ToWorker);
    });
  }

  private receive(w: Worker, source: FileSource, m: FromWorker): void {
    if (m.kind === 'event') {
      if (m.type === 'base') this.handlers.onBase?.(m.params.layers, m.params.info);
      else this.handlers.onProgress(m.params.stage);
      return;
    }
    if (m.kind === 'request') {
      this.readFile(w, source, m.id, m.params.relPath);
      return;
    }
    const waiter = this.waiting.get(m.id);
    this.waiting.delete(m.id);
    if (!waiter) return;
    if (m.kind === 'response') waiter.resolve(m.result as never);
    else waiter.reject(m.error);
  }

  private readFile(w: Worker, source: FileSource, id: number, relPath: string): void {
    const fail = (message: string): void => this.post(w, { kind: 'error', id, type: 'readFile', error: { message } });
    source.bytes(relPath).then(
      (bytes) => this.post(w, { kind: 'response', id, type: 'readFile', result: bytes }, [bytes.buffer]),
      (e: unknown) => fail(e instanceof Error ? e.message : String(e)),
    );
  }

  private fail = (e: RequestError): void => this.handlers.onError(e.message, e.messageZh, e.where);

  /**
   * Loads a scenario in a new worker; on success it replaces the current one, on failure it is dropped and
   * the current scenario stays. `visible`: the sources to send now; `ahead`: the page takes layers ahead
   * of the result (`onBase`: nothing is shown yet).
   */
  load(scenarioText: string, fileName: string, source: FileSource, visible?: string[], ahead = false): void {
    const w = this.spawn(source);
    this.requestOn(w, 'load', { scenarioText, fileName, visible, baseUrl: source.baseUrl, ahead })
      .then(
        (r) => {
          this.worker?.terminate();
          this.worker = w;
          this.handlers.onResult(r);
        },
        (e: RequestError) => {
          w.terminate();
          throw e;
        },
      )
      .catch(this.fail);
  }

  /**
   * Asks the current worker for the plan's station sets side by side (several analyses: the page asks once
   * its first picture is drawn, so they do not compete with it for the machine's cores).
   */
  comparison(): void {
    const w = this.worker;
    this.requestOn(w, 'comparison', {})
      .then((rows) => {
        if (this.worker === w) this.handlers.onComparison(rows);
      })
      .catch(this.fail);
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
