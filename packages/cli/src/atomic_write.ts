import { randomBytes } from 'node:crypto';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { InputError } from '@firecover/core';
import { resolvePath } from './cli_scope';

export interface OutputFile {
  /** Where the file goes (relative to the working directory or absolute). */
  path: string;
  data: string | Uint8Array;
}

/**
 * Writes several output files so that either all of them appear complete or none changes: each is
 * first written to a temporary file in its own directory (same file system, so the rename is atomic),
 * and only when every temporary file is written are they renamed into place. On any failure the
 * temporary files are removed and existing files keep their old content. Parent directories are
 * created (for `--out DIR/file`). `inputs` are paths the command read: writing over one is refused.
 */
export async function writeFilesAtomic(files: readonly OutputFile[], inputs: readonly string[] = []): Promise<void> {
  const inputSet = new Set(inputs.map((p) => resolvePath(p)));
  const seen = new Set<string>();
  for (const f of files) {
    const abs = resolvePath(f.path);
    if (inputSet.has(abs)) throw new InputError({ file: f.path }, 'refusing to overwrite an input file', '拒绝覆盖输入文件');
    if (seen.has(abs)) throw new InputError({ file: f.path }, 'the same file is named for two outputs', '两个输出指定了同一个文件');
    seen.add(abs);
    const st = await stat(abs).catch(() => undefined);
    if (st?.isDirectory()) throw new InputError({ file: f.path }, 'is a directory; give a file name', '这是一个目录，请给出文件名');
  }

  const temps: { tmp: string; path: string; final: string }[] = [];
  try {
    for (const f of files) {
      const final = resolvePath(f.path);
      const dir = dirname(final);
      await mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
        throw new InputError({ file: f.path }, `cannot create the directory ${dir} (${e.code ?? e.message})`, `无法创建目录 ${dir}（${e.code ?? e.message}）`);
      });
      const tmp = resolve(dir, `.${basename(final)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      temps.push({ tmp, path: f.path, final });
      await writeFile(tmp, f.data, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
        throw new InputError({ file: f.path }, `cannot write the output (${e.code ?? e.message})`, `无法写入输出文件（${e.code ?? e.message}）`);
      });
    }
    for (const t of temps) {
      await rename(t.tmp, t.final).catch((e: NodeJS.ErrnoException) => {
        throw new InputError({ file: t.path }, `cannot write the output (${e.code ?? e.message})`, `无法写入输出文件（${e.code ?? e.message}）`);
      });
    }
  } catch (e) {
    await Promise.all(temps.map((t) => unlink(t.tmp).catch(() => undefined)));
    throw e;
  }
}

/** One output file, atomically (see `writeFilesAtomic`). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, inputs: readonly string[] = []): Promise<void> {
  await writeFilesAtomic([{ path, data }], inputs);
}
