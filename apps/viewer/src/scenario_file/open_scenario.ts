import { tBoth, type Key } from '../i18n';
import type { FileSource } from '../load/file_source';
import type { RequestError } from '../worker/protocol';

/** A loading failure in English and Chinese (the page shows the one of its language). */
export function loadError(key: Key, vars: Record<string, string | number>): RequestError & Error {
  const m = tBoth(key, vars);
  return Object.assign(new Error(m.en), { messageZh: m.zh });
}

/** The text at a URL; a 404 is "not found" as such, other failures name the status. */
export async function fetchText(url: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw loadError('httpFailed', { url, status: e instanceof Error ? e.message : String(e) });
  }
  if (res.status === 404) throw loadError('notFound', { url, status: 404 });
  if (!res.ok) throw loadError('httpFailed', { url, status: res.status });
  return res.text();
}

/**
 * Files picked or dropped, and for what they lack the source of the scenario shown now: a saved scenario
 * opened on its own names the layers of the scenario it was saved from, by the same relative paths.
 */
export function withFallback(primary: FileSource, fallback: FileSource | null): FileSource {
  if (!fallback) return primary;
  return {
    label: primary.label,
    has: (rel) => primary.has?.(rel) === true || fallback.has?.(rel) === true,
    async bytes(rel) {
      if (primary.has ? primary.has(rel) : false) return primary.bytes(rel);
      try {
        return await primary.bytes(rel);
      } catch {
        return fallback.bytes(rel);
      }
    },
  };
}
