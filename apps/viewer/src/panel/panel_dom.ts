import morphdom from 'morphdom';

/**
 * Puts new panel HTML into `root` in place (morphdom): elements whose content did not change stay the same
 * elements (a button being pressed, a link, an input being typed in), only what differs is changed, so a
 * redraw neither eats a click nor re-lays-out the whole panel.
 *
 * The focused `<input>`/`<textarea>` keeps what the user is typing (its other attributes follow the new HTML);
 * a focused `<select>` is left as the user has it. Elements are matched by `id`, a candidate's row by its
 * `data-id` and a district row by its station, so a removed candidate does not shift the others' elements.
 */
export function patchChildren(root: HTMLElement, html: string): void {
  const next = root.ownerDocument.createElement(root.tagName);
  next.innerHTML = html;
  const focused = root.ownerDocument.activeElement;
  morphdom(root, next, {
    childrenOnly: true,
    getNodeKey: nodeKey,
    onBeforeElUpdated(fromEl, toEl) {
      // an option that did not change is left alone (morphdom's option handling re-sets its `selected` attribute)
      if (fromEl.tagName === 'OPTION' && (fromEl as HTMLOptionElement).selected === (toEl as HTMLOptionElement).selected && fromEl.isEqualNode(toEl)) return false;
      if (fromEl !== focused) return true;
      const tag = fromEl.tagName;
      if (tag === 'SELECT') return false;
      if (tag === 'INPUT' || tag === 'TEXTAREA') (toEl as HTMLInputElement).value = (fromEl as HTMLInputElement).value;
      return true;
    },
  });
}

function nodeKey(node: Node): string | undefined {
  if (node.nodeType !== 1) return undefined;
  const el = node as Element;
  if (el.id) return el.id;
  const id = el.getAttribute('data-id');
  if (id !== null && el.tagName === 'LI' && el.classList.contains('cand')) return `cand:${id}`;
  const district = el.getAttribute('data-district');
  if (district !== null && el.tagName === 'TR' && el.parentElement?.parentElement?.id === 'districts-table') return `district:${district}`;
  return undefined;
}
