import { readFile } from 'node:fs/promises';
import { InputError } from '@firecover/core';
import { resolvePath } from './cli_scope';

/**
 * Reads an input file whole. A missing, unreadable or directory path becomes an InputError naming it
 * (exit code 2, no stack trace). Inputs are only ever read.
 */
export async function readInputBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(resolvePath(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') throw new InputError({ file: path }, 'file not found', '文件不存在');
    if (code === 'EISDIR') throw new InputError({ file: path }, 'is a directory, not a file', '这是一个目录，不是文件');
    throw new InputError({ file: path }, `cannot read the file (${code})`, `无法读取该文件（${code}）`);
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
