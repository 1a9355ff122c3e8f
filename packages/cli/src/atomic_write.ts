import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '@firecover/core';
import { currentScope, resolvePath } from './cli_scope';

export interface OutputFile {
  /** Where the file goes (relative to the working directory or absolute). */
  path: string;
  data: string | Uint8Array;
}

export interface WriteOptions {
  /**
   * The output folder this run writes a set of files into (`analyze --out DIR`). Its manifest
   * `firecover_manifest.json` (written last) lists the files of the run; files the previous manifest
   * listed that this run does not write are removed with the commit, so an earlier run's files never
   * stay beside the new `summary.json` as if they belonged to it. Files firecover did not write (not
   * in the previous manifest) are never deleted.
   */
  setDir?: string;
  /** The command, recorded in the manifest. */
  command?: string;
}

/** The manifest of an output folder: what firecover wrote there last, and nothing else. */
export const MANIFEST = 'firecover_manifest.json';
const JOURNAL = '.journal.json';
const STAGE = '.firecover-stage.';

interface Journal {
  /** Absolute target directory. */
  dir: string;
  /** Names to move from the staging folder into `dir`, in order (the manifest, if any, last). */
  files: string[];
  /** Names of the previous set to remove from `dir` (not rewritten by this run). */
  remove: string[];
  /** A folder that did not exist: the staging folder is renamed to it whole. */
  whole: boolean;
}

interface Group {
  dir: string;
  stage: string;
  journal: Journal;
  files: { name: string; data: string | Uint8Array; path: string }[];
}

/** Staging folders of the writes under way in this process, removed on SIGINT/SIGTERM. */
const active = new Set<string>();
let handlersOn = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const s of active) rmSync(s, { recursive: true, force: true });
  active.clear();
  removeHandlers();
  // Die of the signal as if no handler had been installed (exit status 128 + n for the shell).
  process.kill(process.pid, signal);
}

