import { dirname, resolve } from 'node:path';
import { parseStationSet, type LoadedScenario } from '@firecover/core';
import { resolvePath } from './cli_scope';
import { openInputStream, readInputBytes, readInputText, streamMinBytes } from './read_input';

/** A scenario read from disk, and every file it was read from (outputs may never overwrite them). */
export interface ReadScenario {
  scenario: LoadedScenario;
  /** The scenario file and each layer file it names (resolved beside it). */
  inputs: string[];
}

/**
 * Reads a scenario file and the layer files it names (paths relative to the scenario file). A missing or
 * unreadable file, text that is not UTF-8 or not JSON, and every problem `loadScenario` finds are
 * InputErrors naming the file (exit code 2). Shared by `analyze` and `hydrants`; core is loaded here, so
 * import this module only when a command runs.
 */
export async function readScenario(scenarioPath: string): Promise<ReadScenario> {
  const core = await import('@firecover/core');
  const text = await readInputText(scenarioPath);
  // The error names the line and column, never the text (a private file given by mistake stays private).
  const json = core.parseJsonText(text, scenarioPath, 'not valid JSON', '不是有效的 JSON');
  // JSON that is no scenario at all (another file named by mistake): say so, without listing its fields.
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !('network' in json || 'stations' in json)) {
    throw new core.InputError({ file: scenarioPath }, 'not a firecover scenario: a JSON object with "network" and "stations" is expected', '不是 firecover 场景文件：应为含 "network" 和 "stations" 的 JSON 对象');
  }
  const base = dirname(resolvePath(scenarioPath));
  const inputs: string[] = [scenarioPath];
  const scenario = await core.loadScenario(
    json,
    scenarioPath,
    async (rel) => {
      const p = resolve(base, rel);
      inputs.push(p);
      return readInputBytes(p);
    },
    // Large GeoJSON layers and networks are streamed, feature by feature.
    async (rel) => {
      const p = resolve(base, rel);
      const stream = await openInputStream(p);
      if (stream.size < streamMinBytes()) return undefined;
      inputs.push(p);
      return stream.chunks;
    },
  );
  // The same refusal as the network commands' (`requireRoads`): nothing to drive on, nothing to analyse.
  core.requireTravellableNetwork(scenario.network, scenarioPath);
  return { scenario, inputs };
}

/** Which stations are in service: `stationsInService(scenario, when)`. */
export type StationSet = number | 'planned' | 'all' | undefined;

/**
 * The `--stations existing|planned|all|YEAR` option (core's `parseStationSet`, the one reading the
 * viewer uses too): not given → the scenario's `analysis.year`, else existing. `analyze` and `hydrants`
 * pass the option to `analyzeScenario` directly; `due` reads it here.
 */
export function stationSetOption(value: string | undefined, scenario: LoadedScenario): StationSet {
  const choice = parseStationSet(value, scenario, '--stations');
  return choice === 'existing' ? undefined : choice;
}
