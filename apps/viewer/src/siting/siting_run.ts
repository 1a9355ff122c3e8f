import { siteScenario, type LoadedScenario, type MipSolver } from '@firecover/core';
import type { SitingRequestOptions, SitingSite, SitingView } from './siting_types';

/**
 * Core's `siteScenario` (candidates on main and secondary roads checked against GB 51080-2015 §4.1.5,
 * the network cost matrix, the model solved exactly by the injected ILP solver, the MCLP curve, planned
 * versus optimal) reduced to what the panel shows. No DOM, no worker: tests call it in Node.
 */
export function runSiting(scenario: LoadedScenario, solver: MipSolver, o: SitingRequestOptions): SitingView {
  const t0 = performance.now();
  const r = siteScenario(scenario, { model: o.model, p: o.model === 'mclp' ? o.p : undefined, solver, candidateSpacingM: o.spacingM, curveMax: o.curveMax, timeLimitS: o.timeLimitS });
  const total = r.result.totalWeight;
  // rank: the p at which a chosen site first enters the curve (the curve's best single site is 1), then the rest in solver order
  const firstP = new Map<string, number>();
  for (const c of r.curve) for (const id of c.selectedIds) if (!firstP.has(id)) firstP.set(id, c.p);
  const chosen = r.chosen.map((f, i) => ({ f, i, p: firstP.get(f.id) ?? Infinity }));
  chosen.sort((a, b) => a.p - b.p || a.i - b.i);
  const sites: SitingSite[] = chosen.map((c, k) => ({ rank: k + 1, id: c.f.id, name: c.f.name, lon: c.f.lon, lat: c.f.lat }));
  const curve = r.curve.map((c) => ({ p: c.p, coveredShare: c.coveredShare, marginalShare: total > 0 ? c.marginalWeight / total : 0, selectedIds: c.selectedIds, optimal: c.optimal }));
  return {
    model: o.model,
    p: r.result.p,
    sites,
    curve,
    coveredShare: total > 0 ? r.result.coveredWeight / total : 0,
    optimal: r.result.optimal,
    gap: r.result.gap,
    solver: r.result.solver,
    timeS: r.result.timeS,
    elapsedS: (performance.now() - t0) / 1000,
    candidates: r.candidates.length,
    rejected: r.rejected.length,
    plannedRatio: r.plannedVsOptimal ? r.plannedVsOptimal.ratio : null,
    fixedIds: r.result.fixedIds,
  };
}
