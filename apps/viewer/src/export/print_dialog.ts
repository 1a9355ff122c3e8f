import { pageSizePx, type Orientation, type Paper } from '@firecover/report/print';
import { onLangChange } from '../i18n';
import type { MapView } from '../map/map_view';
import { download } from './districts_csv';
import { DEFAULT_DPI, baseName, exportMap, type ExportFormat } from './print_export';
import { pt, type PrintKey } from './print_text';
import { visibleLayersGeojson } from './visible_geojson';

/**
 * The "Print / export…" button and its dialog: paper, orientation, dpi, format; a progress line in
 * English or Chinese while the export runs, then the file is downloaded.
 */
export function installPrintDialog(view: MapView): void {
  const tools = document.querySelector('#topbar .tools');
  const button = document.createElement('button');
  button.id = 'print-open';
  tools?.insertBefore(button, document.getElementById('export-csv')?.nextSibling ?? null);

  const dialog = document.createElement('dialog');
  dialog.id = 'print-dialog';
  dialog.innerHTML = `
    <form method="dialog" class="print-form">
      <h2 data-t="printTitle"></h2>
      <label><span data-t="paper"></span> <select id="print-paper"><option value="A4">A4</option><option value="A3">A3</option></select></label>
      <label><span data-t="orientation"></span> <select id="print-orientation"><option value="portrait" data-t="portrait"></option><option value="landscape" data-t="landscape"></option></select></label>
      <label><span data-t="format"></span> <select id="print-format"><option value="png" data-t="fmt_png"></option><option value="pdf" data-t="fmt_pdf"></option><option value="svg" data-t="fmt_svg"></option><option value="geojson" data-t="fmt_geojson"></option></select></label>
      <label><span data-t="dpi"></span> <select id="print-dpi"><option value="150">150 dpi</option><option value="300" selected>300 dpi</option><option value="600">600 dpi</option></select></label>
      <p id="print-size" class="print-size"></p>
      <p id="print-progress" class="print-progress" role="status" aria-live="polite"></p>
      <div class="print-buttons"><button type="button" id="print-go" data-t="exportNow"></button> <button value="close" data-t="close"></button></div>
    </form>`;
  dialog.style.cssText = 'border:1px solid #999;border-radius:6px;padding:14px 18px;min-width:300px;font:14px system-ui,"Noto Sans CJK SC",sans-serif;';
  document.body.append(dialog);
  const q = <T extends HTMLElement>(sel: string) => dialog.querySelector(sel) as T;
  const paper = q<HTMLSelectElement>('#print-paper');
  const orientation = q<HTMLSelectElement>('#print-orientation');
  const format = q<HTMLSelectElement>('#print-format');
  const dpi = q<HTMLSelectElement>('#print-dpi');
  const size = q<HTMLElement>('#print-size');
  const progress = q<HTMLElement>('#print-progress');
  const go = q<HTMLButtonElement>('#print-go');
  for (const l of dialog.querySelectorAll('label')) l.style.cssText = 'display:flex;justify-content:space-between;gap:12px;margin:6px 0;';

  const labels = () => {
    button.textContent = pt('printButton');
    for (const el of dialog.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = pt(el.dataset.t as PrintKey);
    updateSize();
  };
  const updateSize = () => {
    const png = format.value === 'png';
    dpi.disabled = !png;
    const px = pageSizePx(paper.value as Paper, orientation.value as Orientation, Number(dpi.value));
    size.textContent = png ? pt('sizeNote', { w: px.width, h: px.height }) : '';
  };
  for (const s of [paper, orientation, format, dpi]) s.addEventListener('change', updateSize);
  onLangChange(labels);
  labels();

  button.addEventListener('click', () => {
    progress.textContent = '';
    dialog.showModal();
  });
  go.addEventListener('click', () => {
    go.disabled = true;
    const t0 = performance.now();
    const done = (file: string, bytes: number) => (progress.textContent = pt('p_done', { file, size: bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`, s: ((performance.now() - t0) / 1000).toFixed(1) }));
    const run = async () => {
      if (format.value === 'geojson') {
        progress.textContent = pt('p_layers');
        const text = JSON.stringify(await visibleLayersGeojson(view));
        const name = `${baseName()}-visible-layers.geojson`;
        download(new Blob([text], { type: 'application/geo+json' }), name);
        done(name, text.length);
        return;
      }
      const r = await exportMap(view, { format: format.value as ExportFormat, paper: paper.value as Paper, orientation: orientation.value as Orientation, dpi: Number(dpi.value) || DEFAULT_DPI }, (s) => (progress.textContent = s));
      download(new Blob([r.bytes as BlobPart], { type: r.mime }), r.fileName);
      done(r.fileName, r.bytes.length);
    };
    run()
      .catch((e: unknown) => (progress.textContent = pt('p_failed', { msg: e instanceof Error ? e.message : String(e) })))
      .finally(() => (go.disabled = false));
  });
}
