// @vitest-environment jsdom
// (jsdom, not happy-dom: happy-dom 21 gives a parsed second <select> the first one’s selected index, which the property below caught)
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { state } from '../app_state';
import { setLang } from '../i18n';
import { candidateEditor, type CandidateEditorActions } from '../live/candidate_panel';
import type { CandidateInput } from '../model';
import { renderPanel, type PanelActions } from './panel';

/**
 * The side panel is patched in place and listens once on its root: elements that did not change survive a
 * redraw (a click in progress, the input being typed in), and one click or one commit is one action however
 * many redraws came before it.
 */

type Call = [string, ...unknown[]];

function panelActions(calls: Call[]): PanelActions {
  return {
    toggleCandidateMode: () => calls.push(['toggleCandidateMode']),
    removeCandidate: (id) => calls.push(['removeCandidate', id]),
    removeAllCandidates: () => calls.push(['removeAllCandidates']),
    zoomTo: (kind, id) => calls.push(['zoomTo', kind, id]),
    zoomToPoint: (lon, lat) => calls.push(['zoomToPoint', lon, lat]),
  };
}

/** Editor actions over a newest list, as main.ts wires them to LiveCandidates (an edit changes the list at once). */
function editorActions(calls: Call[], list: { value: CandidateInput[] }): CandidateEditorActions {
  return {
    edit: (id, patch) => {
      calls.push(['edit', id, patch]);
      list.value = list.value.map((c) => (c.id === id ? { ...c, ...patch } : c));
    },
    undo: () => calls.push(['undo']),
    save: () => calls.push(['save']),
    canUndo: () => true,
    defaultTurnoutS: () => null,
    currentName: (id) => {
      const c = list.value.find((x) => x.id === id);
      return c ? (c.name ?? '') : null;
    },
  };
}

const C1: CandidateInput = { id: 'C1', lon: 114.3, lat: 30.6, stationClass: 'class2', name: 'Hexi' };
const C2: CandidateInput = { id: 'C2', lon: 114.31, lat: 30.61, stationClass: 'class1' };
const C3: CandidateInput = { id: 'C3', lon: 114.32, lat: 30.62, stationClass: 'small', turnoutS: 90 };

const line = (key: string, value: number, unit: string) => ({ key, en: key, zh: key, value, unit, clause: '—', pass: null });
const district = (stationId: string, areaKm2: number) => ({
  stationId,
  name: `Station ${stationId}`,
  class: 'class2',
  areaKm2: { value: areaKm2, limit: 7, pass: areaKm2 <= 7, clause: 'GB 51054-2014 §4.1.2' },
  latestArrivalS: { value: 280, limit: 300, pass: true, clause: 'GB 51080-2015 §4.1.1' },
});
function summary(landSharePct: number, areaS1Km2: number): Record<string, unknown> {
  return {
    figures: [line('landShare', landSharePct, '%'), line('lateAreaKm2', 3.5, 'km²')],
    districts: [district('S1', areaS1Km2), district('S2', 5.25)],
    gaps: { late: [{ kind: 'late', rank: 1, areaKm2: 1.5, centroid: [114.35, 30.65] }], unreachable: [] },
  };
}

/** A scenario with candidates; `landSharePct`, `areaS1Km2` and `recomputeMs` are the figures that change. */
function showScenario(candidates: CandidateInput[], landSharePct = 62.5, areaS1Km2 = 6.1, recomputeMs = 120): void {
  state.info = { name: 'Test city', synthetic: false, provenance: 'hand-made', osm: false, bandsS: [180, 240, 300] };
  state.mode = 'scenario';
  state.error = null;
  state.loading = false;
  state.summary = summary(landSharePct, areaS1Km2);
  state.baseSummary = summary(60, 8);
  state.candidates = candidates.map((c) => ({ ...c }));
  state.lastRecomputeMs = recomputeMs;
  state.lastRoundTripMs = null;
  state.lastUpdateMs = null;
  state.comparison = [];
  state.decoded = {};
}

