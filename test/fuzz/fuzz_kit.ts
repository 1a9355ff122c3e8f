import vm from 'node:vm';
import fc from 'fast-check';
import { vi } from 'vitest';
import { InputError, type RoadNetwork } from '../../packages/core/src/index';
import { concatBytes } from '../../packages/core/src/io/concat_bytes';

/**
 * Shared pieces of the importer fuzz tests (test/fuzz/*.test.ts): seeded run parameters, byte and
 * line mutations of valid inputs, a hard time limit per case, and the property every importer must
 * keep — it returns a valid result or throws an InputError naming the file, nothing else.
 *
 * Runs are reproducible: the seed is printed; set FIRECOVER_FUZZ_SEED to replay it and
 * FIRECOVER_FUZZ_RUNS to a number of runs per property (default: each test's own, sized so the whole
 * suite stays within about a minute on two cores), e.g. `FIRECOVER_FUZZ_RUNS=5000 pnpm vitest run test/fuzz`.
 */

// A long session (FIRECOVER_FUZZ_RUNS) may take far longer than the suite's default test timeout.
vi.setConfig({ testTimeout: process.env.FIRECOVER_FUZZ_RUNS ? 6 * 3600_000 : 120_000 });

/** Seed and run count for one property: FIRECOVER_FUZZ_SEED / FIRECOVER_FUZZ_RUNS, else a fresh seed and `defaultRuns`. */
export function fuzzParams(name: string, defaultRuns: number): fc.Parameters<unknown> {
  const envSeed = Number(process.env.FIRECOVER_FUZZ_SEED);
  const seed = Number.isInteger(envSeed) && process.env.FIRECOVER_FUZZ_SEED !== '' ? envSeed : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const envRuns = Number(process.env.FIRECOVER_FUZZ_RUNS);
  const numRuns = Number.isInteger(envRuns) && envRuns > 0 ? envRuns : defaultRuns;
  console.log(`fuzz ${name}: seed ${seed}, ${numRuns} runs (replay: FIRECOVER_FUZZ_SEED=${seed})`);
  return { seed, numRuns, endOnFailure: true };
}

/** Milliseconds one case may take (FIRECOVER_FUZZ_CASE_MS, default 5000): small inputs, so anything near it is a hang. */
export const CASE_LIMIT_MS = Number(process.env.FIRECOVER_FUZZ_CASE_MS) > 0 ? Number(process.env.FIRECOVER_FUZZ_CASE_MS) : 5000;

/**
 * Runs synchronous `f` with a hard time limit: V8 terminates the script (and whatever it calls) after
 * `ms`, which a timer in the same thread could never do for a loop that does not yield.
 */
export function withTimeLimit<T>(f: () => T, ms = CASE_LIMIT_MS): T {
  const g = globalThis as { __fuzzCase?: () => T };
  g.__fuzzCase = f;
  try {
    return vm.runInThisContext('globalThis.__fuzzCase()', { timeout: ms }) as T;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new Error(`hang: the case ran for more than ${ms} ms`);
    throw e;
  } finally {
    g.__fuzzCase = undefined;
  }
}

/**
 * The property: `f` (a synchronous import) returns, and `check` accepts the result, or it throws an
 * InputError whose place names `file`. Any other exception, or an InputError about another file, fails.
 * Returns 'ok' or 'refused' so a test can see both outcomes occurred.
 */
export function cleanOutcome<T>(f: () => T, file: string | readonly string[], check: (r: T) => void = () => {}): 'ok' | 'refused' {
  let r: T;
  try {
    r = withTimeLimit(f);
  } catch (e) {
    expectLocatedInputError(e, file);
    return 'refused';
  }
  check(r);
  return 'ok';
}

/** The async form of `cleanOutcome` (readLayer reads its files through a promise); no hard time limit, the test's own applies. */
export async function cleanOutcomeAsync<T>(f: () => Promise<T>, file: string | readonly string[], check: (r: T) => void = () => {}): Promise<'ok' | 'refused'> {
  let r: T;
  const t0 = performance.now();
  try {
    r = await f();
  } catch (e) {
    expectLocatedInputError(e, file);
    checkTime(t0);
    return 'refused';
  }
  checkTime(t0);
  check(r);
  return 'ok';
}

function checkTime(t0: number): void {
  const ms = performance.now() - t0;
  if (ms > CASE_LIMIT_MS) throw new Error(`too slow: the case took ${ms.toFixed(0)} ms (limit ${CASE_LIMIT_MS} ms)`);
}

/** Fails unless `e` is an InputError naming one of `files`, with an English and a Chinese message. */
export function expectLocatedInputError(e: unknown, file: string | readonly string[]): void {
  if (!(e instanceof InputError)) {
    const err = e instanceof Error ? e : new Error(String(e));
    throw new Error(`not an InputError but ${err.name}: ${err.message}\n${err.stack ?? ''}`);
  }
  const files = typeof file === 'string' ? [file] : file;
  if (!files.includes(e.where.file)) {
    throw new Error(`InputError names "${e.where.file}", not ${files.join(' / ')}: ${e.message}`);
  }
  if (e.detail.trim() === '') throw new Error('InputError without a detail');
}

