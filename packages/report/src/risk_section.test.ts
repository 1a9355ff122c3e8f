import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyzeScenario, loadScenario } from '@firecover/core';
import { riskSection } from './risk_section';

const dir = new URL('../../../data/sample-city/', import.meta.url);

describe('the report risk section (sample city with its risk block)', async () => {
  const json = JSON.parse(await readFile(new URL('scenario_risk.json', dir), 'utf8')) as unknown;
  const scenario = await loadScenario(json, 'scenario_risk.json', async (rel) => new Uint8Array(await readFile(new URL(rel, dir))));
  const risk = analyzeScenario(scenario, { water: false, compare: false }).risk;
  const name = (id: string) => scenario.stations.find((s) => s.id === id)!.nameZh!;

  it('one row per class with its clause and the local-choice mark, failing classes marked; the late sites listed in Chinese', () => {
    const sec = riskSection(risk, 'zh', name)!;
    expect(sec.id).toBe('risk');
    const table = sec.blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.rows.length).toBe(1 + 7);
    const highRise = table.rows.find((r) => r[0] === '高层建筑')!;
    expect(highRise.slice(1, 4)).toEqual(['3', '1', '0']);
    expect(highRise[8]).toMatch(/地方自定.*GB 51080-2015 §4\.1\.3-1/);
    // classes with a site not met: major hazard, high-rise, expressway (rows in HAZARD_CLASSES order)
    expect(table.failRows!.map((i) => table.rows[i][0])).toEqual(['重大危险源', '高层建筑', '高速公路']);
    const list = sec.blocks.find((b) => b.kind === 'list')!;
    if (list.kind !== 'list') throw new Error('no list');
    expect(list.items.length).toBe(4);
    expect(list.items[1]).toMatch(/^江南花园（高层建筑，举高 ≥ 30 m）：城中消防救援站 \d+\.\d 秒到场$/);
    const text = sec.blocks.filter((b) => b.kind === 'p').map((b) => (b.kind === 'p' ? b.text : '')).join('\n');
    expect(text).toMatch(/乡镇 3\/4/);
    expect(text).toMatch(/东风乡/);
  });

  it('nothing to show without a risk analysis', () => {
    expect(riskSection(null, 'en', name)).toBeNull();
  });
});
