import { Unzlib, unzlibSync } from 'fflate';
import { briefText } from './brief_value';
import { PbfReader } from 'pbf';
import { InputError } from '../input_error';
import { concatBytes } from './concat_bytes';
import { isNodeOfInterest, isRelationOfInterest, isTurnRestrictionRelation, selectWays, type OsmData, type OsmMember, type OsmRelation, type OsmTaggedNode, type OsmWay } from './osm_data';
import type { OsmTags } from './osm_tags';
import { chunksOf, type ByteChunks } from './byte_chunks';

/**
 * Reads an `.osm.pbf` file (https://wiki.openstreetmap.org/wiki/PBF_Format) into `OsmData`.
 *
 * Two passes over the blobs, no per-node objects:
 * 1. every blob is inflated once; ways and relations are decoded (tags only for ways the import can
 *    use; refs for all, since untagged ways may be multipolygon members); blocks of nodes are kept
 *    aside (inflated, up to `CACHE_LIMIT_BYTES`, else inflated again in pass 2);
 * 2. dense nodes are decoded into coordinates for just the node ids the kept ways use (sorted id array,
 *    cursor with binary-search fallback), plus tags for the few feature nodes.
 *
 * Errors name the file, the blob number and its byte offset.
 */

const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes', 'HistoricalInformation']);
const CACHE_LIMIT_BYTES = 512 * 1024 * 1024;
/** The format's limit on a blob's uncompressed size ("must be less than 32 MiB"): a larger raw_size is damage, not a reason to allocate. */
const MAX_BLOB_BYTES = 32 * 1024 * 1024;
/** Way keys whose presence makes the way worth a tags object (see isWayOfInterest). */
const WAY_KEYS = new Set(['highway', 'amenity', 'natural', 'waterway', 'landuse', 'railway', 'emergency']);
const NODE_KEYS = new Set(['emergency', 'amenity', 'disused:emergency']);
const EMPTY_TAGS: OsmTags = Object.freeze({}) as OsmTags;
const MEMBER_TYPES: OsmMember['type'][] = ['node', 'way', 'relation'];

interface BlobRef {
  n: number;
  offset: number;
  dataStart: number;
  dataEnd: number;
}

/** Reads one `.osm.pbf` file. `onProgress(done, total)` is called per blob (total = 2 × file bytes: two passes). */
export function readOsmPbf(bytes: Uint8Array, fileName: string, onProgress?: (done: number, total: number) => void): OsmData {
  const d = pbfDecoder(fileName, bytes.length, onProgress, CACHE_LIMIT_BYTES);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  let n = 0;
  const dataBlobs: BlobRef[] = [];
  while (pos < bytes.length) {
    const b: BlobRef = { n: n++, offset: pos, dataStart: 0, dataEnd: 0 };
    if (pos + 4 > bytes.length) throw new InputError(d.place(b), 'truncated file: incomplete blob header length', '文件被截断: 数据块头长度不完整');
    const headerLen = view.getInt32(pos);
    if (headerLen <= 0 || headerLen > MAX_HEADER_BYTES || pos + 4 + headerLen > bytes.length) throw headerLengthError(d.place(b), headerLen, bytes.length - pos - 4);
    const { type, dataSize } = readBlobHeader(bytes.subarray(pos + 4, pos + 4 + headerLen), d.place(b));
    b.dataStart = pos + 4 + headerLen;
    b.dataEnd = b.dataStart + dataSize;
    if (dataSize < 0 || b.dataEnd > bytes.length) throw dataSizeError(d.place(b), dataSize, bytes.length - b.dataStart);
    if (d.framed(b, type, bytes.subarray(b.dataStart, b.dataEnd))) dataBlobs.push(b);
    pos = b.dataEnd;
  }
  // The whole file is framed before any block is decoded: a damaged tail is told first.
  for (const b of dataBlobs) d.pass1(b, bytes.subarray(b.dataStart, b.dataEnd));
  d.endPass1();
  for (const nb of d.nodeBlocks) d.pass2(nb, nb.data ? undefined : bytes.subarray(nb.b.dataStart, nb.b.dataEnd));
  return d.finish();
}

