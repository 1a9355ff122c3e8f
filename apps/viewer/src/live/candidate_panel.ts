import { STATION_CLASSES, STATION_CLASS_LABELS } from '@firecover/core';
import { stationClassLabel, t } from '../i18n';
import type { CandidateInput } from '../model';
import { candidateClass } from './candidates';

/**
 * The candidate list in the side panel, each candidate editable in place: name, class, turnout, delete;
 * below it Undo and Save scenario. Changes are taken on `change` (Enter or leaving the field), so the panel
 * redrawn by a result never eats a half-typed value (the panel is patched in place and keeps the focused input).
 */
export interface CandidateEditorActions {
  edit(id: string, patch: Partial<Pick<CandidateInput, 'stationClass' | 'name' | 'turnoutS'>>): void;
  undo(): void;
  save(): void;
  canUndo(): boolean;
  defaultTurnoutS(): number | null;
  /**
   * The name of candidate `id` in the newest candidate list (the one the page is about to show, ahead of the
   * figures while an analysis runs): '' when it has none, null when the newest list does not hold it.
   */
  currentName(id: string): string | null;
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

/** Panel roots whose editor events are already delegated. */
const wired = new WeakSet<HTMLElement>();

/**
 * Wires the editor's inputs and buttons, once per panel root (further calls do nothing): delegated listeners
 * on the root, so the panel's elements, which persist across redraws, never carry listeners of their own.
 * The actions are read when an event arrives.
 */
export function wireCandidateEditor(root: HTMLElement): void {
  if (wired.has(root)) return;
  wired.add(root);
  // Enter commits, and so does the `change` that follows it (or leaving the field): a name is sent only when it
  // differs from the candidate's name in the newest list, so the two commit once.
  const commitName = (a: CandidateEditorActions, el: HTMLInputElement) => {
    const id = el.dataset.id!;
    const name = el.value.trim() || undefined;
    const current = a.currentName(id);
    if (current === null || current === (name ?? '')) return;
    a.edit(id, { name });
  };
  root.addEventListener('change', (e) => {
    const a = candidateEditor.actions;
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    if (!a || !el.matches?.('input.cand-name, select.cand-class, input.cand-turnout')) return;
    if (el.matches('input.cand-name')) commitName(a, el as HTMLInputElement);
    else if (el.matches('select.cand-class')) a.edit(el.dataset.id!, { stationClass: el.value });
    else {
      const v = el.value.trim() === '' ? undefined : Number(el.value);
      if (v !== undefined && !(v >= 0 && v <= 600)) return;
      a.edit(el.dataset.id!, { turnoutS: v });
    }
  });
  root.addEventListener('keydown', (e) => {
    const a = candidateEditor.actions;
    const el = e.target as HTMLInputElement;
    if (a && e.key === 'Enter' && el.matches?.('input.cand-name')) commitName(a, el);
  });
  root.addEventListener('click', (e) => {
    const a = candidateEditor.actions;
    const el = (e.target as Element | null)?.closest?.('#undo, #save-scenario');
    if (!a || !el || !root.contains(el)) return;
    if (el.id === 'undo') a.undo();
    else a.save();
  });
}
