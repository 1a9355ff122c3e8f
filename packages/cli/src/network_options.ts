import type { Command } from 'commander';
import type { CliContext } from './command_module';

/** The network options every network command takes (commander stores them under these names). */
export interface NetworkOptions {
  osm?: string;
  geojson?: string;
  edges?: string;
  nodes?: string;
}

/**
 * Adds --osm / --geojson / --edges / --nodes to a command under one help heading. Kept apart from
 * read_network.ts so that building the help does not load @firecover/core.
 */
export function addNetworkOptions(cmd: Command, ctx: CliContext): Command {
  return cmd
    .optionsGroup(ctx.t('networkGroup'))
    .option('--osm <file>', ctx.t('osmOption'))
    .option('--geojson <file>', ctx.t('geojsonOption'))
    .option('--edges <file>', ctx.t('edgesOption'))
    .option('--nodes <file>', ctx.t('nodesOption'));
}
