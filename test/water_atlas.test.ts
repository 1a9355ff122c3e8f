import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeWater, InputError, loadScenario, type LoadedScenario, type WaterAnalysis } from '../packages/core/src/index';
import { REPO_ROOT } from './shared_data';

/**
 * The water-source atlas (消防水源"一张图"): the sample city's hydrants and other water sources in ONE layer
 * with unified ids and a kind column give the same water analysis as the two layers; a status table by
 * unified id (an inspection round) changes hydrants' 完好率 per district by exactly the hydrants it marks,
 * takes a damaged intake point out of use, and reports the ids the atlas does not have.
 */
const DIR = join(REPO_ROOT, 'data', 'sample-city');
const SCENARIO = JSON.parse(readFileSync(join(DIR, 'scenario.json'), 'utf8')) as Record<string, unknown>;
type Fc = { type: 'FeatureCollection'; features: { type: 'Feature'; properties: Record<string, string | number>; geometry: { type: string; coordinates: unknown } }[] };
const HYDRANTS = JSON.parse(readFileSync(join(DIR, 'hydrants.geojson'), 'utf8')) as Fc;
const WATER = JSON.parse(readFileSync(join(DIR, 'water_sources.geojson'), 'utf8')) as Fc;

/** The atlas: hydrants with kind 消火栓 (Chinese, as bureaus write it), the other sources with their own kinds, interleaved. */
function atlas(): Fc {
  const features: Fc['features'] = [];
  const h = HYDRANTS.features.map((f) => ({ ...f, properties: { ...f.properties, kind: '消火栓' } }));
  const w = WATER.features.map((f) => ({ ...f }));
  // Interleave so that feature indices of the parts differ from the atlas's.
  for (let i = 0; i < Math.max(h.length, w.length); i++) {
    if (i < w.length) features.push(w[i]);
    if (i < h.length) features.push(h[i]);
  }
  return { type: 'FeatureCollection', features };
}

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const gb18030Csv = (rows: string[][]) => new Uint8Array(iconv.encode(rows.map((r) => r.join(',')).join('\r\n'), 'gb18030'));

async function load(extra: Record<string, unknown>, files: Record<string, Uint8Array>, drop: string[] = []): Promise<LoadedScenario> {
  const file: Record<string, unknown> = { ...SCENARIO, ...extra };
  for (const k of drop) delete file[k];
  return loadScenario(file, 'city/scenario.json', async (rel) => files[rel] ?? new Uint8Array(readFileSync(join(DIR, rel))));
}

