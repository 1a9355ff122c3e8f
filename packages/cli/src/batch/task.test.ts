import { describe, expect, it } from 'vitest';
import { version } from '../version';
import { fingerprint } from './task';
import { createHash } from 'node:crypto';

describe('the fingerprint of a batch run', () => {
  const base = { scenario: '/data/counties/wuhou/scenario.json', outDir: '/data/results/wuhou', command: 'analyze' as const, args: ['--stations', '2030'], lang: 'en' as const };

  it('is the sha256 of the run definition: version, command, options, the scenario relative to the folder', () => {
    const definition = { firecover: version(), command: 'analyze', args: ['--stations', '2030'], scenario: '../../counties/wuhou/scenario.json', lang: null };
    expect(fingerprint(base)).toBe(createHash('sha256').update(JSON.stringify(definition)).digest('hex'));
  });

  it('changes with the options, the command or the scenario; not with the language, except for report', () => {
    const f = fingerprint(base);
    expect(fingerprint({ ...base, args: ['--stations', '2035'] })).not.toBe(f);
    expect(fingerprint({ ...base, args: [] })).not.toBe(f);
    expect(fingerprint({ ...base, command: 'hydrants' })).not.toBe(f);
    expect(fingerprint({ ...base, scenario: '/data/counties/wuhou/scenario-2.json' })).not.toBe(f);
    expect(fingerprint({ ...base, lang: 'zh' })).toBe(f);
    expect(fingerprint({ ...base, command: 'report', lang: 'zh' })).not.toBe(fingerprint({ ...base, command: 'report' }));
    // inputs and outputs moved together: the same definition
    expect(fingerprint({ ...base, scenario: '/mnt/x/counties/wuhou/scenario.json', outDir: '/mnt/x/results/wuhou' })).toBe(f);
  });
});