/** How `readOsmPbfStream` reads. */
export interface OsmPbfStreamOptions {
  /** The file's size in bytes, when known: progress fractions, and the same messages as the whole-buffer reader. */
  size?: number;
  /** `onProgress(done, total)` per blob; total = 2 × size (two passes). */
  onProgress?: (done: number, total: number) => void;
  /** Inflated node blocks kept between the passes, bytes (default 64 MiB); the rest is read again from `open()`. */
  cacheLimitBytes?: number;
}

/** Inflated node blocks the streaming reader keeps between its passes by default: 64 MiB. */
export const PBF_STREAM_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Reads an `.osm.pbf` from its bytes in chunks, one blob at a time: the file is never held whole, so
 * memory is bounded by the graph (and a 64 MiB cache of node blocks), not by the file. `open()` gives
 * the bytes from the start each time it is called: once for ways and relations, and once more for
 * the node blocks not cached, should there be more than the cache holds (a CLI reopens the file; a
 * browser calls `file.stream()` again). The same `OsmData` as `readOsmPbf` on the whole buffer.
 */
export function readOsmPbfStream(open: () => ByteChunks, fileName: string, options: OsmPbfStreamOptions = {}): Promise<OsmData> {
  return readOsmPbfPasses(open(), open, fileName, options);
}

/** `readOsmPbfStream` with the first pass's bytes given (already opened, the format told from its start). */
export async function readOsmPbfPasses(first: ByteChunks, open: () => ByteChunks, fileName: string, options: OsmPbfStreamOptions = {}): Promise<OsmData> {
  const d = pbfDecoder(fileName, options.size ?? 0, options.onProgress, options.cacheLimitBytes ?? PBF_STREAM_CACHE_BYTES);
  const pass1: BlobRef[] = [];
  for await (const { b, type, blob } of streamBlobs(first, d.place, () => true)) {
    pass1.push(b);
    if (d.framed(b, type, blob)) d.pass1(b, blob);
  }
  d.endPass1();
  const reread = new Set(d.nodeBlocks.filter((nb) => !nb.data).map((nb) => nb.b.n));
  if (reread.size === 0) {
    for (const nb of d.nodeBlocks) d.pass2(nb, undefined);
    return d.finish();
  }
  let k = 0;
  const changed = (b: BlobRef) => new InputError(d.place(b), 'the file changed while it was being read (read it again)', '读取过程中文件发生了变化（请重新读取）');
  for await (const { b, blob } of streamBlobs(open(), d.place, (b) => reread.has(b.n))) {
    const first = pass1[b.n];
    if (!first || first.offset !== b.offset || first.dataEnd !== b.dataEnd) throw changed(b);
    while (k < d.nodeBlocks.length && d.nodeBlocks[k].b.n < b.n) d.pass2(d.nodeBlocks[k++], undefined);
    if (k < d.nodeBlocks.length && d.nodeBlocks[k].b.n === b.n) d.pass2(d.nodeBlocks[k++], blob);
  }
  while (k < d.nodeBlocks.length) {
    if (!d.nodeBlocks[k].data) throw changed(d.nodeBlocks[k].b);
    d.pass2(d.nodeBlocks[k++], undefined);
  }
  return d.finish();
}

const MAX_HEADER_BYTES = 64 * 1024;
type Place = { file: string; feature: string };

function headerLengthError(place: Place, headerLen: number, left: number): InputError {
  return new InputError(place, `truncated or not an OSM PBF file: blob header length ${headerLen} does not fit the ${left} bytes left`, '文件被截断或不是 OSM PBF 文件');
}

