import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn, runCli, runCliProcess, SAMPLE_EDGES, SAMPLE_NODES, tempDir } from '../packages/cli/test/run_cli';

// What only a real process shows: the exit status the shell sees, that no stack trace reaches the
// terminal, relative paths against the process's working directory. Everything else runs in-process.
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('the bin as a child process', () => {
  it('bad input: exit status 2, the file named, no stack trace, no output file', async () => {
    const r = await runCliProcess(['reach', '--edges', join(tmp.dir, 'nope.csv'), '--from-node', '11', '--out', join(tmp.dir, 'out.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*nope\.csv.*file not found/);
    expect(r.stderr).not.toContain('    at ');
    expect(filesIn(tmp.dir)).toEqual([]);
  });

  it('relative input and output paths are taken from the working directory, the same in-process and as a process', async () => {
    const dir = join(tmp.dir, 'cwd');
    mkdirSync(join(dir, 'net'), { recursive: true });
    copyFileSync(SAMPLE_EDGES, join(dir, 'net', 'e.csv'));
    copyFileSync(SAMPLE_NODES, join(dir, 'net', 'n.csv'));
    const args = ['reach', '--edges', 'net/e.csv', '--nodes', 'net/n.csv', '--from-node', '11', '--budget', '3'];
    const p = await runCliProcess([...args, '--out', 'p/reach.csv'], { cwd: dir });
    const i = await runCli([...args, '--out', 'i/reach.csv'], { cwd: dir });
    expect(p.code, p.stderr).toBe(0);
    expect(i.code, i.stderr).toBe(0);
    const csv = readFileSync(join(dir, 'p', 'reach.csv'), 'utf8');
    expect(csv.startsWith('node,agg_cost,source\n')).toBe(true);
    expect(readFileSync(join(dir, 'i', 'reach.csv'), 'utf8')).toBe(csv);
  });
});
