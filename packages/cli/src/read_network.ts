import type { MapFeatures, OsmImportReport, RoadNetwork } from '@firecover/core';
import { createHash } from 'node:crypto';
import { InputError, isNetworkFile, parseRoadsJson, readEdgeTable, readGeoJsonRoads, readGeoJsonRoadsStream, readLayer, readNetworkFile, readOsm, readOsmStream, requireTravellableNetwork, roadFields, type LayerImportReport } from '@firecover/core';
import type { CliContext } from './command_module';
import type { NetworkOptions } from './network_options';
import { startProgress } from './progress';
import { openInputStream, readInputBytes, readInputHead, streamMinBytes, type ReadHooks } from './read_input';

export type { NetworkOptions };

export interface LoadedNetwork {
  network: RoadNetwork;
  /** Stations, hydrants, water sources, barriers (OSM input only). */
  features?: MapFeatures;
  /** The importer's report (OSM: counts and dropped ways by reason). */
  report?: OsmImportReport;
  /** GeoJSON / Shapefile: what was read, the CRS used and how it was decided. */
  importReport?: LayerImportReport;
  /** The files read, so that outputs can refuse to overwrite them. */
  inputs: string[];
  /** What was read, for messages: "--osm lauf.osm.pbf". */
  label: string;
  /** With `hashInputs`: the SHA-256 (hex) of the input files in order, taken while reading them, and their bytes. */
  sourceDigest?: { sha256: string; bytes: number };
}

/** How `readNetwork` reads. */
export interface ReadNetworkHow {
  /** Hash the input files in the same pass that reads them (`import` records the checksum). */
  hashInputs?: boolean;
}

/**
 * Reads the one road network the options name. Exactly one of --osm, --geojson, --edges; --nodes only
 * with --edges. OSM imports show a progress bar when stderr is a terminal.
 */
export async function readNetwork(opts: NetworkOptions, ctx: CliContext, how: ReadNetworkHow = {}): Promise<LoadedNetwork> {
  const hash = how.hashInputs ? createHash('sha256') : undefined;
  let hashed = 0;
  const hooks: ReadHooks = hash
    ? {
        onChunk: (c) => {
          hash.update(c);
          hashed += c.length;
        },
      }
    : {};
  const loaded = await readNetworkWith(opts, ctx, hooks);
  return hash ? { ...loaded, sourceDigest: { sha256: hash.digest('hex'), bytes: hashed } } : loaded;
}

async function readNetworkWith(opts: NetworkOptions, ctx: CliContext, hooks: ReadHooks): Promise<LoadedNetwork> {
  const given = (['osm', 'geojson', 'shapefile', 'edges'] as const).filter((k) => opts[k] !== undefined);
  if (given.length === 0) {
    throw new InputError({ file: 'command line' }, 'no road network given: use one of --osm FILE, --geojson FILE, --shapefile FILE, --edges FILE', '未给出道路网络：请使用 --osm FILE、--geojson FILE、--shapefile FILE 或 --edges FILE 之一');
  }
  if (given.length > 1) {
    const list = given.map((k) => `--${k}`).join(', ');
    throw new InputError({ file: 'command line' }, `give exactly one road network, not ${list}`, `只能给出一个道路网络，而不是 ${list}`);
  }
  if (opts.nodes !== undefined && opts.edges === undefined) {
    throw new InputError({ file: '--nodes' }, '--nodes only goes with --edges', '--nodes 只能与 --edges 一起使用');
  }
  if (opts.crs !== undefined && opts.geojson === undefined && opts.shapefile === undefined) {
    throw new InputError({ file: '--crs' }, '--crs goes with --geojson or --shapefile (OSM and edge tables are WGS84)', '--crs 只能与 --geojson 或 --shapefile 一起使用（OSM 与边表为 WGS84）');
  }

  if (opts.osm !== undefined) {
    const file = opts.osm;
    const stream = await openInputStream(file, { ...hooks, noProgress: true });
    if (stream.size >= streamMinBytes() && !isNetworkFile(await readInputHead(file, 64))) {
      // A large extract is decoded one blob at a time as it is read: memory bounded by the graph, not the file.
      const progress = await startProgress(ctx, ctx.t('importing', { file }));
      try {
        const r = await readOsmStream(() => stream.chunks, file, {}, { size: stream.size, onProgress: (done, total) => progress.update(total > 0 ? done / total : 0) });
        return { network: r.network, features: r.features, report: r.report, inputs: [file], label: `--osm ${file}` };
      } finally {
        progress.stop();
      }
    }
    const bytes = await readInputBytes(file, hooks);
    if (bytes.length === 0) throw new InputError({ file }, 'the file is empty', '文件为空');
    if (isNetworkFile(bytes)) {
      // A network file written by `firecover import`: no parsing, the arrays are read as they are.
      const r = readNetworkFile(bytes, file);
      return { network: r.network, features: r.features, report: r.report, inputs: [file], label: `--osm ${file}` };
    }
    const progress = await startProgress(ctx, ctx.t('importing', { file }));
    try {
      // readOsm tells PBF from XML by content.
      const r = readOsm(bytes, file, {}, (done, total) => progress.update(total > 0 ? done / total : 0));
      return { network: r.network, features: r.features, report: r.report, inputs: [file], label: `--osm ${file}` };
    } finally {
      progress.stop();
    }
  }
  if (opts.geojson !== undefined || opts.shapefile !== undefined) {
    const file = (opts.geojson ?? opts.shapefile) as string;
    const flag = opts.geojson !== undefined ? '--geojson' : '--shapefile';
    // readLayer honours --crs, else a .prj / GeoJSON crs member, and names the zone of undeclared projected coordinates.
    if (opts.geojson !== undefined) {
      // A large GeoJSON is read as a stream, feature by feature straight into typed arrays: never one
      // string (V8 stops at 512 MiB) and no object per feature kept.
      const stream = await openInputStream(file, hooks);
      if (stream.size >= streamMinBytes()) {
        const { network, report } = await readGeoJsonRoadsStream(stream.chunks, file, { ...(opts.crs === undefined ? {} : { crs: opts.crs }), crsSource: 'command line' });
        return { network, importReport: report, inputs: [file], label: `${flag} ${file}` };
      }
    }
    const ref = opts.crs === undefined ? file : { path: file, crs: opts.crs };
    const read = (p: string) => readInputBytes(p, p === file ? hooks : {});
    const { fc, report } = await readLayer(ref, { layer: 'network', displayName: file, read, crsSource: 'command line', parseJson: parseRoadsJson, format: opts.geojson !== undefined ? 'geojson' : 'shapefile' });
    return { network: readGeoJsonRoads(roadFields(fc), file), importReport: report, inputs: [file], label: `${flag} ${file}` };
  }
  const edgesFile = opts.edges as string;
  // Bytes, not text: the CSV reader parses numbers straight from them (a 4.5 M-edge table is never one string).
  const edgesCsv = await readInputBytes(edgesFile, hooks);
  const nodes = opts.nodes !== undefined ? { csv: await readInputBytes(opts.nodes, hooks), file: opts.nodes } : undefined;
  const network = readEdgeTable(edgesCsv, edgesFile, nodes);
  return { network, inputs: nodes ? [edgesFile, nodes.file] : [edgesFile], label: `--edges ${edgesFile}` };
}

/** An InputError when the network has no road to drive on (no links, or none travellable either way). */
export function requireRoads(loaded: LoadedNetwork): void {
  requireTravellableNetwork(loaded.network, loaded.inputs[0]);
}
