import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { InputError } from '@firecover/core';
import { currentScope, resolvePath } from './cli_scope';

/** Largest input read, bytes: 1 GiB, or `FIRECOVER_MAX_INPUT_MB` megabytes (MiB). */
export function maxInputBytes(env: NodeJS.ProcessEnv = currentScope().env): number {
  const mb = Number(env.FIRECOVER_MAX_INPUT_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : 1024 * 1024 * 1024;
}

const KIND: Record<string, [string, string]> = {
  dir: ['a directory', '目录'],
  fifo: ['a named pipe (FIFO)', '命名管道（FIFO）'],
  char: ['a character device', '字符设备'],
  block: ['a block device', '块设备'],
  socket: ['a socket', '套接字'],
  other: ['not a regular file', '非普通文件'],
};

function notRegular(path: string, st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): InputError {
  const k = st.isDirectory() ? 'dir' : st.isFIFO() ? 'fifo' : st.isCharacterDevice() ? 'char' : st.isBlockDevice() ? 'block' : st.isSocket() ? 'socket' : 'other';
  const [en, zh] = KIND[k];
  if (k === 'dir') return new InputError({ file: path }, 'is a directory, not a file', '这是一个目录，不是文件');
  return new InputError({ file: path }, `is ${en}, not a regular file: give a file`, `是${zh}，不是普通文件：请给出一个文件`);
}

function tooBig(path: string, limit: number): InputError {
  const mb = (limit / 1024 / 1024).toFixed(0);
  return new InputError(
    { file: path },
    `is larger than the input limit of ${mb} MiB (raise it with FIRECOVER_MAX_INPUT_MB)`,
    `超过输入文件大小上限 ${mb} MiB（可用 FIRECOVER_MAX_INPUT_MB 调高）`,
  );
}

function readError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'ENOENT') return new InputError({ file: path }, 'file not found', '文件不存在');
  if (code === 'EISDIR') return new InputError({ file: path }, 'is a directory, not a file', '这是一个目录，不是文件');
  return new InputError({ file: path }, `cannot read the file (${code})`, `无法读取该文件（${code}）`);
}

/** Files at least this large show the progress of their reading: 16 MiB. */
export const READ_PROGRESS_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Files at least this large are streamed where a reader can take a stream (GeoJSON, OSM PBF): 64 MiB,
 * or `FIRECOVER_STREAM_MB` megabytes (MiB). Smaller ones are read whole, as always.
 */
export function streamMinBytes(env: NodeJS.ProcessEnv = currentScope().env): number {
  const mb = Number(env.FIRECOVER_STREAM_MB);
  return Number.isFinite(mb) && mb >= 0 ? Math.floor(mb * 1024 * 1024) : 64 * 1024 * 1024;
}

/** What a reader is told while it reads: every chunk, in order (to hash the file in the same pass). */
export interface ReadHooks {
  onChunk?: (chunk: Uint8Array) => void;
  /** No progress display of the reading (the caller shows its own). */
  noProgress?: boolean;
}

const STEP_BYTES = 8 * 1024 * 1024;

