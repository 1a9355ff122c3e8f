import type { CandidateInput } from './model';
import type { FileSource } from './load/file_source';
import type { FromWorker, ResultMessage, ToWorker } from './worker/protocol';
import type { ComparisonRow } from './model';

export interface WorkerHandlers {
  onResult(r: ResultMessage): void;
  onComparison(rows: ComparisonRow[]): void;
  onError(message: string, messageZh?: string, where?: string): void;
  onProgress(stage: string): void;
}

/** The page side of the analysis worker: sends commands, answers its file requests. */
export class WorkerClient {
  private worker: Worker | null = null;
  private source: FileSource | null = null;

  constructor(private readonly handlers: WorkerHandlers) {}

  private start(): Worker {
    this.worker?.terminate();
    const w = new Worker(new URL('./worker/analysis_worker.ts', import.meta.url), { type: 'module', name: 'firecover-analysis' });
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e) => this.handlers.onError(e.message || 'analysis worker failed to start');
    this.worker = w;
    return w;
  }

  private send(m: ToWorker, transfer: Transferable[] = []): void {
    this.worker?.postMessage(m, transfer);
  }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case 'readFile':
        this.readFile(m.reqId, m.relPath);
        break;
      case 'progress':
        this.handlers.onProgress(m.stage);
        break;
      case 'result':
        this.handlers.onResult(m);
        break;
      case 'comparison':
        this.handlers.onComparison(m.rows);
        break;
      case 'error':
        this.handlers.onError(m.message, m.messageZh, m.where);
        break;
    }
  }

  private readFile(reqId: number, relPath: string): void {
    if (!this.source) {
      this.send({ type: 'file', reqId, error: 'no scenario source' });
      return;
    }
    this.source.bytes(relPath).then(
      (bytes) => this.send({ type: 'file', reqId, bytes }, [bytes.buffer]),
      (e: unknown) => this.send({ type: 'file', reqId, error: e instanceof Error ? e.message : String(e) }),
    );
  }

  /** Loads a scenario in a fresh worker (a previous one is stopped). */
  load(scenarioText: string, fileName: string, source: FileSource): void {
    this.source = source;
    this.start();
    this.send({ type: 'load', scenarioText, fileName });
  }

  addCandidate(candidate: CandidateInput): void {
    this.send({ type: 'addCandidate', candidate });
  }

  removeCandidate(id: string): void {
    this.send({ type: 'removeCandidate', id });
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
