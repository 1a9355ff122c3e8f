import { STATION_CLASSES, STATION_CLASS_LABELS } from '@firecover/core';
import { stationClassLabel, t } from '../i18n';
import { state } from '../app_state';
import type { CandidateInput } from '../model';
import { candidateClass } from './candidates';

/**
 * The candidate list in the side panel, each candidate editable in place: name, class, turnout, delete;
 * below it Undo and Save scenario. Changes are taken on `change` (Enter or leaving the field), so the panel
 * redrawn by a result never eats a half-typed value.
 */
export interface CandidateEditorActions {
  edit(id: string, patch: Partial<Pick<CandidateInput, 'stationClass' | 'name' | 'turnoutS'>>): void;
  undo(): void;
  save(): void;
  canUndo(): boolean;
  defaultTurnoutS(): number | null;
}

export const candidateEditor: { actions: CandidateEditorActions | null } = { actions: null };

function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The `<li>` rows of the candidates (inside the panel's `ul.cand-list`). */
export function candidateItemsHtml(candidates: readonly CandidateInput[]): string {
  const turnout = candidateEditor.actions?.defaultTurnoutS() ?? null;
  return candidates
    .map((c) => {
      const code = candidateClass(c.stationClass) ?? c.stationClass;
      const classes = STATION_CLASSES.filter((k) => k !== 'logistics' && k !== 'micro')
        .map((k) => `<option value="${k}" ${k === code ? 'selected' : ''}>${esc(stationClassLabel(k, STATION_CLASS_LABELS))}</option>`)
        .join('');
      return `<li class="cand" data-id="${esc(c.id)}"><b>${esc(c.id)}</b>
        <input class="cand-name" data-id="${esc(c.id)}" value="${esc(c.name ?? '')}" placeholder="${esc(c.id)}" aria-label="${esc(t('candName'))}" size="10">
        <select class="cand-class" data-id="${esc(c.id)}" aria-label="${esc(t('candidateClass'))}">${classes}</select>
        <label>${esc(t('candTurnout'))} <input class="cand-turnout" data-id="${esc(c.id)}" type="number" min="0" max="600" step="5" value="${c.turnoutS ?? ''}" placeholder="${turnout ?? ''}" style="width:4em"> ${esc(t('s'))}</label>
        <small class="muted">${c.lon.toFixed(4)}, ${c.lat.toFixed(4)}</small>
        <button class="remove" data-id="${esc(c.id)}">${esc(t('remove'))}</button></li>`;
    })
    .join('');
}

/** Undo and Save scenario, shown in scenario mode whether or not there are candidates. */
export function candidateToolsHtml(): string {
  const can = candidateEditor.actions?.canUndo() ?? false;
  return `<div class="row"><button id="undo" ${can ? '' : 'disabled'} title="Ctrl+Z">${esc(t('undo'))}</button> <button id="save-scenario" title="${esc(t('saveHint'))}">${esc(t('saveScenario'))}</button></div>`;
}

/** Wires the editor's inputs after the panel is drawn. */
export function wireCandidateEditor(root: HTMLElement): void {
  const a = candidateEditor.actions;
  if (!a) return;
  // Enter commits too: a field restored after a redraw (panel.ts keeps what was being typed) may not fire `change`.
  // Enter and the `change` that follows it commit once: the value last committed from this field is kept on it.
  const commitName = (el: HTMLInputElement) => {
    const name = el.value.trim() || undefined;
    const last = el.dataset.committed ?? state.candidates.find((c) => c.id === el.dataset.id)?.name ?? '';
    if (last === (name ?? '')) return;
    el.dataset.committed = name ?? '';
    a.edit(el.dataset.id!, { name });
  };
  root.querySelectorAll<HTMLInputElement>('input.cand-name').forEach((el) => {
    el.addEventListener('change', () => commitName(el));
    el.addEventListener('keydown', (e) => e.key === 'Enter' && commitName(el));
  });
  root.querySelectorAll<HTMLSelectElement>('select.cand-class').forEach((el) => el.addEventListener('change', () => a.edit(el.dataset.id!, { stationClass: el.value })));
  root.querySelectorAll<HTMLInputElement>('input.cand-turnout').forEach((el) =>
    el.addEventListener('change', () => {
      const v = el.value.trim() === '' ? undefined : Number(el.value);
      if (v !== undefined && !(v >= 0 && v <= 600)) return;
      a.edit(el.dataset.id!, { turnoutS: v });
    }),
  );
  root.querySelector('#undo')?.addEventListener('click', () => a.undo());
  root.querySelector('#save-scenario')?.addEventListener('click', () => a.save());
}