/** Opens an input for reading after the regular-file and size checks; returns the handle and its size. */
async function openInput(path: string): Promise<{ handle: FileHandle; size: number; limit: number }> {
  const abs = resolvePath(path);
  const limit = maxInputBytes();
  const before = await stat(abs).catch((e: unknown) => {
    throw readError(path, e);
  });
  if (!before.isFile()) throw notRegular(path, before);
  if (before.size > limit) throw tooBig(path, limit);
  // O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not hang.
  const handle = await open(abs, constants.O_RDONLY | constants.O_NONBLOCK).catch((e: unknown) => {
    throw readError(path, e);
  });
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw notRegular(path, st);
    return { handle, size: st.size, limit };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** The progress of reading a file of `size` bytes (nothing for small files or without a display). */
async function readProgress(path: string, size: number): Promise<((done: number) => void) & { stop(): void }> {
  const p = size >= READ_PROGRESS_MIN_BYTES ? await currentScope().readProgress?.(path) : undefined;
  const update = ((done: number) => p?.update(Math.min(1, done / size), { done, total: size })) as ((done: number) => void) & { stop(): void };
  update.stop = () => p?.stop();
  return update;
}

/**
 * Reads an input file whole, bounded. Only a regular file is read: a directory, a FIFO (which would
 * block), a device such as /dev/zero (which never ends) are refused before opening. A file over
 * `maxInputBytes` is refused, also when it grows while being read. Every failure is an InputError
 * naming the file and the problem (exit code 2, no stack trace), never its content. Inputs are only
 * ever read. Files of 16 MiB or more show the progress of their reading; `hooks.onChunk` sees
 * every chunk as it is read.
 */
export async function readInputBytes(path: string, hooks: ReadHooks = {}): Promise<Uint8Array> {
  const { handle, size, limit } = await openInput(path);
  const progress = await readProgress(path, hooks.noProgress ? 0 : size);
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    // One buffer of the file's size (+1 to see growth); more only if the file grows while read.
    let buf = new Uint8Array(Math.min(limit + 1, Math.max(64 * 1024, size + 1)));
    let at = 0;
    for (;;) {
      if (at === buf.length) {
        chunks.push(buf);
        buf = new Uint8Array(Math.min(limit + 1, Math.max(64 * 1024, size + 1)));
        at = 0;
      }
      const { bytesRead } = await handle.read(buf, at, Math.min(STEP_BYTES, buf.length - at), null).catch((e: unknown) => {
        throw readError(path, e);
      });
      if (bytesRead === 0) break;
      hooks.onChunk?.(buf.subarray(at, at + bytesRead));
      at += bytesRead;
      total += bytesRead;
      if (total > limit) throw tooBig(path, limit);
      progress(total);
    }
    let out: Uint8Array;
    if (chunks.length === 0) out = at === buf.length ? buf : buf.subarray(0, at);
    else {
      chunks.push(buf.subarray(0, at));
      out = new Uint8Array(total);
      let o = 0;
      for (const c of chunks) {
        out.set(c, o);
        o += c.length;
      }
    }
    // `firecover batch` records what each run read (its manifest's checksums).
    currentScope().onInputRead?.(resolvePath(path), out);
    return out;
  } finally {
    progress.stop();
    await handle.close();
  }
}

/** The first `n` bytes of an input (fewer if it is shorter), with the checks of `readInputBytes`. */
export async function readInputHead(path: string, n: number): Promise<Uint8Array> {
  const { handle } = await openInput(path);
  try {
    const buf = new Uint8Array(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0).catch((e: unknown) => {
      throw readError(path, e);
    });
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * An input file as a stream of chunks (1 MiB, each a fresh buffer) for the streaming readers, with
 * the checks of `readInputBytes` (regular file, size limit, also when it grows) and its progress.
 * The file is opened when iteration starts and closed when it ends, so it can be read more than once
 * (the OSM PBF reader reads twice).
 */
export async function openInputStream(path: string, hooks: ReadHooks = {}): Promise<{ size: number; chunks: AsyncIterable<Uint8Array> }> {
  const { handle, size } = await openInput(path);
  await handle.close();
  // The hooks see the first reading only: a second pass is not hashed twice.
  let first = true;
  const iterator = (): AsyncGenerator<Uint8Array> => {
    const h = first ? hooks : { noProgress: hooks.noProgress };
    first = false;
    return streamInput(path, h);
  };
  return { size, chunks: { [Symbol.asyncIterator]: iterator } };
}

async function* streamInput(path: string, hooks: ReadHooks): AsyncGenerator<Uint8Array> {
  const { handle, size, limit } = await openInput(path);
  const progress = await readProgress(path, hooks.noProgress ? 0 : size);
  try {
    let total = 0;
    for (;;) {
      const buf = new Uint8Array(1024 * 1024);
      const { bytesRead } = await handle.read(buf, 0, buf.length, null).catch((e: unknown) => {
        throw readError(path, e);
      });
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw tooBig(path, limit);
      const chunk = bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
      hooks.onChunk?.(chunk);
      progress(total);
      yield chunk;
    }
  } finally {
    progress.stop();
    await handle.close();
  }
}

/** Reads a UTF-8 text input (a leading byte-order mark is dropped); invalid UTF-8 is an InputError. */
export async function readInputText(path: string): Promise<string> {
  const bytes = await readInputBytes(path);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError({ file: path }, 'not UTF-8 text (save the file as UTF-8)', '不是 UTF-8 文本（请将文件另存为 UTF-8 编码）');
  }
}
