import type { LoadedScenario } from '@firecover/core';
import type { CliContext } from './command_module';
import { defineMessages, translator } from './i18n';

/**
 * What `analyze` and `hydrants` say about their inputs, in one place: warnings (a layer that looks like
 * GCJ-02 …) go to stderr at once, before any figure; the per-layer import report heads the printed
 * report; both go into summary.json (`imports`, `warnings`).
 */
const messages = defineMessages({
  en: { inputs: 'Inputs', warning: 'warning: ' },
  zh: { inputs: '输入数据', warning: '警告：' },
});

/** Writes the scenario's input warnings to stderr (call before computing or printing any figure). */
export function warnInputs(scenario: LoadedScenario, ctx: CliContext): void {
  const t = translator(messages, ctx.lang);
  for (const w of scenario.warnings ?? []) ctx.err.write(`${ctx.color.yellow(t('warning'))}${ctx.lang === 'zh' ? w.zh : w.en}\n`);
}

/** The "Inputs" block that heads the printed report: one line per layer file (empty when none was read). */
export async function inputsBlock(scenario: LoadedScenario, ctx: CliContext): Promise<string> {
  const reports = scenario.imports ?? [];
  if (reports.length === 0) return '';
  const { importReportLines } = await import('@firecover/core');
  const t = translator(messages, ctx.lang);
  return `${t('inputs')}\n${importReportLines(reports, ctx.lang).map((l) => `  ${l}`).join('\n')}\n\n`;
}

/** The summary.json fields about the inputs (added beside the existing ones, never renaming them). */
export function inputsSummary(scenario: LoadedScenario): { imports: NonNullable<LoadedScenario['imports']>; warnings: NonNullable<LoadedScenario['warnings']> } {
  return { imports: scenario.imports ?? [], warnings: scenario.warnings ?? [] };
}