/** Network invariants the searches rely on: CSR offsets monotone and in range, costs not NaN and ≥ 0, coordinates in range. */
export function checkNetwork(net: RoadNetwork): void {
  const fail = (what: string): never => {
    throw new Error(`invalid network: ${what}`);
  };
  const n = net.nodeCount;
  const L = net.linkCount;
  if (!(Number.isInteger(n) && n >= 0 && Number.isInteger(L) && L >= 0)) fail('counts');
  for (const k of ['nodeId', 'nodeLon', 'nodeLat'] as const) if (net[k].length !== n) fail(`${k} length`);
  for (const k of ['linkId', 'linkSource', 'linkTarget', 'linkLengthM', 'linkForwardS', 'linkBackwardS', 'linkClass', 'linkFlags', 'linkName', 'linkNameZh'] as const) {
    if (net[k].length !== L) fail(`${k} length`);
  }
  if (net.arcOffset.length !== n + 1 || net.arcOffset[0] !== 0 || net.arcOffset[n] !== net.arcHead.length) fail('arcOffset ends');
  for (let i = 0; i < n; i++) if (net.arcOffset[i + 1] < net.arcOffset[i]) fail(`arcOffset not monotone at ${i}`);
  if (net.arcHead.length !== 2 * L || net.arcLink.length !== 2 * L || net.arcCostS.length !== 2 * L) fail('arc counts');
  for (let a = 0; a < 2 * L; a++) {
    if (net.arcHead[a] >= n) fail(`arcHead ${a}`);
    if (net.arcLink[a] >>> 1 >= L) fail(`arcLink ${a}`);
    const c = net.arcCostS[a];
    if (!(c >= 0)) fail(`arc ${a} cost ${c}`);
  }
  for (let l = 0; l < L; l++) {
    if (net.linkSource[l] >= n || net.linkTarget[l] >= n) fail(`link ${l} ends`);
    if (!(net.linkForwardS[l] >= 0) || !(net.linkBackwardS[l] >= 0)) fail(`link ${l} cost`);
    if (!(net.linkLengthM[l] >= 0) || net.linkLengthM[l] === Infinity) fail(`link ${l} length ${net.linkLengthM[l]}`);
    if (net.linkName[l] >= net.names.length || net.linkNameZh[l] >= net.names.length) fail(`link ${l} name`);
    if (net.geomOffset[l + 1] < net.geomOffset[l] + 2) fail(`link ${l} geometry`);
  }
  if (net.geomOffset[0] !== 0 || net.geomOffset[L] !== net.geomLon.length || net.geomLat.length !== net.geomLon.length) fail('geometry offsets');
  for (let i = 0; i < n; i++) {
    if (!(Math.abs(net.nodeLat[i]) <= 90 && Math.abs(net.nodeLon[i]) <= 180)) fail(`node ${i} at (${net.nodeLon[i]}, ${net.nodeLat[i]})`);
  }
  for (let i = 0; i < net.geomLon.length; i++) {
    if (!(Math.abs(net.geomLat[i]) <= 90 && Math.abs(net.geomLon[i]) <= 180)) fail(`shape point ${i} at (${net.geomLon[i]}, ${net.geomLat[i]})`);
  }
}

/** GeoJSON features with finite coordinates in range (for layers already brought to WGS84). */
export function checkWgs84Features(fcol: { features: readonly unknown[] }): void {
  const walk = (c: unknown, depth = 0): void => {
    if (!Array.isArray(c)) return;
    if (depth > 3) throw new Error('coordinates nested deeper than a MultiPolygon');
    if (typeof c[0] === 'number') {
      const [lon, lat] = c as number[];
      if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) throw new Error(`position (${lon}, ${lat}) out of range`);
      return;
    }
    for (const p of c) walk(p, depth + 1);
  };
  for (const f of fcol.features) walk((f as { geometry?: { coordinates?: unknown } } | null)?.geometry?.coordinates);
}

const enc = new TextEncoder();

/** Byte strings that break parsers: numbers out of range, non-numbers, separators, quotes, NULs, BOMs, deep nesting. */
const NASTY: readonly Uint8Array[] = [
  'NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '1e-400', '-0', '99999999999999999999999', '4294967296', '-2147483649', '9007199254740993',
  '0x1F', '1,5', '"', '""', '"""', ',', ';', '\t', '\n', '\r', '\r\n', '\u0000', '\uFEFF', '\uFFFD', '{', '}', '[', ']', ':', 'null', 'true',
  '{"a":', '[[[[[[[[', '<', '>', '</', '<!--', ']]>', '&amp;', '&#0;', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '=1+1', '@SUM(A1)', '经度', '\u00e9',
].map((s) => enc.encode(s));

/** A deep bracket run (nesting attack on recursive parsers and walkers). */
const deep = (open: string, n: number): Uint8Array => enc.encode(open.repeat(n));

