import { Unzlib, unzlibSync } from 'fflate';
import { briefText } from './brief_value';
import { PbfReader } from 'pbf';
import { InputError } from '../input_error';
import { concatBytes } from './concat_bytes';
import { isNodeOfInterest, isRelationOfInterest, isTurnRestrictionRelation, selectWays, type OsmData, type OsmMember, type OsmRelation, type OsmTaggedNode, type OsmWay } from './osm_data';
import type { OsmTags } from './osm_tags';

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
  const total = bytes.length * 2;
  const place = (b: BlobRef | undefined, extra?: string): { file: string; feature: string } => ({
    file: fileName,
    feature: `${extra ? `${extra}, ` : ''}${b ? `blob ${b.n} at byte ${b.offset}` : 'header'}`,
  });

  // --- Framing: list the blobs.
  const blobs: BlobRef[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  let sawHeader = false;
  const dataBlobs: BlobRef[] = [];
  while (pos < bytes.length) {
    const b: BlobRef = { n: blobs.length, offset: pos, dataStart: 0, dataEnd: 0 };
    if (pos + 4 > bytes.length) throw new InputError(place(b), 'truncated file: incomplete blob header length', '文件被截断: 数据块头长度不完整');
    const headerLen = view.getInt32(pos);
    if (headerLen <= 0 || headerLen > 64 * 1024 || pos + 4 + headerLen > bytes.length) {
      throw new InputError(place(b), `truncated or not an OSM PBF file: blob header length ${headerLen} does not fit the ${bytes.length - pos - 4} bytes left`, '文件被截断或不是 OSM PBF 文件');
    }
    let type = '';
    let dataSize = -1;
    try {
      const h = new PbfReader(bytes.subarray(pos + 4, pos + 4 + headerLen));
      h.readFields(
        (tag, _r, p) => {
          if (tag === 1) type = p.readString();
          else if (tag === 3) dataSize = p.readVarint();
        },
        null,
      );
    } catch {
      throw new InputError(place(b), 'malformed blob header', '数据块头格式错误');
    }
    b.dataStart = pos + 4 + headerLen;
    b.dataEnd = b.dataStart + dataSize;
    if (dataSize < 0 || b.dataEnd > bytes.length) {
      throw new InputError(place(b), `truncated file: blob of ${dataSize} bytes but ${bytes.length - b.dataStart} bytes left`, '文件被截断: 数据块不完整');
    }
    if (blobs.length === 0 && type !== 'OSMHeader') throw new InputError(place(b), `not an OSM PBF file: first blob is "${briefText(type)}", expected "OSMHeader"`, '不是 OSM PBF 文件');
    blobs.push(b);
    if (type === 'OSMHeader') {
      checkHeader(inflate(bytes, b, place), b);
      sawHeader = true;
    } else if (type === 'OSMData') dataBlobs.push(b);
    pos = b.dataEnd;
  }
  if (!sawHeader) throw new InputError({ file: fileName }, 'empty file: no OSM PBF blobs', '空文件: 没有 OSM PBF 数据块');

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
  const nodeBlocks: { b: BlobRef; data: Uint8Array | undefined }[] = [];
  let cached = 0;

  for (const b of dataBlobs) {
    const data = inflate(bytes, b, place);
    try {
      const blk = scanBlock(data);
      if (blk.hasNodes) {
        const keep = cached + data.length <= CACHE_LIMIT_BYTES;
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

  const { ways, wayRefs, neededIds } = selectWays(allWays, refs.subarray(0, refCount), relations);

  // --- Pass 2: node coordinates for the needed ids, tags for feature nodes.
  const nodeLon = new Float64Array(neededIds.length).fill(NaN);
  const nodeLat = new Float64Array(neededIds.length).fill(NaN);
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

  for (const nb of nodeBlocks) {
    const b = nb.b;
    const data = nb.data ?? inflate(bytes, b, place);
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
    onProgress?.(bytes.length + b.dataEnd, total);
  }
  onProgress?.(total, total);
  return { nodeIds: neededIds, nodeLon, nodeLat, ways, wayRefs, relations, taggedNodes, turnRestrictions };
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
  const g = new Float64Array(a.length * 2);
  g.set(a);
  return g;
}

function inflate(bytes: Uint8Array, b: BlobRef, place: (b: BlobRef) => { file: string; feature: string }): Uint8Array {
  let raw: Uint8Array | undefined;
  let zlib: Uint8Array | undefined;
  let rawSize = -1;
  let other = 0;
  try {
    const p = new PbfReader(bytes.subarray(b.dataStart, b.dataEnd));
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
