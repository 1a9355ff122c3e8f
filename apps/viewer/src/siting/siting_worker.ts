import loadHighs from 'highs';
import highsWasmUrl from 'highs/runtime?url';
import { highsMipSolver, isInputError, loadScenario, type HighsModule } from '@firecover/core';
import { runSiting } from './siting_run';
import type { FromSitingWorker, ToSitingWorker } from './siting_types';

/**
 * The siting worker: loads the scenario (files asked of the page), HiGHS compiled to WebAssembly (the
 * highs-js build the CLI uses, its .wasm shipped as an asset), runs `runSiting` and posts the result.
 * One run per worker: the page cancels by terminating it.
 */
interface Scope {
  postMessage(m: FromSitingWorker): void;
  onmessage: ((e: MessageEvent<ToSitingWorker>) => void) | null;
}
const scope = self as unknown as Scope;
let nextId = 1;
const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();

function readFile(relPath: string): Promise<Uint8Array> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    scope.postMessage({ kind: 'readFile', id, relPath });
  });
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m.kind === 'file' || m.kind === 'fileError') {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.kind === 'file') p?.resolve(m.bytes);
    else p?.reject(new Error(m.message));
    return;
  }
  void (async () => {
    try {
      scope.postMessage({ kind: 'stage', stage: 'loading' });
      const scenario = await loadScenario(JSON.parse(m.scenarioText) as unknown, m.fileName, readFile);
      scope.postMessage({ kind: 'stage', stage: 'solver' });
      const highs = await loadHighs({ locateFile: () => highsWasmUrl });
      scope.postMessage({ kind: 'stage', stage: 'solving' });
      const view = runSiting(scenario, highsMipSolver(highs as unknown as HighsModule), m.options);
      scope.postMessage({ kind: 'result', view });
    } catch (err) {
      const detailZh = isInputError(err) ? (err as Error & { detailZh?: string }).detailZh : undefined;
      scope.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err), messageZh: detailZh });
    }
  })();
};
