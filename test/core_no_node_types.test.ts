import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './shared_data';

// packages/core runs in a browser Web Worker too: its type check (packages/core/tsconfig.json) must see
// neither Node's globals nor the DOM. A dependency's @types package that pulls in @types/node would
// silently let `process.env` compile there; this probe fails when that happens.
const TSC = resolve(REPO_ROOT, 'node_modules', '.bin', 'tsc');
const dir = mkdtempSync(join(tmpdir(), 'firecover-core-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function coreCheck(probe: string): string {
  writeFileSync(join(dir, 'probe.ts'), probe);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: resolve(REPO_ROOT, 'packages/core/tsconfig.json'), include: [resolve(REPO_ROOT, 'packages/core/src'), join(dir, 'probe.ts')] }),
  );
  try {
    execFileSync(TSC, ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

describe("the library's type check excludes Node and the DOM", () => {
  it('the library alone type-checks', () => {
    expect(coreCheck('export const ok: number = 1;\n')).toBe('');
  });

  it('rejects process, Buffer, node: imports and DOM globals in core', () => {
    const out = coreCheck(
      [
        "import { readFileSync } from 'node:fs';",
        'export const a = process.env.HOME;',
        "export const b = Buffer.from('x');",
        'export const c = document.title;',
        'export const d = readFileSync;',
        '',
      ].join('\n'),
    );
    expect(out).toMatch(/probe\.ts\(1,\d+\): error TS\d+: Cannot find (module|name) 'node:fs'/);
    expect(out).toMatch(/probe\.ts\(2,\d+\): error TS\d+: Cannot find name 'process'/);
    expect(out).toMatch(/probe\.ts\(3,\d+\): error TS\d+: Cannot find name 'Buffer'/);
    expect(out).toMatch(/probe\.ts\(4,\d+\): error TS\d+: Cannot find name 'document'/);
    // and nothing outside the probe fails
    expect(out.split('\n').filter((l) => /error TS/.test(l) && !l.includes('probe.ts'))).toEqual([]);
  });
});
