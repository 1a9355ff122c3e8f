import { encodeLayer } from '../normalize';
import type { AnalysisSession } from '../worker/analysis_session';
import type { Params, Result, WorkerRequestMap, YearMessage } from '../worker/protocol';
import { PlanService } from './plan_service';

/**
 * The analysis worker's answers to the plan requests (`plan`, `setYear`, `due`, `measure`), from one
 * `PlanService` per loaded scenario (made when first asked, from the session's loaded analysis).
 */
type PlanRequests = 'plan' | 'setYear' | 'due' | 'measure';
type Handlers = { [T in PlanRequests]: (params: Params<WorkerRequestMap, T>, transfer: Transferable[]) => Result<WorkerRequestMap, T> };

/** `replaced()` is told when a year's layers replace the map's: the next candidate result must send whole layers, not diffs. */
export function planHandlers(session: AnalysisSession, replaced: () => void = () => {}): Handlers {
  let service: PlanService | null = null;
  const need = (): PlanService => {
    const loaded = session.scenarioAnalysis;
    if (!loaded) throw new Error('no scenario loaded');
    if (!service || service.scenario !== loaded.scenario) service = new PlanService(loaded.scenario, loaded);
    return service;
  };
  return {
    plan: () => need().info(),
    setYear: (p, transfer): YearMessage => {
      const r = need().setYear(p.year);
      const t0 = performance.now();
      const layers: Record<string, Uint8Array> = {};
      for (const [name, fc] of Object.entries(r.layers)) {
        layers[name] = encodeLayer(fc);
        transfer.push(layers[name].buffer);
      }
      replaced();
      return { ...r, layers, layersMs: performance.now() - t0 };
    },
    due: (p) => need().due(p.lon, p.lat, 2, session.candidateStations()),
    measure: (p) => need().measure(p.from, p.to),
  };
}
