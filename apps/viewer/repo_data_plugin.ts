import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Serves the repository's `data/sample-city` folder to the page under `data/sample-city/…`:
 * from disk in `vite dev` / `vite preview`-less development, and copied into the build output by
 * `vite build`, so the embedded sample city opens with no server of our own.
 * Only data files are exposed (no generator scripts), and paths cannot climb out of the folder.
 */
const REPO_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
/** Real data beside the repository (../shared/data): served by the dev server at /shared-data/, never built in. */
const SHARED_DATA = path.resolve(REPO_DATA, '..', '..', 'shared', 'data');
const SERVED = ['sample-city'];
const EXTENSIONS = new Set(['.json', '.geojson', '.osm', '.pbf', '.csv', '.txt', '.md']);
const MIME: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv',
  '.osm': 'application/xml',
  '.pbf': 'application/octet-stream',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
};

/** Files kept out of the page: the sample city's list of planted defects (the answers a planner should find). */
const WITHHELD = new Set(['PLANTED.md']);

function servable(rel: string): string | null {
  const clean = path.posix.normalize(rel).replace(/^\/+/, '');
  if (WITHHELD.has(path.posix.basename(clean))) return null;
  if (clean.startsWith('..') || !SERVED.some((d) => clean.startsWith(`${d}/`))) return null;
  if (!EXTENSIONS.has(path.extname(clean).toLowerCase())) return null;
  const abs = path.join(REPO_DATA, clean);
  if (!abs.startsWith(REPO_DATA + path.sep)) return null;
  try {
    return statSync(abs).isFile() ? abs : null;
  } catch {
    return null;
  }
}

function listFiles(dir: string, rel = ''): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(path.join(dir, rel));
  } catch {
    return out;
  }
  for (const name of entries) {
    const r = rel ? `${rel}/${name}` : name;
    const st = statSync(path.join(dir, r));
    if (st.isDirectory()) out = out.concat(listFiles(dir, r));
    else if (EXTENSIONS.has(path.extname(name).toLowerCase()) && !WITHHELD.has(name)) out.push(r);
  }
  return out;
}

export function repoDataPlugin(): Plugin {
  return {
    name: 'firecover-repo-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0]);
        if (!url.startsWith('/shared-data/')) return next();
        const abs = path.resolve(SHARED_DATA, url.slice('/shared-data/'.length));
        let ok = false;
        try {
          ok = abs.startsWith(SHARED_DATA + path.sep) && statSync(abs).isFile();
        } catch {
          ok = false;
        }
        if (!ok) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', MIME[path.extname(abs).toLowerCase()] ?? 'application/octet-stream');
        createReadStream(abs).pipe(res);
      });
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        const m = /\/data\/(.+)$/.exec(decodeURIComponent(url));
        const abs = m ? servable(m[1]) : null;
        if (!abs) return next();
        res.setHeader('Content-Type', MIME[path.extname(abs).toLowerCase()] ?? 'application/octet-stream');
        createReadStream(abs).pipe(res);
      });
    },
    generateBundle() {
      for (const dir of SERVED) {
        for (const rel of listFiles(path.join(REPO_DATA, dir))) {
          this.emitFile({ type: 'asset', fileName: `data/${dir}/${rel}`, source: readFileSync(path.join(REPO_DATA, dir, rel)) });
        }
      }
    },
  };
}
