import type { FeatureCollection, Position } from 'geojson';
import { ANALYSIS_LAYERS, BASE_LAYERS, type ScenarioInfo } from '../model';
import { encodeLayer, normalizeLayer } from '../normalize';
import { RISK_AREA_LAYERS, withLabelPoints } from '../worker/risk_layers';
import type { FileSource } from './file_source';

/**
 * An `firecover analyze --out DIR` folder: summary.json and one .geojson per layer. Shown as it is
 * (no worker, no candidates): the layers are already computed.
 */
export async function loadAnalysisFolder(summaryText: string, source: FileSource): Promise<{ info: ScenarioInfo; summary: Record<string, unknown>; layers: Record<string, Uint8Array> }> {
  const raw = JSON.parse(summaryText) as Record<string, unknown>;
  const scenario = (raw.scenario ?? {}) as Record<string, unknown>;
  const analysis = (raw.analysis ?? scenario.analysis ?? {}) as Record<string, unknown>;
  const bandsS = (Array.isArray(raw.bandsS) ? raw.bandsS : Array.isArray(analysis.bandsS) ? analysis.bandsS : [180, 240, 300]) as number[];
  const name = String(scenario.name ?? raw.scenarioName ?? raw.name ?? source.label);
  const description = (scenario.description ?? raw.description) as string | undefined;
  const names = new Set<string>([...ANALYSIS_LAYERS, ...BASE_LAYERS]);
  if (Array.isArray(raw.layers)) for (const l of raw.layers) if (typeof l === 'string') names.add(l.replace(/\.geojson$/, ''));
  const layers: Record<string, Uint8Array> = {};
  const boxes: [number, number, number, number][] = [];
  await Promise.all(
    [...names].map(async (n) => {
      try {
        const bytes = await source.bytes(`${n}.geojson`);
        const fc = JSON.parse(new TextDecoder().decode(bytes)) as FeatureCollection;
        if (fc?.type !== 'FeatureCollection') return;
        const b = bboxOf(fc);
        if (b) boxes.push(b);
        // communities and townships get their label points as the worker adds them (worker/risk_layers.ts)
        layers[n] = encodeLayer(normalizeLayer(n, (RISK_AREA_LAYERS as readonly string[]).includes(n) ? withLabelPoints(fc) : fc, bandsS));
      } catch {
        // this layer is not in the folder
      }
    }),
  );
  if (Object.keys(layers).length === 0) throw new Error(`${source.label}: no layer files (*.geojson) next to summary.json`);
  const synthetic = /synthetic|not a real place/i.test(`${name} ${description ?? ''}`) || scenario.synthetic === true;
  const presetName = (raw.preset as { name?: { en: string; zh: string } } | undefined)?.name;
  const info: ScenarioInfo = {
    name,
    nameZh: scenario.nameZh as string | undefined,
    description,
    synthetic,
    provenance: String(scenario.provenance ?? raw.provenance ?? description ?? source.label),
    osm: Boolean(raw.osm ?? scenario.osm ?? false),
    bandsS,
    presetName,
    bbox: boxes.length ? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))] : undefined,
  };
  const coverage = (raw.coverage && typeof raw.coverage === 'object' ? raw.coverage : raw) as Record<string, unknown>;
  // summary.json's water part (figures, districts, total) is what the worker sends as `water` too.
  const summary = raw.water && typeof raw.water === 'object' ? { ...coverage, water: raw.water } : coverage;
  return { info, summary, layers };
}

/** [w, s, e, n] of a FeatureCollection, or null when empty. */
export function bboxOf(fc: FeatureCollection): [number, number, number, number] | null {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const p = c as Position;
      if (p[0] < b[0]) b[0] = p[0];
      if (p[1] < b[1]) b[1] = p[1];
      if (p[0] > b[2]) b[2] = p[0];
      if (p[1] > b[3]) b[3] = p[1];
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === 'GeometryCollection') for (const gg of g.geometries) visit((gg as { coordinates?: unknown }).coordinates);
    else visit(g.coordinates);
  }
  return Number.isFinite(b[0]) ? (b as [number, number, number, number]) : null;
}
