import { InputError } from '../input_error';
import type { MapFeatures } from './map_features';
import type { OsmData } from './osm_data';
import { extractOsmFeatures, type OsmFeatureOptions, type StationMerge } from './osm_features';
import { buildOsmGraph, countOneWayLinks } from './osm_graph';
import { osmVehicleLimits } from './osm_vehicle_limits';
import { readOsmPbf, readOsmPbfPasses, type OsmPbfStreamOptions } from './osm_pbf';
import { chunksOf, type ByteChunks } from './byte_chunks';
import type { DropReason, OsmTagOptions } from './osm_tags';
import { readOsmXml } from './osm_xml';
import type { RoadNetwork } from '../network/road_network';
import { applySpeedModel, DEFAULT_SPEED_MODEL, type SpeedModel } from '../cost/speed_model';
import { utf8Text } from '../web_globals';
import { osmTurnRestrictions, type TurnRestrictionReport } from './osm_restrictions';
import { withTurnRestrictions } from '../network/turn_restrictions';

/** Options of `readOsm`: which roads to keep, which map features to take, and the speed model. */
export interface OsmImportOptions extends OsmTagOptions, OsmFeatureOptions {
  /** Fire-engine speeds; default `DEFAULT_SPEED_MODEL`. */
  speedModel?: SpeedModel;
}

/** What the import did, for the user to check (see docs/osm-import.md). */
export interface OsmImportReport {
  format: 'pbf' | 'xml';
  /** Graph nodes (junctions and road ends) and links (road pieces between them). */
  nodes: number;
  links: number;
  /** Links that may be driven in one direction only. */
  oneWayLinks: number;
  /** Drivable ways used. */
  drivableWays: number;
  /** Fire stations after merging duplicates of one site. */
  stations: number;
  stationDuplicatesMerged: StationMerge[];
  hydrants: number;
  /** Water sources: suction points, fire ponds, tanks, water bodies, rivers. */
  waterFeatures: number;
  barriers: number;
  /** Drivable ways cut because some of their nodes are not in the file (extract border). */
  waysMissingNodes: number;
  missingNodeRefs: number;
  /** `highway=*` ways left out, by reason. */
  droppedWays: Partial<Record<DropReason | 'too_short', number>>;
  /** Turn restriction relations read, applied to the table and left out (see docs/osm-import.md). */
  turnRestrictions?: TurnRestrictionReport;
}

/** What `readOsm` returns: the routable network, the map features, and a report of what was kept and dropped. */
export interface OsmImport {
  network: RoadNetwork;
  features: MapFeatures;
  report: OsmImportReport;
}

/** 'pbf', 'xml' or undefined from the first bytes. */
export function detectOsmFormat(data: Uint8Array | string): 'pbf' | 'xml' | undefined {
  if (typeof data === 'string') return /^\s*</.test(data.replace(/^\uFEFF/, '')) ? 'xml' : undefined;
  let i = 0;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) i = 3;
  while (i < data.length && i < 64 && (data[i] === 0x20 || data[i] === 0x0a || data[i] === 0x0d || data[i] === 0x09)) i++;
  if (data[i] === 0x3c) return 'xml';
  // BlobHeader: 4-byte length, then field 1 (type, length-delimited) = "OSMHeader".
  if (data.length >= 15 && data[4] === 0x0a && data[5] === 9) {
    const t = String.fromCharCode(...data.subarray(6, 15));
    if (t === 'OSMHeader') return 'pbf';
  }
  return undefined;
}

/**
 * Reads an OSM file (`.osm.pbf` or `.osm` XML, detected by content) into a routable fire-engine road
 * network with link costs from the speed model, the map features (stations, hydrants, water, barriers)
 * and an import report. Throws `InputError` naming the file and place for bad input, and when the file
 * holds no drivable road.
 */
