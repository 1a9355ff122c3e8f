import type { FileSource } from '../load/file_source';
import type { FromSitingWorker, SitingRequestOptions, SitingView, ToSitingWorker } from './siting_types';

/** The scenario the page opened last (the siting worker loads it again, files from the same source). */
export const openedScenario: { text: string; fileName: string; source: FileSource } | { text: null } = { text: null };

export function rememberScenario(text: string, fileName: string, source: FileSource): void {
  Object.assign(openedScenario, { text, fileName, source });
}

/** Why a siting run ended without a result. */
export class SitingStopped extends Error {
  constructor(
    message: string,
    readonly messageZh?: string,
    readonly cancelled = false,
  ) {
    super(message);
  }
}

/**
 * Runs one siting in a fresh worker and answers its file requests; `cancel()` terminates it (a solve
 * cannot be interrupted otherwise: HiGHS runs synchronously inside the worker).
 */
export class SitingClient {
  private worker: Worker | null = null;
  private rejectRun: ((e: Error) => void) | null = null;

  get running(): boolean {
    return this.worker !== null;
  }

  run(options: SitingRequestOptions, onStage: (stage: string) => void): Promise<SitingView> {
    this.cancel();
    const opened = openedScenario;
    if (opened.text === null) return Promise.reject(new SitingStopped('no scenario opened', '尚未打开情景'));
    const { text, fileName, source } = opened as { text: string; fileName: string; source: FileSource };
    const w = new Worker(new URL('./siting_worker.ts', import.meta.url), { type: 'module', name: 'firecover-siting' });
    this.worker = w;
    return new Promise<SitingView>((resolve, reject) => {
      this.rejectRun = reject;
      const post = (m: ToSitingWorker, transfer: Transferable[] = []): void => w.postMessage(m, transfer);
      w.onmessage = (e: MessageEvent<FromSitingWorker>) => {
        const m = e.data;
        if (m.kind === 'readFile') {
          source.bytes(m.relPath).then(
            (bytes) => post({ kind: 'file', id: m.id, bytes }, [bytes.buffer]),
            (err: unknown) => post({ kind: 'fileError', id: m.id, message: err instanceof Error ? err.message : String(err) }),
          );
        } else if (m.kind === 'stage') onStage(m.stage);
        else {
          this.finish();
          if (m.kind === 'result') resolve(m.view);
          else reject(new SitingStopped(m.message, m.messageZh));
        }
      };
      w.onerror = (e) => {
        this.finish();
        reject(new SitingStopped(e.message || 'siting worker failed'));
      };
      post({ kind: 'run', scenarioText: text, fileName, options });
    });
  }

  cancel(): void {
    if (!this.worker) return;
    const reject = this.rejectRun;
    this.finish();
    reject?.(new SitingStopped('cancelled', '已取消', true));
  }

  private finish(): void {
    this.worker?.terminate();
    this.worker = null;
    this.rejectRun = null;
  }
}