function dataSizeError(place: Place, dataSize: number, left: number): InputError {
  return new InputError(place, `truncated file: blob of ${dataSize} bytes but ${left} bytes left`, '文件被截断: 数据块不完整');
}

function readBlobHeader(header: Uint8Array, place: Place): { type: string; dataSize: number } {
  let type = '';
  let dataSize = -1;
  try {
    const h = new PbfReader(header);
    h.readFields(
      (tag, _r, p) => {
        if (tag === 1) type = p.readString();
        else if (tag === 3) dataSize = p.readVarint();
      },
      null,
    );
  } catch {
    throw new InputError(place, 'malformed blob header', '数据块头格式错误');
  }
  return { type, dataSize };
}

/**
 * The blobs of a PBF byte stream, framed as `readOsmPbf` frames a buffer (the same checks and
 * messages); `want(b)` false skips a blob's data without keeping it. Each blob is a copy of its own.
 */
async function* streamBlobs(source: ByteChunks, place: (b: BlobRef) => Place, want: (b: BlobRef) => boolean): AsyncGenerator<{ b: BlobRef; type: string; blob: Uint8Array }> {
  const it = chunksOf(source)[Symbol.asyncIterator]();
  let chunk: Uint8Array = new Uint8Array(0);
  let at = 0; // read position in chunk
  let base = 0; // file offset of chunk[0]
  let ended = false;
  /** Makes `n` bytes available from `at` (fewer at the end of the file); returns how many are. */
  const fill = async (n: number): Promise<number> => {
    while (chunk.length - at < n && !ended) {
      const r = await it.next();
      if (r.done) {
        ended = true;
        break;
      }
      const rest = chunk.subarray(at);
      const joined = new Uint8Array(rest.length + r.value.length);
      joined.set(rest);
      joined.set(r.value, rest.length);
      base += at;
      chunk = joined;
      at = 0;
    }
    return Math.min(n, chunk.length - at);
  };
  /** Skips `n` bytes without keeping them; returns how many there were. */
  const skip = async (n: number): Promise<number> => {
    let left = n;
    while (left > 0) {
      if (at === chunk.length) {
        if (ended) break;
        const r = await it.next();
        if (r.done) {
          ended = true;
          break;
        }
        base += chunk.length;
        chunk = r.value;
        at = 0;
      }
      const step = Math.min(left, chunk.length - at);
      at += step;
      left -= step;
    }
    return n - left;
  };
  /** Bytes from `at` to the end of the file (reads it through; only for a message). */
  const rest = async (): Promise<number> => {
    let count = chunk.length - at;
    at = chunk.length;
    for (;;) {
      const r = await it.next();
      if (r.done) return count;
      count += r.value.length;
    }
  };
  for (let n = 0; ; n++) {
    if ((await fill(1)) === 0) return;
    const b: BlobRef = { n, offset: base + at, dataStart: 0, dataEnd: 0 };
    if ((await fill(4)) < 4) throw new InputError(place(b), 'truncated file: incomplete blob header length', '文件被截断: 数据块头长度不完整');
    const headerLen = new DataView(chunk.buffer, chunk.byteOffset + at, 4).getInt32(0);
    at += 4;
    if (headerLen <= 0 || headerLen > MAX_HEADER_BYTES) throw headerLengthError(place(b), headerLen, await rest());
    const got = await fill(headerLen);
    if (got < headerLen) throw headerLengthError(place(b), headerLen, got);
    const { type, dataSize } = readBlobHeader(chunk.subarray(at, at + headerLen), place(b));
    at += headerLen;
    b.dataStart = base + at;
    b.dataEnd = b.dataStart + dataSize;
    if (dataSize < 0) throw dataSizeError(place(b), dataSize, await rest());
    // A blob is at most 32 MiB uncompressed, so its stored bytes are too (plus zlib's few bytes): more is damage.
    if (dataSize > MAX_BLOB_BYTES + 1024 * 1024) throw new InputError(place(b), `damaged blob header: it claims ${dataSize} bytes of data, over the format's limit of 32 MiB`, `数据块头已损坏：声称数据 ${dataSize} 字节，超过格式上限 32 MiB`);
    if (!want(b)) {
      const skipped = await skip(dataSize);
      if (skipped < dataSize) throw dataSizeError(place(b), dataSize, skipped);
      continue;
    }
    const have = await fill(dataSize);
    if (have < dataSize) throw dataSizeError(place(b), dataSize, have);
    const blob = chunk.slice(at, at + dataSize);
    at += dataSize;
    yield { b, type, blob };
  }
}

