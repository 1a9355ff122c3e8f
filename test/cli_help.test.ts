import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_DIR, runCli, runCliProcess } from '../packages/cli/test/run_cli';

const COMMANDS = ['reach', 'info', 'export-graph'];

describe('help, version and language', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists every command, in English by default', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('Usage:');
    expect(r.stdout).toContain('Exit codes');
  });

  for (const c of COMMANDS) {
    it(`${c} --help in English and Chinese, with examples`, async () => {
      const en = await runCli([c, '--help']);
      expect(en.code).toBe(0);
      expect(en.stdout).toContain(`firecover ${c}`);
      expect(en.stdout).toContain('Examples:');
      expect(en.stdout).toContain('--osm <file>');
      expect(en.stdout).toContain('--lang');
      const zh = await runCli([c, '--help', '--lang', 'zh']);
      expect(zh.code).toBe(0);
      expect(zh.stdout).toContain('用法：');
      expect(zh.stdout).toContain('示例：');
      expect(zh.stdout).toContain('道路网络');
    });
  }

  it('the language follows FIRECOVER_LANG, then LANG; --lang wins over both', async () => {
    expect((await runCli(['--help'], { env: { LANG: 'zh_CN.UTF-8' } })).stdout).toContain('用法：');
    expect((await runCli(['--help'], { env: { LANG: 'zh_CN.UTF-8', FIRECOVER_LANG: 'en' } })).stdout).toContain('Usage:');
    expect((await runCli(['--help'], { env: { FIRECOVER_LANG: 'zh' } })).stdout).toContain('用法：');
    expect((await runCli(['--help', '--lang', 'en'], { env: { FIRECOVER_LANG: 'zh' } })).stdout).toContain('Usage:');
    expect((await runCli(['--help', '--lang=zh'])).stdout).toContain('用法：');
  });

  it('the bin runs from any working directory (a child process)', async () => {
    const r = await runCliProcess(['--version'], { cwd: '/' });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('the bin prints the help (a child process)', async () => {
    const r = await runCliProcess(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c);
  });
});