describe('water-source atlas', () => {
  let separate: WaterAnalysis;
  beforeAll(async () => {
    const s = await load({}, {});
    expect(s.file.hydrants, 'the sample city has separate layers').toBeDefined();
    separate = analyzeWater(s, { land: false });
  }, 60_000);

  it('one layer with unified ids gives the same water analysis as hydrants + waterSources', async () => {
    const s = await load({ waterAtlas: 'atlas.geojson' }, { 'atlas.geojson': enc(atlas()) }, ['hydrants', 'waterSources']);
    expect(s.features.hydrants.features.length).toBe(HYDRANTS.features.length);
    expect(s.features.waterSources.features.length).toBe(WATER.features.length);
    const a = analyzeWater(s, { land: false });
    expect(a.counts).toEqual(separate.counts);
    expect(a.table).toEqual(separate.table);
    expect(a.intake.sources.map((x) => x.id)).toEqual(separate.intake.sources.map((x) => x.id));
    expect(a.intake.noWaterKm).toBe(separate.intake.noWaterKm);
  }, 60_000);

  it('a status table by unified id changes 完好率 per district by the hydrants it marks, takes a damaged intake out, and reports unknown ids', async () => {
    // 40 working hydrants marked damaged, one intake point (W1, a suction point) damaged, two ids not in the atlas:
    // 43 rows after the header (rows 2–44), 41 applied.
    const marked = HYDRANTS.features.filter((h) => h.properties.status === 'working').filter((_, i) => i % 7 === 0).slice(0, 40).map((h) => String(h.properties.id));
    expect(marked.length).toBe(40);
    const rows = [['编号', '状态', '日期'], ...marked.map((id) => [id, '损坏', '2026-11-20']), ['W1', '损坏', '2026-11-20'], ['X404', '完好', '2026-11-20'], ['H00000', '损坏', '2026-11-21']];
    const s = await load({ waterAtlas: 'atlas.geojson', waterStatus: 'inspection.csv' }, { 'atlas.geojson': enc(atlas()), 'inspection.csv': gb18030Csv(rows) }, ['hydrants', 'waterSources']);
    const report = s.imports!.find((r) => r.layer === 'waterStatus')!;
    expect(report).toMatchObject({ read: 43, kept: 41, encoding: 'gb18030' });
    expect(report.dropped.map((d) => d.where)).toEqual(['row 43 (id X404)', 'row 44 (id H00000)']);
    const a = analyzeWater(s, { land: false });
    expect(a.counts.working).toBe(separate.counts.working - 40);
    expect(a.counts.damaged).toBe(separate.counts.damaged + 40);
    // Per district: each loses exactly the marked hydrants that count in it (the district the original analysis gave them).
    const districtOf = new Map(separate.hydrants.map((h) => [h.id, h]));
    const lost = new Map<string, number>();
    for (const id of marked) {
      const h = districtOf.get(id)!;
      if (!h.snap || !h.inArea) continue;
      const d = separate.districts.linkOwner[h.snap.link];
      const key = d >= 0 ? separate.districts.ids[d] : 'none';
      lost.set(key, (lost.get(key) ?? 0) + 1);
    }
    expect([...lost.values()].reduce((x, y) => x + y, 0)).toBeGreaterThan(30);
    for (const row of a.table) {
      const before = separate.table.find((r) => r.id === row.id)!;
      expect(row.working, row.id).toBe(before.working - (lost.get(row.id) ?? 0));
      expect(row.existing, row.id).toBe(before.existing);
      // 完好率 = working / existing (GB 50974 terms): recomputed, not carried over.
      if (row.existing > 0) expect(row.intactRate, row.id).toBeCloseTo(row.working / row.existing, 9);
    }
    // W1 is no longer an intake point; the other intake-kind sources still are.
    expect(separate.intake.sources.map((x) => x.id)).toContain('W1');
    expect(a.intake.sources.map((x) => x.id)).toEqual(separate.intake.sources.map((x) => x.id).filter((id) => id !== 'W1'));
  }, 60_000);

  it('an atlas feature without an id, or an id used twice across kinds, is an error naming the atlas feature', async () => {
    const noId = atlas();
    delete noId.features[5].properties.id;
    const e1 = await load({ waterAtlas: 'atlas.geojson' }, { 'atlas.geojson': enc(noId) }, ['hydrants', 'waterSources']).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(InputError);
    expect((e1 as InputError).message).toMatch(/atlas\.geojson \(feature 5\): every water source of an atlas needs an id/);
    const dup = atlas();
    // Feature 0 is W1 (a suction point), feature 1 the first hydrant: give the hydrant W1's id.
    dup.features[1].properties.id = dup.features[0].properties.id;
    const e2 = await load({ waterAtlas: 'atlas.geojson' }, { 'atlas.geojson': enc(dup) }, ['hydrants', 'waterSources']).catch((e: unknown) => e);
    expect((e2 as InputError).message).toMatch(/atlas\.geojson \(feature 1\): duplicate id "W1" \(also feature 0\)/);
    // A bad status on a hydrant is located at its index in the atlas, not in the hydrant part.
    const bad = atlas();
    bad.features[3].properties.status = 'kaput';
    const e3 = await load({ waterAtlas: 'atlas.geojson' }, { 'atlas.geojson': enc(bad) }, ['hydrants', 'waterSources']).catch((e: unknown) => e);
    expect(bad.features[3].properties.kind).toBe('消火栓');
    expect((e3 as InputError).message).toMatch(/atlas\.geojson \(feature 3\): status "kaput"/);
  }, 60_000);

  it('an atlas beside hydrants, or waterStatus without an atlas, is refused naming the field', async () => {
    const e1 = await load({ waterAtlas: 'atlas.geojson' }, { 'atlas.geojson': enc(atlas()) }).catch((e: unknown) => e);
    expect((e1 as InputError).message).toMatch(/hydrants: given with a water-source atlas/);
    const e2 = await load({ waterStatus: 'inspection.csv' }, { 'inspection.csv': gb18030Csv([['编号', '状态'], ['W1', '损坏']]) }).catch((e: unknown) => e);
    expect((e2 as InputError).message).toMatch(/waterStatus: needs a water-source atlas/);
  });
});