function installHandlers(): void {
  if (handlersOn) return;
  handlersOn = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function removeHandlers(): void {
  if (!handlersOn) return;
  handlersOn = false;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

function writeError(path: string, e: NodeJS.ErrnoException): InputError {
  return new InputError({ file: path }, `cannot write the output (${e.code ?? e.message})`, `无法写入输出文件（${e.code ?? e.message}）`);
}

/** Test hook: `FIRECOVER_TEST_WRITE_DELAY_MS` slows staging (per file), `…_COMMIT_DELAY_MS` the commit (per rename). */
function delayMs(name: string): number {
  const v = Number(currentScope().env[name]);
  return Number.isFinite(v) && v > 0 ? v : 0;
}

function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The names the manifest in `dir` lists (none when there is no manifest or it is not firecover's). */
function previousSet(dir: string): string[] {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(m.files) ? m.files.filter((f): f is string => typeof f === 'string' && f === basename(f) && f !== MANIFEST) : [];
  } catch {
    return [];
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves a staged set into place. Synchronous, so no signal handler runs in the middle; a kill -9 in the
 * middle leaves the journal, and the next write to the folder (or `recoverOutputs`) finishes the move.
 * The old manifest goes first and the new one last: while the folder is between two sets it has none.
 */
function commit(stage: string, j: Journal): void {
  const pause = delayMs('FIRECOVER_TEST_COMMIT_DELAY_MS');
  if (j.whole && !existsSync(j.dir)) {
    // A new folder appears whole, in one rename. Killed between these two lines, the staging folder
    // has no journal and the next run removes it: the folder is then still absent, as it was.
    rmSync(join(stage, JOURNAL), { force: true });
    renameSync(stage, j.dir);
    return;
  }
  const manifestLast = j.files.includes(MANIFEST);
  if (manifestLast) rmSync(join(j.dir, MANIFEST), { force: true });
  for (const f of j.files) {
    if (f === MANIFEST) continue;
    if (existsSync(join(stage, f))) renameSync(join(stage, f), join(j.dir, f));
    sleepSync(pause);
  }
  for (const f of j.remove) rmSync(join(j.dir, f), { force: true });
  if (manifestLast && existsSync(join(stage, MANIFEST))) renameSync(join(stage, MANIFEST), join(j.dir, MANIFEST));
  rmSync(stage, { recursive: true, force: true });
}

/**
 * Where the staging folders for `dir` live: beside it (same file system, outside the output folder),
 * or, where the parent cannot be written (an output in one's home directory), inside it.
 */
function stageParent(dir: string): string {
  return dirname(dir);
}

/**
 * Finishes or removes what a killed firecover left for `dir`: a staging folder with a journal (killed
 * while moving files into place) is moved in; one without (killed while writing) is removed. Folders of
 * a firecover still running are left alone; with `includeThisProcess`, also this process's own (`batch`,
 * once it has stopped the worker threads that were writing them).
 */
export function recoverOutputs(dir: string, includeThisProcess = false): void {
  const abs = resolvePath(dir);
  const prefix = `${STAGE}${basename(abs)}.`;
  for (const parent of [stageParent(abs), abs]) {
    let names: string[];
    try {
      names = readdirSync(parent);
    } catch {
      continue;
    }
    for (const n of names) {
      if (!n.startsWith(prefix)) continue;
      const pid = Number(n.slice(prefix.length).split('.')[0]);
      if (!Number.isInteger(pid) || (pid === process.pid ? !includeThisProcess : pidAlive(pid))) continue;
      recoverStage(join(parent, n), abs);
    }
  }
}

/** A killed run's staging folder: moved in when its journal says the set was complete, else removed. */
function recoverStage(stage: string, abs: string): void {
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(readFileSync(join(stage, JOURNAL), 'utf8')) as Journal;
  } catch {
    journal = undefined;
  }
  if (journal && journal.dir === abs) commit(stage, journal);
  else rmSync(stage, { recursive: true, force: true });
}

/**
 * Writes several output files so that either all of them appear complete or none changes. Every file
 * is first written into a staging folder beside its target folder (same file system, so the moves are
 * renames; outside the output folder, so a killed run leaves nothing inside it). Only when the whole set
 * is staged is a journal written and the set moved in, synchronously. On a write error (a full disk)
 * or SIGINT/SIGTERM while staging, the staging folders are removed and the outputs keep their old
 * content; after a kill -9 the next write to the folder removes (while staging) or finishes (while
 * moving) what was left. Parent directories are created (for `--out DIR/file`). `inputs` are paths the
 * command read: writing over one is refused. See `WriteOptions.setDir` for output folders.
 */
export async function writeFilesAtomic(files: readonly OutputFile[], inputs: readonly string[] = [], options: WriteOptions = {}): Promise<void> {
  const inputSet = new Set(inputs.map((p) => resolvePath(p)));
  const seen = new Set<string>();
  for (const f of files) {
    const abs = resolvePath(f.path);
    if (inputSet.has(abs)) throw new InputError({ file: f.path }, 'refusing to overwrite an input file', '拒绝覆盖输入文件');
    if (seen.has(abs)) throw new InputError({ file: f.path }, 'the same file is named for two outputs', '两个输出指定了同一个文件');
    if (options.setDir !== undefined && basename(abs) === MANIFEST) throw new InputError({ file: f.path }, `${MANIFEST} is firecover's own record of the folder`, `${MANIFEST} 是 firecover 记录输出目录的文件`);
    seen.add(abs);
    const st = await stat(abs).catch(() => undefined);
    if (st?.isDirectory()) throw new InputError({ file: f.path }, 'is a directory; give a file name', '这是一个目录，请给出文件名');
  }
  if (files.length === 0) return;

  // One group per target folder.
  const setDir = options.setDir !== undefined ? resolvePath(options.setDir) : undefined;
  const groups = new Map<string, Group>();
  for (const f of files) {
    const final = resolvePath(f.path);
    const dir = dirname(final);
    let g = groups.get(dir);
    if (!g) {
      g = { dir, stage: '', journal: { dir, files: [], remove: [], whole: false }, files: [] };
      groups.set(dir, g);
    }
    g.files.push({ name: basename(final), data: f.data, path: f.path });
  }
  if (setDir !== undefined) {
    let g = groups.get(setDir);
    if (!g) {
      g = { dir: setDir, stage: '', journal: { dir: setDir, files: [], remove: [], whole: false }, files: [] };
      groups.set(setDir, g);
    }
    const names = g.files.map((f) => f.name).sort();
    const extra = (await currentScope().manifestExtra?.([...inputSet])) ?? {};
    const manifest = { firecover: 'output set', command: options.command ?? null, files: names, ...extra };
    g.files.push({ name: MANIFEST, data: `${JSON.stringify(manifest, null, 2)}\n`, path: join(options.setDir as string, MANIFEST) });
  }

  installHandlers();
  try {
    for (const g of groups.values()) {
      await mkdir(stageParent(g.dir), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
        throw new InputError({ file: g.files[0].path }, `cannot create the directory ${stageParent(g.dir)} (${e.code ?? e.message})`, `无法创建目录 ${stageParent(g.dir)}（${e.code ?? e.message}）`);
      });
      recoverOutputs(g.dir);
      g.journal.whole = !existsSync(g.dir);
      if (g.dir === setDir && !g.journal.whole) {
        const writing = new Set(g.files.map((f) => f.name));
        g.journal.remove = previousSet(g.dir).filter((n) => !writing.has(n));
      }
      const name = `${STAGE}${basename(g.dir)}.${process.pid}.${randomBytes(4).toString('hex')}`;
      g.stage = join(stageParent(g.dir), name);
      // A folder that is a mount point is on another file system than its parent: renames would fail.
      const [dirDev, parentDev] = await Promise.all([stat(g.dir).then((s) => s.dev, () => undefined), stat(stageParent(g.dir)).then((s) => s.dev, () => undefined)]);
      const sameFs = dirDev === undefined || dirDev === parentDev;
      const made = !sameFs ? false : await mkdir(g.stage).then(
        () => true,
        (e: NodeJS.ErrnoException) => {
          if (e.code !== 'EACCES' && e.code !== 'EPERM' && e.code !== 'EROFS') throw writeError(g.files[0].path, e);
          return false;
        },
      );
      if (!made) {
        // The parent is not ours to write: stage inside the output folder instead.
        g.journal.whole = false;
        g.stage = join(g.dir, name);
        await mkdir(g.dir, { recursive: true })
          .then(() => mkdir(g.stage))
          .catch((e: NodeJS.ErrnoException) => {
            throw writeError(g.files[0].path, e);
          });
      }
      active.add(g.stage);
    }
    const pause = delayMs('FIRECOVER_TEST_WRITE_DELAY_MS');
    for (const g of groups.values()) {
      for (const f of g.files) {
        await writeFile(join(g.stage, f.name), f.data, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
          throw writeError(f.path, e);
        });
        g.journal.files.push(f.name);
        if (pause > 0) await new Promise((r) => setTimeout(r, pause));
      }
    }
    // Everything is staged: from here on the set is only moved, never rewritten.
    for (const g of groups.values()) {
      try {
        writeFileSync(join(g.stage, `${JOURNAL}.tmp`), JSON.stringify(g.journal));
        renameSync(join(g.stage, `${JOURNAL}.tmp`), join(g.stage, JOURNAL));
      } catch (e) {
        throw writeError(g.files[0].path, e as NodeJS.ErrnoException);
      }
    }
  } catch (e) {
    for (const g of groups.values()) if (g.stage) rmSync(g.stage, { recursive: true, force: true });
    for (const g of groups.values()) active.delete(g.stage);
    if (active.size === 0) removeHandlers();
    throw e;
  }
  try {
    for (const g of groups.values()) {
      commit(g.stage, g.journal);
      currentScope().written.push(...g.files.map((f) => f.path));
    }
  } catch (e) {
    // A rename failed half-way (rare: permissions changed under us): the journal stays, and the next
    // write to the folder finishes the move.
    throw writeError(files[0].path, e as NodeJS.ErrnoException);
  } finally {
    for (const g of groups.values()) active.delete(g.stage);
    if (active.size === 0) removeHandlers();
  }
}
