import type { MipSolver } from '@firecover/core';

/** HiGHS (highs-js, WebAssembly) loaded in Node as a core `MipSolver`; loaded only when `site` runs. */
export async function loadHighsSolver(): Promise<MipSolver> {
  const [core, { default: loadHighs }] = await Promise.all([import('@firecover/core'), import('highs')]);
  const highs = await loadHighs();
  return core.highsMipSolver(highs as unknown as Parameters<typeof core.highsMipSolver>[0]);
}