interface NodeBlock {
  b: BlobRef;
  data: Uint8Array | undefined;
}

/**
 * The two passes of the PBF reader over blobs, whoever frames them: `pass1` for every blob in file
 * order, `endPass1`, `pass2` for every node block in file order (with its blob bytes when the
 * inflated block was not cached), `finish`.
 */
function pbfDecoder(fileName: string, fileBytes: number, onProgress: ((done: number, total: number) => void) | undefined, cacheLimit: number) {
  const total = fileBytes * 2;
  const place = (b: BlobRef | undefined, extra?: string): Place => ({
    file: fileName,
    feature: `${extra ? `${extra}, ` : ''}${b ? `blob ${b.n} at byte ${b.offset}` : 'header'}`,
  });
  let blobCount = 0;
  let sawHeader = false;

  function checkHeader(block: Uint8Array, b: BlobRef): void {
    const p = new PbfReader(block);
    try {
      p.readFields(
        (tag, _r, pr) => {
          if (tag === 4) {
            const f = pr.readString();
            if (!SUPPORTED_FEATURES.has(f)) throw new InputError(place(b), `file requires the unsupported feature "${briefText(f)}"`, `文件需要不支持的特性 "${briefText(f)}"`);
          }
        },
        null,
      );
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(place(b), `malformed header block (${e instanceof Error ? e.message : String(e)})`, '文件头数据块格式错误');
    }
  }


  // --- Pass 1: ways and relations.
  const allWays: OsmWay[] = [];
  let refs = new Float64Array(1 << 16);
  let refCount = 0;
  const relations: OsmRelation[] = [];
  const turnRestrictions: OsmRelation[] = [];
  const nodeBlocks: NodeBlock[] = [];
  let cached = 0;

  /** A blob as framed, in file order: the header is checked; returns whether it is a data blob for pass 1. */
  function framed(b: BlobRef, type: string, blob: Uint8Array): boolean {
    if (blobCount++ === 0 && type !== 'OSMHeader') throw new InputError(place(b), `not an OSM PBF file: first blob is "${briefText(type)}", expected "OSMHeader"`, '不是 OSM PBF 文件');
    if (type === 'OSMHeader') {
      checkHeader(inflate(blob, b, place), b);
      sawHeader = true;
    }
    return type === 'OSMData';
  }

  function pass1(b: BlobRef, blob: Uint8Array): void {
    const data = inflate(blob, b, place);
    try {
      const blk = scanBlock(data);
      if (blk.hasNodes) {
        const keep = cached + data.length <= cacheLimit;
        if (keep) cached += data.length;
        nodeBlocks.push({ b, data: keep ? data : undefined });
      }
      if (blk.wayGroups.length > 0 || blk.relGroups.length > 0) {
        const strings = readStrings(data, blk.stStart, blk.stEnd);
        const wayKey = strings.map((s) => WAY_KEYS.has(s));
        const p = new PbfReader(data);
        for (const [gs, ge] of blk.wayGroups) {
          p.pos = gs;
          while (p.pos < ge) {
            const val = p.readVarint();
            if (val >> 3 === 3) {
              const end = p.readVarint() + p.pos;
              readWay(p, end, strings, wayKey, b);
            } else p.skip(val & 7);
          }
        }
        for (const [gs, ge] of blk.relGroups) {
          p.pos = gs;
          while (p.pos < ge) {
            const val = p.readVarint();
            if (val >> 3 === 4) {
              const end = p.readVarint() + p.pos;
              readRelation(p, end, strings);
            } else p.skip(val & 7);
          }
        }
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(place(b), `malformed data block (${e instanceof Error ? e.message : String(e)})`, '数据块格式错误');
    }
    onProgress?.(b.dataEnd, total);
  }

  function readWay(p: PbfReader, end: number, strings: string[], wayKey: boolean[], b: BlobRef): void {
    let id = 0;
    const keys: number[] = [];
    const vals: number[] = [];
    const refStart = refCount;
    while (p.pos < end) {
      const val = p.readVarint();
      const tag = val >> 3;
      p.type = val & 7; // readPacked* look at the wire type
      if (tag === 1) id = p.readVarint();
      else if (tag === 2) p.readPackedVarint(keys);
      else if (tag === 3) p.readPackedVarint(vals);
      else if (tag === 8) {
        const e = p.readVarint() + p.pos;
        let ref = 0;
        while (p.pos < e) {
          ref += p.readSVarint();
          if (refCount === refs.length) {
            const grown = new Float64Array(refs.length * 2);
            grown.set(refs);
            refs = grown;
          }
          refs[refCount++] = ref;
        }
      } else p.skip(val & 7);
    }
    if (refCount === refStart) throw new InputError(place(b, `way ${id}`), `way ${id} has no nodes`, `路段 ${id} 没有节点`);
    let interesting = false;
    for (const k of keys) if (wayKey[k]) interesting = true;
    let tags = EMPTY_TAGS;
    if (interesting) {
      tags = {};
      for (let i = 0; i < keys.length; i++) tags[strings[keys[i]]] = strings[vals[i]];
    }
    allWays.push({ id, tags, refStart, refEnd: refCount });
  }

  function readRelation(p: PbfReader, end: number, strings: string[]): void {
    let id = 0;
    const keys: number[] = [];
    const vals: number[] = [];
    const roles: number[] = [];
    const memids: number[] = [];
    const types: number[] = [];
    while (p.pos < end) {
      const val = p.readVarint();
      const tag = val >> 3;
      p.type = val & 7; // readPacked* look at the wire type
      if (tag === 1) id = p.readVarint();
      else if (tag === 2) p.readPackedVarint(keys);
      else if (tag === 3) p.readPackedVarint(vals);
      else if (tag === 8) p.readPackedVarint(roles);
      else if (tag === 9) p.readPackedSVarint(memids);
      else if (tag === 10) p.readPackedVarint(types);
      else p.skip(val & 7);
    }
    const tags: OsmTags = {};
    for (let i = 0; i < keys.length; i++) tags[strings[keys[i]]] = strings[vals[i]];
    const restriction = isTurnRestrictionRelation(tags);
    if (!restriction && !isRelationOfInterest(tags)) return;
    const members: OsmMember[] = [];
    let ref = 0;
    for (let i = 0; i < memids.length; i++) {
      ref += memids[i];
      members.push({ type: MEMBER_TYPES[types[i]] ?? 'node', ref, role: strings[roles[i]] ?? '' });
    }
    (restriction ? turnRestrictions : relations).push({ id, tags, members });
  }

  let ways: OsmWay[] = [];
  let wayRefs: Float64Array = new Float64Array(0);
  let neededIds: Float64Array = new Float64Array(0);
  let nodeLon = new Float64Array(0);
  let nodeLat = new Float64Array(0);

  /** After every data blob went through pass 1: the ways kept and the node ids they need. */
  function endPass1(): void {
    if (!sawHeader) throw new InputError({ file: fileName }, 'empty file: no OSM PBF blobs', '空文件: 没有 OSM PBF 数据块');
    ({ ways, wayRefs, neededIds } = selectWays(allWays, refs.subarray(0, refCount), relations));
    allWays.length = 0;
    refs = new Float64Array(0);
    nodeLon = new Float64Array(neededIds.length).fill(NaN);
    nodeLat = new Float64Array(neededIds.length).fill(NaN);
  }

  // --- Pass 2: node coordinates for the needed ids, tags for feature nodes.
  const taggedNodes: OsmTaggedNode[] = [];
  let cursor = 0;
  const needed = (id: number): number => {
    if (cursor < neededIds.length && neededIds[cursor] === id) return cursor++;
    if (cursor < neededIds.length && neededIds[cursor] > id && (cursor === 0 || neededIds[cursor - 1] < id)) return -1;
    // Unsorted input or a jump: binary search for the lower bound.
    let lo = 0;
    let hi = neededIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (neededIds[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    if (lo < neededIds.length && neededIds[lo] === id) {
      cursor = lo + 1;
      return lo;
    }
    cursor = lo;
    return -1;
  };

  let ids = new Float64Array(8192);
  let lats = new Float64Array(8192);
  let lons = new Float64Array(8192);
  let kv = new Int32Array(8192);

  /** One node block, in file order: its cached inflated data, else its blob's bytes. */
  function pass2(nb: NodeBlock, blob: Uint8Array | undefined): void {
    const b = nb.b;
    const data = nb.data ?? inflate(blob!, b, place);
    nb.data = undefined;
    try {
      const blk = scanBlock(data);
      let strings: string[] | undefined;
      let nodeKey: boolean[] = [];
      const getStrings = (): string[] => {
        if (!strings) {
          strings = readStrings(data, blk.stStart, blk.stEnd);
          nodeKey = strings.map((s) => NODE_KEYS.has(s));
        }
        return strings;
      };
      const p = new PbfReader(data);
      // Nanodegrees are integers; one division rounds correctly (the same double as the decimal text in XML).
      const gran = blk.granularity;
      const latOff = blk.latOffset;
      const lonOff = blk.lonOffset;
      const store = (id: number, lat: number, lon: number, tags: OsmTags | undefined): void => {
        const k = needed(id);
        const wanted = tags !== undefined && isNodeOfInterest(tags);
        if (k < 0 && !wanted) return;
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
          throw new InputError(place(b, `node ${id}`), `node ${id}: coordinates out of range (lat ${lat}, lon ${lon})`, `节点 ${id} 坐标超出范围`);
        }
        if (k >= 0) {
          nodeLon[k] = lon;
          nodeLat[k] = lat;
        }
        if (wanted) taggedNodes.push({ id, lon, lat, tags });
      };
      for (const [gs, ge] of blk.nodeGroups) {
        p.pos = gs;
        while (p.pos < ge) {
          const val = p.readVarint();
          const tag = val >> 3;
          if (tag === 2) {
            // DenseNodes: packed delta-coded ids, lats, lons; keys_vals runs ended by 0 per node.
            const end = p.readVarint() + p.pos;
            let n = 0;
            let nKv = 0;
            let nLat = 0;
            let nLon = 0;
            while (p.pos < end) {
              const v2 = p.readVarint();
              const t2 = v2 >> 3;
              if (t2 === 1 || t2 === 8 || t2 === 9) {
                const e = p.readVarint() + p.pos;
                let acc = 0;
                let i = 0;
                while (p.pos < e) {
                  acc += p.readSVarint();
                  if (i === ids.length) {
                    ids = grow(ids);
                    lats = grow(lats);
                    lons = grow(lons);
                  }
                  if (t2 === 1) ids[i] = acc;
                  else if (t2 === 8) lats[i] = acc;
                  else lons[i] = acc;
                  i++;
                }
                if (t2 === 1) n = i;
                else if (t2 === 8) nLat = i;
                else nLon = i;
              } else if (t2 === 10) {
                const e = p.readVarint() + p.pos;
                while (p.pos < e) {
                  if (nKv === kv.length) {
                    const g = new Int32Array(kv.length * 2);
                    g.set(kv);
                    kv = g;
                  }
                  kv[nKv++] = p.readVarint();
                }
              } else p.skip(v2 & 7);
            }
            if (nLat !== n || nLon !== n) throw new InputError(place(b), `dense nodes: ${n} ids but ${nLat} lats and ${nLon} lons`, '密集节点数据不一致');
            let kvPos = 0;
            for (let i = 0; i < n; i++) {
              const kvStart = kvPos;
              let interesting = false;
              if (nKv > 0) {
                while (kvPos < nKv && kv[kvPos] !== 0) {
                  if (!interesting) {
                    getStrings();
                    if (nodeKey[kv[kvPos]]) interesting = true;
                  }
                  kvPos += 2;
                }
                kvPos++;
              }
              const kvEnd = kvPos - 1;
              let t: OsmTags | undefined;
              if (interesting) {
                const s = getStrings();
                t = {};
                for (let j = kvStart; j < kvEnd; j += 2) t[s[kv[j]]] = s[kv[j + 1]];
              }
              store(ids[i], (latOff + gran * lats[i]) / 1e9, (lonOff + gran * lons[i]) / 1e9, t);
            }
          } else if (tag === 1) {
            // Plain Node.
            const end = p.readVarint() + p.pos;
            let id = 0;
            let lat = 0;
            let lon = 0;
            const keys: number[] = [];
            const vals: number[] = [];
            while (p.pos < end) {
              const v2 = p.readVarint();
              const t2 = v2 >> 3;
              p.type = v2 & 7;
              if (t2 === 1) id = p.readSVarint();
              else if (t2 === 2) p.readPackedVarint(keys);
              else if (t2 === 3) p.readPackedVarint(vals);
              else if (t2 === 8) lat = p.readSVarint();
              else if (t2 === 9) lon = p.readSVarint();
              else p.skip(v2 & 7);
            }
            let t: OsmTags | undefined;
            if (keys.length > 0) {
              const s = getStrings();
              t = {};
              for (let j = 0; j < keys.length; j++) t[s[keys[j]]] = s[vals[j]];
            }
            store(id, (latOff + gran * lat) / 1e9, (lonOff + gran * lon) / 1e9, t);
          } else p.skip(val & 7);
        }
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(place(b), `malformed node block (${e instanceof Error ? e.message : String(e)})`, '节点数据块格式错误');
    }
    onProgress?.(fileBytes + b.dataEnd, total);
  }

  function finish(): OsmData {
    onProgress?.(total, total);
    return { nodeIds: neededIds, nodeLon, nodeLat, ways, wayRefs, relations, taggedNodes, turnRestrictions };
  }

  return { place, framed, pass1, endPass1, nodeBlocks, pass2, finish };
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
  const g = new Float64Array(a.length * 2);
  g.set(a);
  return g;
}

/** A Blob message (`blob`: its bytes) inflated. */
function inflate(blob: Uint8Array, b: BlobRef, place: (b: BlobRef) => { file: string; feature: string }): Uint8Array {
  let raw: Uint8Array | undefined;
  let zlib: Uint8Array | undefined;
  let rawSize = -1;
  let other = 0;
  try {
    const p = new PbfReader(blob);
    p.readFields(
      (tag, _r, pr) => {
        if (tag === 1) raw = pr.readBytes();
        else if (tag === 2) rawSize = pr.readVarint();
        else if (tag === 3) zlib = pr.readBytes();
        else other = tag;
      },
      null,
    );
  } catch {
    throw new InputError(place(b), 'malformed blob', '数据块格式错误');
  }
  if (raw) return raw;
  if (!zlib) {
    const kind = other === 4 ? 'lzma' : other === 5 ? 'bzip2' : other === 6 ? 'lz4' : other === 7 ? 'zstd' : 'unknown';
    throw new InputError(place(b), `unsupported blob compression (${kind}); only raw and zlib are read`, `不支持的数据块压缩方式 (${kind})`);
  }
  if (rawSize > MAX_BLOB_BYTES) {
    throw new InputError(place(b), `damaged blob: it claims ${rawSize} bytes uncompressed, over the format's limit of 32 MiB`, `数据块已损坏：声称解压后 ${rawSize} 字节，超过格式上限 32 MiB`);
  }
  try {
    const out = rawSize > 0 ? unzlibSync(zlib, { out: new Uint8Array(rawSize) }) : inflateBounded(zlib);
    if (rawSize > 0 && out.length !== rawSize) throw new Error(`inflated ${out.length} bytes, expected ${rawSize}`);
    return out;
  } catch (e) {
    throw new InputError(place(b), `corrupt zlib data (${e instanceof Error ? e.message : String(e)})`, '数据块 zlib 数据损坏');
  }
}

/** zlib data inflated in small steps, stopping past MAX_BLOB_BYTES (a blob without raw_size could otherwise inflate ~1000-fold). */
function inflateBounded(zlib: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const u = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > MAX_BLOB_BYTES) throw new Error('it inflates past the format\'s limit of 32 MiB');
    chunks.push(chunk);
  });
  const step = 4096;
  for (let i = 0; i < zlib.length; i += step) u.push(zlib.subarray(i, Math.min(zlib.length, i + step)), i + step >= zlib.length);
  if (zlib.length === 0) u.push(zlib, true);
  return concatBytes(chunks);
}

