import type { CandidateInput, ComparisonRow } from './model';
import type { FileSource } from './load/file_source';
import type { FromWorker, Params, RequestError, Result, ResultMessage, ToWorker, WorkerRequestMap } from './worker/protocol';

export interface WorkerHandlers {
  onResult(r: ResultMessage): void;
  onComparison(rows: ComparisonRow[]): void;
  onError(message: string, messageZh?: string, where?: string): void;
  onProgress(stage: string): void;
}

/** The page side of the analysis worker: typed requests (`WorkerRequestMap`), and answers to its file requests. */
export class WorkerClient {
  private worker: Worker | null = null;
  private source: FileSource | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: never) => void; reject: (e: RequestError) => void }>();

  constructor(private readonly handlers: WorkerHandlers) {}

  private start(): Worker {
    this.stop();
    const w = new Worker(new URL('./worker/analysis_worker.ts', import.meta.url), { type: 'module', name: 'firecover-analysis' });
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e) => this.handlers.onError(e.message || 'analysis worker failed to start');
    this.worker = w;
    return w;
  }

  private post(m: ToWorker, transfer: Transferable[] = []): void {
    this.worker?.postMessage(m, transfer);
  }

  /** Sends one request; resolves with its typed result, rejects with the worker's error. */
  request<T extends keyof WorkerRequestMap>(type: T, params: Params<WorkerRequestMap, T>): Promise<Result<WorkerRequestMap, T>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (r: never) => void, reject });
      this.post({ kind: 'request', id, type, params } as ToWorker);
    });
  }

  private receive(m: FromWorker): void {
    if (m.kind === 'event') {
      this.handlers.onProgress(m.params.stage);
      return;
    }
    if (m.kind === 'request') {
      this.readFile(m.id, m.params.relPath);
      return;
    }
    const w = this.waiting.get(m.id);
    this.waiting.delete(m.id);
    if (!w) return;
    if (m.kind === 'response') w.resolve(m.result as never);
    else w.reject(m.error);
  }

  private readFile(id: number, relPath: string): void {
    const fail = (message: string): void => this.post({ kind: 'error', id, type: 'readFile', error: { message } });
    if (!this.source) {
      fail('no scenario source');
      return;
    }
    this.source.bytes(relPath).then(
      (bytes) => this.post({ kind: 'response', id, type: 'readFile', result: bytes }, [bytes.buffer]),
      (e: unknown) => fail(e instanceof Error ? e.message : String(e)),
    );
  }

  private fail = (e: RequestError): void => this.handlers.onError(e.message, e.messageZh, e.where);

  /** Loads a scenario in a fresh worker (a previous one is stopped), then asks for the plan comparison. */
  load(scenarioText: string, fileName: string, source: FileSource): void {
    this.source = source;
    this.start();
    this.request('load', { scenarioText, fileName })
      .then((r) => {
        this.handlers.onResult(r);
        return this.request('comparison', {});
      })
      .then((rows) => this.handlers.onComparison(rows), this.fail);
  }

  addCandidate(candidate: CandidateInput): void {
    this.request('addCandidate', { candidate }).then((r) => this.handlers.onResult(r), this.fail);
  }

  removeCandidate(id: string): void {
    this.request('removeCandidate', { id }).then((r) => this.handlers.onResult(r), this.fail);
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    // Answers from a stopped worker never come: forget what was asked of it.
    this.waiting.clear();
  }
}