/** One mutation of a byte array. */
type Mutation = (b: Uint8Array) => Uint8Array;

const concat = (...parts: Uint8Array[]): Uint8Array => concatBytes(parts);

/** Positions as fractions, so one arbitrary serves inputs of any length. */
const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const at = (b: Uint8Array, f: number): number => Math.floor(f * (b.length + 1));

/** Arbitrary single mutations: truncation, bit flips, byte and token insertions, deletions, block swaps and repeats, BOM, emptiness. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  frac.map((f): Mutation => (b) => b.subarray(0, at(b, f))),
  fc.tuple(frac, fc.integer({ min: 0, max: 7 })).map(([f, bit]): Mutation => (b) => {
    if (b.length === 0) return b;
    const c = b.slice();
    const i = Math.min(c.length - 1, Math.floor(f * c.length));
    c[i] ^= 1 << bit;
    return c;
  }),
  fc.tuple(frac, fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([f, ins]): Mutation => (b) => concat(b.subarray(0, at(b, f)), ins, b.subarray(at(b, f)))),
  fc.tuple(frac, fc.constantFrom(...NASTY)).map(([f, ins]): Mutation => (b) => concat(b.subarray(0, at(b, f)), ins, b.subarray(at(b, f)))),
  fc.tuple(frac, fc.constantFrom(...NASTY), fc.integer({ min: 1, max: 12 })).map(([f, tok, len]): Mutation => (b) => {
    const i = at(b, f);
    return concat(b.subarray(0, i), tok, b.subarray(Math.min(b.length, i + len)));
  }),
  fc.tuple(frac, fc.integer({ min: 1, max: 64 })).map(([f, len]): Mutation => (b) => {
    const i = at(b, f);
    return concat(b.subarray(0, i), b.subarray(Math.min(b.length, i + len)));
  }),
  fc.tuple(frac, frac, fc.integer({ min: 1, max: 200 })).map(([f, g, len]): Mutation => (b) => {
    // Swap two blocks (shuffled blocks).
    let i = at(b, f);
    let j = at(b, g);
    if (i > j) [i, j] = [j, i];
    const n = Math.min(len, j - i, b.length - j);
    if (n <= 0) return b;
    return concat(b.subarray(0, i), b.subarray(j, j + n), b.subarray(i + n, j), b.subarray(i, i + n), b.subarray(j + n));
  }),
  fc.tuple(frac, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 2, max: 50 })).map(([f, len, times]): Mutation => (b) => {
    // Repeat a block (duplicated records).
    const i = at(b, f);
    const block = b.subarray(i, Math.min(b.length, i + len));
    return concat(b.subarray(0, i), ...Array.from({ length: times }, () => block), b.subarray(i));
  }),
  fc.tuple(frac, fc.constantFrom('[', '{"a":', '<a>'), fc.constantFrom(1000, 20000)).map(([f, open, n]): Mutation => (b) => concat(b.subarray(0, at(b, f)), deep(open, n), b.subarray(at(b, f)))),
  fc.constant<Mutation>((b) => concat(enc.encode('\uFEFF'), b)),
  fc.constant<Mutation>(() => new Uint8Array(0)),
  fc.tuple(frac, fc.integer({ min: 1, max: 8 })).map(([f, len]): Mutation => (b) => {
    // Overwrite a range with 0xFF (all-ones words: maximal sizes and counts).
    const c = b.slice();
    const i = Math.min(c.length, Math.floor(f * c.length));
    c.fill(0xff, i, Math.min(c.length, i + len));
    return c;
  }),
);

/** A valid input with one to four mutations applied. */
export function mutatedBytes(base: Uint8Array, maxMutations = 4): fc.Arbitrary<Uint8Array> {
  return fc.array(mutationArb, { minLength: 1, maxLength: maxMutations }).map((ms) => ms.reduce((b, m) => m(b), base));
}

/** Line-level mutations of a text: lines shuffled, dropped, repeated, then byte mutations. */
export function mutatedLines(text: string): fc.Arbitrary<Uint8Array> {
  const lines = text.split('\n');
  const lineOps = fc.array(fc.tuple(fc.constantFrom('swap', 'drop', 'dup'), frac, frac), { minLength: 1, maxLength: 4 }).map((ops) => {
    const ls = lines.slice();
    for (const [op, f, g] of ops) {
      const i = Math.floor(f * ls.length);
      const j = Math.floor(g * ls.length);
      if (ls.length === 0) break;
      if (op === 'swap') [ls[i], ls[j]] = [ls[j], ls[i]];
      else if (op === 'drop') ls.splice(i, 1);
      else ls.splice(i, 0, ls[j]);
    }
    return enc.encode(ls.join('\n'));
  });
  return fc.oneof(lineOps, lineOps.chain((b) => mutatedBytes(b, 2)));
}

/** Text that is mostly the file but may hold invalid UTF-8 (decoded with replacement, as a reader of strings would get it). */
export const lossyText = (b: Uint8Array): string => new TextDecoder('utf-8').decode(b);
