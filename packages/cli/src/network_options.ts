import type { Command } from 'commander';
import type { CliContext } from './command_module';

/** The network options every network command takes (commander stores them under these names). */
export interface NetworkOptions {
  osm?: string;
  geojson?: string;
  shapefile?: string;
  edges?: string;
  nodes?: string;
  /** Coordinate system of --geojson / --shapefile (EPSG:4523, GCJ-02 …); default the file's own, else WGS84. */
  crs?: string;
}

/**
 * Adds --osm / --geojson / --shapefile / --edges / --nodes / --crs to a command under one help heading. Kept apart from
 * read_network.ts so that building the help does not load @firecover/core.
 */
export function addNetworkOptions(cmd: Command, ctx: CliContext): Command {
  return cmd
    .optionsGroup(ctx.t('networkGroup'))
    .option('--osm <file>', ctx.t('osmOption'))
    .option('--geojson <file>', ctx.t('geojsonOption'))
    .option('--shapefile <file>', ctx.t('shapefileOption'))
    .option('--edges <file>', ctx.t('edgesOption'))
    .option('--nodes <file>', ctx.t('nodesOption'))
    .option('--crs <crs>', ctx.t('crsOption'));
}
