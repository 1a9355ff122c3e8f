import type { Command } from 'commander';
import { examplesHelp, type CliContext, type CommandModule } from '../command_module';
import { defineMessages, translator } from '../i18n';
import { addNetworkOptions, type NetworkOptions } from '../network_options';
import { runCommand } from '../run_command';

export const exportGraphMessages = defineMessages({
  en: {
    description: 'Write the road network as pgRouting edge and vertex tables (CSV), so any result can be checked in pgRouting.',
    outEdges: 'edge table CSV: id,source,target,cost,reverse_cost,… (negative cost = that direction closed)',
    outNodes: 'vertex table CSV: id,lon,lat',
    example1: 'firecover export-graph --osm lauf.osm.pbf --out-edges edges.csv --out-nodes nodes.csv',
    example2: 'firecover reach --edges edges.csv --nodes nodes.csv --from-node 123 --budget 240',
    wrote: 'wrote {edges} ({links} edges) and {nodes} ({count} vertices)',
  },
  zh: {
    description: '将路网导出为 pgRouting 的边表和顶点表（CSV），以便在 pgRouting 中核对任何结果。',
    outEdges: '边表 CSV：id,source,target,cost,reverse_cost,…（cost 为负表示该方向禁行）',
    outNodes: '顶点表 CSV：id,lon,lat',
    example1: 'firecover export-graph --osm lauf.osm.pbf --out-edges edges.csv --out-nodes nodes.csv',
    example2: 'firecover reach --edges edges.csv --nodes nodes.csv --from-node 123 --budget 240',
    wrote: '已写入 {edges}（{links} 条边）和 {nodes}（{count} 个顶点）',
  },
});

interface ExportOptions extends NetworkOptions {
  outEdges: string;
  outNodes: string;
}

export const exportGraphCommand: CommandModule = {
  name: 'export-graph',
  register(program: Command, ctx: CliContext) {
    const t = translator(exportGraphMessages, ctx.lang);
    const cmd = program.command('export-graph').description(t('description'));
    addNetworkOptions(cmd, ctx);
    cmd
      .optionsGroup(ctx.lang === 'zh' ? '输出：' : 'Output:')
      .requiredOption('--out-edges <file.csv>', t('outEdges'))
      .requiredOption('--out-nodes <file.csv>', t('outNodes'))
      .addHelpText('after', examplesHelp(ctx, [t('example1'), t('example2')]))
      .action(runCommand(ctx, (opts: ExportOptions) => runExport(opts, ctx)));
  },
};

async function runExport(opts: ExportOptions, ctx: CliContext): Promise<void> {
  const t = translator(exportGraphMessages, ctx.lang);
  const core = await import('@firecover/core');
  const { readNetwork, requireRoads } = await import('../read_network');
  const loaded = await readNetwork(opts, ctx);
  requireRoads(loaded);
  const { edgesCsv, nodesCsv } = core.writeEdgeTable(loaded.network);
  const { writeFilesAtomic } = await import('../atomic_write');
  await writeFilesAtomic(
    [
      { path: opts.outEdges, data: edgesCsv },
      { path: opts.outNodes, data: nodesCsv },
    ],
    loaded.inputs,
  );
  ctx.result({ edges: { file: opts.outEdges, count: loaded.network.linkCount }, nodes: { file: opts.outNodes, count: loaded.network.nodeCount } });
  ctx.out.write(`${t('wrote', { edges: opts.outEdges, links: loaded.network.linkCount, nodes: opts.outNodes, count: loaded.network.nodeCount })}\n`);
}
