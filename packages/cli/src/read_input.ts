import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
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

/**
 * Reads an input file whole, bounded. Only a regular file is read: a directory, a FIFO (which would
 * block), a device such as /dev/zero (which never ends) are refused before opening. A file over
 * `maxInputBytes` is refused, also when it grows while being read. Every failure is an InputError
 * naming the file and the problem (exit code 2, no stack trace), never its content. Inputs are only
 * ever read.
 */
export async function readInputBytes(path: string): Promise<Uint8Array> {
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
    const chunks: Uint8Array[] = [];
    let total = 0;
    const chunkBytes = Math.min(limit + 1, Math.max(64 * 1024, st.size + 1));
    for (;;) {
      const buf = new Uint8Array(chunkBytes);
      const { bytesRead } = await handle.read(buf, 0, buf.length, null).catch((e: unknown) => {
        throw readError(path, e);
      });
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw tooBig(path, limit);
      chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
    }
    const out = chunks.length === 1 ? chunks[0] : new Uint8Array(total);
    if (chunks.length !== 1) {
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
    }
    // `firecover batch` records what each run read (its manifest's checksums).
    currentScope().onInputRead?.(abs, out);
    return out;
  } finally {
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
