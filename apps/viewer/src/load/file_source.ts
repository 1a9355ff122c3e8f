/**
 * Where a scenario's files come from: URLs relative to the scenario file, or a folder the user picked
 * or dropped. Paths are the scenario's own relative paths ("roads.geojson", "layers/hydrants.geojson").
 */
export interface FileSource {
  /** Shown in messages and as provenance. */
  label: string;
  bytes(relPath: string): Promise<Uint8Array>;
  has?(relPath: string): boolean;
  /** Files are URLs relative to this one: the analysis worker fetches them itself (no round trip through the page). */
  baseUrl?: string;
}

export function urlSource(baseUrl: string): FileSource {
  return {
    label: baseUrl,
    baseUrl,
    async bytes(relPath) {
      const url = new URL(relPath, baseUrl).href;
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const part of p.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** Files from an <input webkitdirectory>, a multi-file pick or a drop, keyed by path inside the folder. */
export function filesSource(files: Map<string, File>, dir: string, label: string): FileSource {
  const key = (relPath: string) => normalise(dir ? `${dir}/${relPath}` : relPath);
  return {
    label,
    has: (relPath) => files.has(key(relPath)),
    async bytes(relPath) {
      const f = files.get(key(relPath)) ?? files.get(normalise(relPath.split('/').pop() ?? relPath));
      if (!f) throw new Error(`${relPath}: not among the opened files`);
      return new Uint8Array(await f.arrayBuffer());
    },
  };
}

/** Path of a picked file inside the picked folder (drops the folder's own name). */
export function pathInFolder(file: File & { webkitRelativePath?: string }, dropPath?: string): string {
  const p = normalise(dropPath ?? (file.webkitRelativePath || file.name));
  return p;
}

/** Collects the files of a drop, walking dropped folders. */
export async function droppedFiles(dt: DataTransfer): Promise<Map<string, File>> {
  const out = new Map<string, File>();
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(dt.items)) {
    const e = item.webkitGetAsEntry?.();
    if (e) entries.push(e);
  }
  if (entries.length === 0) {
    for (const f of Array.from(dt.files)) out.set(f.name, f);
    return out;
  }
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      out.set(normalise(`${prefix}${entry.name}`), file);
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}

/** Finds scenario.json (or any *.json with "network" and "stations") or summary.json among files; returns its folder. */
export async function findEntry(files: Map<string, File>): Promise<{ kind: 'scenario' | 'analysis'; path: string; dir: string } | null> {
  const paths = [...files.keys()].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  const dirOf = (p: string) => p.split('/').slice(0, -1).join('/');
  const named = paths.find((p) => p.endsWith('scenario.json'));
  if (named) return { kind: 'scenario', path: named, dir: dirOf(named) };
  for (const p of paths.filter((q) => q.endsWith('.json') && !q.endsWith('summary.json'))) {
    try {
      const j = JSON.parse(await files.get(p)!.text()) as Record<string, unknown>;
      if (j && typeof j === 'object' && 'network' in j && 'stations' in j) return { kind: 'scenario', path: p, dir: dirOf(p) };
    } catch {
      // not JSON: keep looking
    }
  }
  const summary = paths.find((p) => p.endsWith('summary.json'));
  if (summary) return { kind: 'analysis', path: summary, dir: dirOf(summary) };
  return null;
}