export function readOsm(data: Uint8Array | string, fileName: string, options: OsmImportOptions = {}, onProgress?: (done: number, total: number) => void): OsmImport {
  const format = detectOsmFormat(data);
  let osm: OsmData;
  if (format === 'pbf') osm = readOsmPbf(data as Uint8Array, fileName, onProgress);
  else if (format === 'xml') {
    const text = typeof data === 'string' ? data : utf8Text(data);
    osm = readOsmXml(text, fileName);
    onProgress?.(1, 1);
  } else {
    const gz = typeof data !== 'string' && data[0] === 0x1f && data[1] === 0x8b;
    throw new InputError(
      { file: fileName },
      gz ? 'gzip-compressed file: decompress it first (an .osm.pbf is read as is)' : 'not an OSM file: neither OSM PBF nor OSM XML',
      gz ? '文件经 gzip 压缩: 请先解压' : '不是 OSM 文件: 既不是 OSM PBF 也不是 OSM XML',
    );
  }
  return importOsmData(osm, format, fileName, options);
}

/**
 * `readOsm` for an OSM PBF given as its bytes in chunks, read block by block (`readOsmPbfStream`):
 * memory bounded by the graph, not the file. `open()` gives the bytes from the start each time
 * (the reader may need a second pass over the node blocks). OSM XML is not streamed: the stream is
 * gathered and read as `readOsm` reads it. The same result as `readOsm` on the whole file.
 */
export async function readOsmStream(open: () => ByteChunks, fileName: string, options: OsmImportOptions = {}, how: OsmPbfStreamOptions = {}): Promise<OsmImport> {
  // The first bytes tell the format; the same reading goes on as the first pass (read once).
  const it = chunksOf(open())[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  while (headBytes < 64) {
    const r = await it.next();
    if (r.done) break;
    head.push(r.value);
    headBytes += r.value.length;
  }
  const first = concat(head, headBytes);
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    yield first;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  };
  if (detectOsmFormat(first) !== 'pbf') {
    const parts: Uint8Array[] = [];
    let size = 0;
    for await (const c of rest()) {
      parts.push(c);
      size += c.length;
    }
    return readOsm(concat(parts, size), fileName, options, how.onProgress);
  }
  const osm = await readOsmPbfPasses(rest(), open, fileName, how);
  return importOsmData(osm, 'pbf', fileName, options);
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of parts) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

function importOsmData(osm: OsmData, format: 'pbf' | 'xml', fileName: string, options: OsmImportOptions): OsmImport {
  let built;
  try {
    built = buildOsmGraph(osm, options);
  } catch (e) {
    if (e instanceof RangeError) throw new InputError({ file: 'options' }, e.message);
    throw e;
  }
  const { network: raw, report: g } = built;
  if (raw.linkCount === 0) throw new InputError({ file: fileName }, `no drivable roads in ${fileName}`, `${fileName} 中没有可通行的道路`);
  // Vehicle limits (maxweight, maxheight, maxwidth, hgv) ride along as an optional per-link section.
  const vehicleLimits = osmVehicleLimits(raw, osm);
  const costed = applySpeedModel(vehicleLimits ? { ...raw, vehicleLimits } : raw, options.speedModel ?? DEFAULT_SPEED_MODEL);
  // Turn restrictions ride on the network as inert data; a turn model applies them (docs/search.md).
  const turns = osmTurnRestrictions(costed, osm.turnRestrictions ?? []);
  const network = turns.table.count > 0 ? withTurnRestrictions(costed, turns.table) : costed;
  const { features, stationMerges } = extractOsmFeatures(osm, options);
  return {
    network,
    features,
    report: {
      format,
      nodes: network.nodeCount,
      links: network.linkCount,
      oneWayLinks: countOneWayLinks(network),
      drivableWays: g.drivableWays,
      stations: features.stations.features.length,
      stationDuplicatesMerged: stationMerges,
      hydrants: features.hydrants.features.length,
      waterFeatures: features.waterSources.features.length,
      barriers: features.barriers.features.length,
      waysMissingNodes: g.waysMissingNodes,
      missingNodeRefs: g.missingNodeRefs,
      droppedWays: g.droppedWays,
      turnRestrictions: turns.report,
    },
  };
}
