import type { Command } from 'commander';
import { examplesHelp, type CliContext, type CommandModule } from '../command_module';
import { defineMessages, translator } from '../i18n';
import { addNetworkOptions, type NetworkOptions } from '../network_options';
import { runCommand } from '../run_command';

export const importMessages = defineMessages({
  en: {
    description:
      'Import a road network once into a firecover network file (.fcnet): one buffer, versioned, with the source file’s SHA-256, loaded in milliseconds instead of parsed again. Use it wherever an .osm.pbf goes (--osm, a scenario’s network.osm).',
    out: 'the network file to write (.fcnet; written atomically)',
    example1: 'firecover import --osm ../shared/data/rhein-neckar/rnv.osm.pbf --out rnv.fcnet',
    example2: 'firecover reach --osm rnv.fcnet --from "8.4660,49.4875" --budget 240 --out reach.csv',
    wrote: 'wrote {file}: {nodes} nodes, {links} links, {mb} MB (from {source}, sha256 {sha})',
  },
  zh: {
    description: '将道路网络一次导入为 firecover 路网文件（.fcnet）：单一缓冲区、带版本号，并记录源文件的 SHA-256；以后以毫秒级载入，无需重新解析。可用于任何使用 .osm.pbf 的地方（--osm、场景的 network.osm）。',
    out: '要写出的路网文件（.fcnet，原子写入）',
    example1: 'firecover import --osm ../shared/data/rhein-neckar/rnv.osm.pbf --out rnv.fcnet',
    example2: 'firecover reach --osm rnv.fcnet --from "8.4660,49.4875" --budget 240 --out reach.csv',
    wrote: '已写入 {file}：{nodes} 个节点，{links} 条路段，{mb} MB（源文件 {source}，sha256 {sha}）',
  },
});

interface ImportOptions extends NetworkOptions {
  out: string;
}

export const importCommand: CommandModule = {
  name: 'import',
  register(program: Command, ctx: CliContext) {
    const t = translator(importMessages, ctx.lang);
    const cmd = program.command('import').description(t('description'));
    addNetworkOptions(cmd, ctx);
    cmd
      .optionsGroup(ctx.lang === 'zh' ? '输出：' : 'Output:')
      .requiredOption('--out <file.fcnet>', t('out'))
      .addHelpText('after', examplesHelp(ctx, [t('example1'), t('example2')]))
      .action(runCommand(ctx, (opts: ImportOptions) => runImport(opts, ctx)));
  },
};

async function runImport(opts: ImportOptions, ctx: CliContext): Promise<void> {
  const t = translator(importMessages, ctx.lang);
  const core = await import('@firecover/core');
  const { readNetwork, requireRoads } = await import('../read_network');
  // The checksum of the source, taken while reading it (edges and nodes tables hashed in that order), so a stale file can be told.
  const loaded = await readNetwork(opts, ctx, { hashInputs: true });
  requireRoads(loaded);
  const { sha256: sha, bytes: size } = loaded.sourceDigest!;
  const format = opts.osm !== undefined ? (loaded.report?.format === 'xml' ? 'osm-xml' : 'osm-pbf') : opts.geojson !== undefined ? 'geojson' : 'edge-table';
  const { version } = await import('../version');
  const bytes = core.writeNetworkFile({
    network: loaded.network,
    ...(loaded.features ? { features: loaded.features } : {}),
    ...(loaded.report ? { report: loaded.report } : {}),
    source: { name: loaded.inputs.join(' + '), bytes: size, checksum: `sha256:${sha}`, format },
    writtenBy: `firecover ${version()}`,
  });
  const { writeFilesAtomic } = await import('../atomic_write');
  await writeFilesAtomic([{ path: opts.out, data: bytes }], loaded.inputs);
  ctx.out.write(
    `${t('wrote', { file: opts.out, nodes: loaded.network.nodeCount, links: loaded.network.linkCount, mb: (bytes.length / 1e6).toFixed(1), source: loaded.inputs.join(' + '), sha: sha.slice(0, 12) })}\n`,
  );
}