interface BlockScan {
  stStart: number;
  stEnd: number;
  granularity: number;
  latOffset: number;
  lonOffset: number;
  hasNodes: boolean;
  nodeGroups: [number, number][];
  wayGroups: [number, number][];
  relGroups: [number, number][];
}

/** Where the string table and each primitive group lie, and what the groups hold (no decoding). */
function scanBlock(data: Uint8Array): BlockScan {
  const s: BlockScan = { stStart: 0, stEnd: 0, granularity: 100, latOffset: 0, lonOffset: 0, hasNodes: false, nodeGroups: [], wayGroups: [], relGroups: [] };
  const p = new PbfReader(data);
  while (p.pos < data.length) {
    const val = p.readVarint();
    const tag = val >> 3;
    if (tag === 1) {
      s.stEnd = p.readVarint() + p.pos;
      s.stStart = p.pos;
      p.pos = s.stEnd;
    } else if (tag === 2) {
      const end = p.readVarint() + p.pos;
      const start = p.pos;
      if (end > data.length) throw new Error('primitive group runs past the block');
      let nodes = false;
      let ways = false;
      let rels = false;
      while (p.pos < end) {
        const v2 = p.readVarint();
        const t2 = v2 >> 3;
        if (t2 === 1 || t2 === 2) nodes = true;
        else if (t2 === 3) ways = true;
        else if (t2 === 4) rels = true;
        p.skip(v2 & 7);
      }
      if (nodes) {
        s.hasNodes = true;
        s.nodeGroups.push([start, end]);
      }
      if (ways) s.wayGroups.push([start, end]);
      if (rels) s.relGroups.push([start, end]);
    } else if (tag === 17) s.granularity = p.readVarint();
    else if (tag === 19) s.latOffset = p.readVarint(true);
    else if (tag === 20) s.lonOffset = p.readVarint(true);
    else p.skip(val & 7);
  }
  if (p.pos !== data.length) throw new Error('block ends inside a field');
  return s;
}

function readStrings(data: Uint8Array, start: number, end: number): string[] {
  const out: string[] = [];
  const p = new PbfReader(data);
  p.pos = start;
  while (p.pos < end) {
    const val = p.readVarint();
    if (val >> 3 === 1) out.push(p.readString());
    else p.skip(val & 7);
  }
  return out;
}
