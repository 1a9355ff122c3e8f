import loadHighs from 'highs';
import { highsMipSolver, type HighsModule } from './highs_solver';
import type { MipSolver } from './solver';

let solver: Promise<MipSolver> | null = null;

/** HiGHS loaded once per test file (Node). */
export function testSolver(): Promise<MipSolver> {
  solver ??= loadHighs().then((h) => highsMipSolver(h as unknown as HighsModule));
  return solver;
}