/**
 * Press and release over the element `selector` names, with `between` (a redraw) in between; the click goes,
 * as in a browser (UI Events), to the nearest common ancestor of the pressed and the released element —
 * none when the pressed one has left the document, which is how the fresh-clone run lost its undo.
 */
function pressAndRelease(root: HTMLElement, selector: string, between: () => void): void {
  const down = root.querySelector(selector)!;
  down.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
  down.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  between();
  const up = root.querySelector(selector)!;
  up.dispatchEvent(new MouseEvent('pointerup', { bubbles: true }));
  up.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  const ups = new Set<Node>();
  for (let n: Node | null = up; n; n = n.parentNode) ups.add(n);
  let target: Node | null = down;
  while (target && !ups.has(target)) target = target.parentNode;
  if (target && target !== document) target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
}

const click = (el: Element): MouseEvent => {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true });
  el.dispatchEvent(e);
  return e;
};
const change = (el: Element) => el.dispatchEvent(new Event('change', { bubbles: true }));
const enter = (el: Element) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));

describe('side panel redrawn in place', () => {
  let root: HTMLElement;
  let calls: Call[];
  let list: { value: CandidateInput[] };
  let actions: PanelActions;
  const render = () => renderPanel(root, actions);
  const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;

  beforeEach(() => {
    setLang('en');
    document.body.innerHTML = '<aside id="panel"></aside><button id="outside">outside</button>';
    root = document.getElementById('panel')!;
    calls = [];
    list = { value: [C1, C2, C3] };
    actions = panelActions(calls);
    candidateEditor.actions = editorActions(calls, list);
    showScenario([C1, C2, C3]);
  });
  afterEach(() => {
    candidateEditor.actions = null;
    state.info = null;
  });

  it('keeps buttons, links and inputs whose content did not change when only figures change', () => {
    render();
    expect($('#coverage-figure').textContent).toBe('62.5 %');
    const kept = [$('#undo'), $('#save-scenario'), $('#remove-all'), $('#candidate-mode'), $('button.remove[data-id="C2"]'), $('input.cand-name[data-id="C1"]'), $('select.cand-class[data-id="C3"]'), $('a.zoom[data-kind="district"][data-id="S1"]'), $('a.zoom[data-kind="gap"]')];
    expect(kept.every((el) => el instanceof HTMLElement)).toBe(true);
    const beforeAfter = $('#before-after');
    showScenario([C1, C2, C3], 64, 6.4, 95);
    render();
    // the figures did change: 64.toFixed(1), before 60 → after 64 is +4.0; S1's area 6.40 of a 7 km² cap
    expect($('#coverage-figure').textContent).toBe('64.0 %');
    expect(beforeAfter.isConnected).toBe(true);
    expect(beforeAfter.querySelector('td')!.textContent).toBe('60.0 % → 64.0 % (+4.0 %)');
    expect($('tr[data-district="S1"] td.num').textContent).toBe('6.40 / 7');
    expect($('#recompute-ms').textContent).toContain('95 ms');
    // …and every element whose content did not change is the same element, still in the document
    const again = [$('#undo'), $('#save-scenario'), $('#remove-all'), $('#candidate-mode'), $('button.remove[data-id="C2"]'), $('input.cand-name[data-id="C1"]'), $('select.cand-class[data-id="C3"]'), $('a.zoom[data-kind="district"][data-id="S1"]'), $('a.zoom[data-kind="gap"]')];
    for (let i = 0; i < kept.length; i++) {
      expect(again[i], kept[i].outerHTML).toBe(kept[i]);
      expect(kept[i].isConnected).toBe(true);
    }
  });

  it('a redraw changes only what differs: none for the same state, only texts and attributes for new figures', () => {
    render();
    const seen = new MutationObserver(() => {});
    seen.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    render();
    expect(seen.takeRecords()).toEqual([]);
    showScenario([C1, C2, C3], 64, 6.4, 95);
    render();
    const records = seen.takeRecords();
    seen.disconnect();
    // no element was added or removed: the new figures went into the existing text nodes and attributes
    expect(records.filter((r) => r.type === 'childList')).toEqual([]);
    expect(records.length).toBeGreaterThan(0);
    const attributes = new Set(records.filter((r) => r.type === 'attributes').map((r) => `${(r.target as Element).id || (r.target as Element).tagName}.${r.attributeName}`));
    expect([...attributes].sort()).toEqual(['coverage-figure.data-value']);
  });

  it('removing a candidate keeps the other candidates’ elements (rows are matched by id, not by position)', () => {
    render();
    const c3Name = $<HTMLInputElement>('input.cand-name[data-id="C3"]');
    const c3Remove = $('button.remove[data-id="C3"]');
    const c1Row = $('li.cand[data-id="C1"]');
    showScenario([C1, C3]);
    render();
    expect(root.querySelectorAll('li.cand')).toHaveLength(2);
    expect(root.querySelector('li.cand[data-id="C2"]')).toBeNull();
    expect($('input.cand-name[data-id="C3"]')).toBe(c3Name);
    expect($('button.remove[data-id="C3"]')).toBe(c3Remove);
    expect($('li.cand[data-id="C1"]')).toBe(c1Row);
    expect(c3Name.placeholder).toBe('C3');
  });

  it('a redraw between pointer down and up on Undo does not lose the click: the undo runs exactly once', () => {
    render();
    pressAndRelease(root, '#undo', () => {
      showScenario([C1, C2, C3], 63, 6.2, 80);
      render();
    });
    expect(calls).toEqual([['undo']]);
    // and the same for a candidate's Remove, with two redraws while the button is held
    calls.length = 0;
    pressAndRelease(root, 'button.remove[data-id="C2"]', () => {
      showScenario([C1, C2, C3], 63.5, 6.3, 70);
      render();
      render();
    });
    expect(calls).toEqual([['removeCandidate', 'C2']]);
  });

  it('one click is one action however many redraws came before it (listeners are not stacked)', () => {
    for (let i = 0; i < 5; i++) {
      showScenario([C1, C2, C3], 60 + i, 6 + i / 10, 100 + i);
      render();
    }
    click($('#undo'));
    click($('#save-scenario'));
    click($('#candidate-mode'));
    click($('#remove-all'));
    click($('button.remove[data-id="C1"]'));
    const districtClick = click($('a.zoom[data-kind="district"][data-id="S2"]'));
    const gapClick = click($('a.zoom[data-kind="gap"]'));
    expect(calls).toEqual([['undo'], ['save'], ['toggleCandidateMode'], ['removeAllCandidates'], ['removeCandidate', 'C1'], ['zoomTo', 'district', 'S2'], ['zoomToPoint', 114.35, 30.65]]);
    expect(districtClick.defaultPrevented).toBe(true);
    expect(gapClick.defaultPrevented).toBe(true);
    // a click outside the panel or on a figure is no action
    calls.length = 0;
    click(document.getElementById('outside')!);
    click($('#coverage-figure'));
    expect(calls).toEqual([]);
    // each editor change is one edit
    const cls = $<HTMLSelectElement>('select.cand-class[data-id="C2"]');
    cls.value = 'class1';
    change(cls);
    const turnout = $<HTMLInputElement>('input.cand-turnout[data-id="C3"]');
    turnout.value = '120';
    change(turnout);
    expect(calls).toEqual([
      ['edit', 'C2', { stationClass: 'class1' }],
      ['edit', 'C3', { turnoutS: 120 }],
    ]);
    // a turnout outside 0–600 s is not sent; an emptied one goes back to the preset's (undefined)
    calls.length = 0;
    turnout.value = '900';
    change(turnout);
    turnout.value = '';
    change(turnout);
    expect(calls).toEqual([['edit', 'C3', { turnoutS: undefined }]]);
  });

  it('the focused name input keeps what is typed, its caret and the focus when a redraw brings another name', () => {
    render();
    const input = $<HTMLInputElement>('input.cand-name[data-id="C1"]');
    input.focus();
    input.value = 'Hexi typed';
    input.setSelectionRange(2, 4);
    expect(document.activeElement).toBe(input);
    // a result arrives with other names (C1 renamed elsewhere, C2 named): the panel is redrawn
    showScenario([{ ...C1, name: 'Server name' }, { ...C2, name: 'Jiangbei' }, C3], 63, 6.2, 90);
    render();
    expect($('input.cand-name[data-id="C1"]')).toBe(input);
    expect(input.value).toBe('Hexi typed');
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([2, 4]);
    // the input that is not focused does follow the new name
    expect($<HTMLInputElement>('input.cand-name[data-id="C2"]').value).toBe('Jiangbei');
    // once the focus has gone, the next redraw shows the state's name
    input.blur();
    render();
    expect(input.value).toBe('Server name');
  });

  it('Enter and the change that follows commit a name once, even with a redraw between them', () => {
    render();
    const input = $<HTMLInputElement>('input.cand-name[data-id="C2"]');
    input.focus();
    input.value = '  Jiangbei ';
    enter(input);
    // the figures are not back yet: a redraw still shows the old (absent) name
    render();
    change($('input.cand-name[data-id="C2"]'));
    expect(calls).toEqual([['edit', 'C2', { name: 'Jiangbei' }]]);
    // a second, different name is a second commit; the same name again is none
    input.value = 'Jiangbei 2';
    change(input);
    enter(input);
    input.value = 'Jiangbei 2';
    change(input);
    expect(calls).toEqual([
      ['edit', 'C2', { name: 'Jiangbei' }],
      ['edit', 'C2', { name: 'Jiangbei 2' }],
    ]);
    // clearing the name commits "no name" once
    input.value = '';
    enter(input);
    change(input);
    expect(calls.slice(2)).toEqual([['edit', 'C2', { name: undefined }]]);
  });

  it('a name typed for a candidate no longer in the newest list is not sent', () => {
    render();
    const input = $<HTMLInputElement>('input.cand-name[data-id="C3"]');
    list.value = [C1, C2];
    input.value = 'Gone';
    enter(input);
    change(input);
    expect(calls).toEqual([]);
  });

  it('after any sequence of redraws the panel is what one fresh drawing of the last state gives (property)', () => {
    const step = fc.record({
      keep: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
      names: fc.tuple(fc.option(fc.constantFrom('Hexi', 'Jiangbei', '江北站', 'a<b & "c"'), { nil: undefined }), fc.option(fc.constantFrom('Hanyang', '汉阳'), { nil: undefined })),
      pct: fc.integer({ min: 0, max: 1000 }).map((x) => x / 10),
      areaKm2: fc.integer({ min: 100, max: 1200 }).map((x) => x / 100),
      ms: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
      candidateMode: fc.boolean(),
      zh: fc.boolean(),
      /** A control changed by the user (not focused any more) before the redraw: the state's value wins. */
      poke: fc.option(fc.constantFrom('select.cand-class', 'input.cand-turnout', 'input.cand-name', '#candidate-class'), { nil: undefined }),
    });
    type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
    const show = (x: Step) => {
      setLang(x.zh ? 'zh' : 'en');
      const cands = [{ ...C1, name: x.names[0] }, { ...C2, name: x.names[1] }, C3].filter((_, i) => x.keep[i]);
      showScenario(cands, x.pct, x.areaKm2, 0);
      state.lastRecomputeMs = x.ms;
      state.candidateMode = x.candidateMode;
    };
    const controls = (el: HTMLElement) => [...el.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].map((c) => `${c.className}/${c.dataset.id ?? c.id}=${c.value}`);
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        root.replaceChildren();
        for (const x of steps) {
          const poked = x.poke ? root.querySelector<HTMLInputElement | HTMLSelectElement>(x.poke) : null;
          if (poked) poked.value = poked.tagName === 'SELECT' ? 'ladder' : '45';
          show(x);
          render();
        }
        const fresh = document.createElement('aside');
        renderPanel(fresh, actions);
        expect(root.innerHTML).toBe(fresh.innerHTML);
        expect(controls(root)).toEqual(controls(fresh));
      }),
      { numRuns: 60 },
    );
    state.candidateMode = false;
  });
});
