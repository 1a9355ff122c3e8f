import * as maplibregl from 'maplibre-gl';
import { state } from '../app_state';
import { getLang, pick, t } from '../i18n';
import { installIcons } from '../map/icons';
import type { MapView } from '../map/map_view';
import { buildStyle } from '../map/style';
import { drawSwatch, legendGroups } from '../panel/legend';

const HEADER = 54;
const FOOTER = 30;
const FONT = 'system-ui, "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';

/** Renders the current view at `pixelRatio` in an offscreen map (beyond the live canvas's size cap). */
async function renderOffscreen(view: MapView, w: number, h: number, pixelRatio: number): Promise<{ canvas: HTMLCanvasElement; done: () => void }> {
  const live = view.map;
  const container = document.createElement('div');
  container.style.cssText = `position:fixed;left:-${w + 100}px;top:0;width:${w}px;height:${h}px;visibility:hidden;`;
  document.body.append(container);
  const bandsS = state.info?.bandsS ?? [180, 240, 300];
  const map = new maplibregl.Map({
    container,
    style: buildStyle(bandsS, view.visible, view.urls, getLang()),
    center: live.getCenter(),
    zoom: live.getZoom(),
    bearing: live.getBearing(),
    pixelRatio,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    maxCanvasSize: [16384, 16384],
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  // Patterns must exist before the first tiles are laid out, or those tiles draw without them.
  installIcons(map, pixelRatio);
  map.on('styleimagemissing', () => installIcons(map, pixelRatio));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('export: map did not finish drawing in 60 s')), 60_000);
    map.once('load', () => installIcons(map, pixelRatio));
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    canvas: map.getCanvas(),
    done: () => {
      map.remove();
      container.remove();
    },
  };
}

function niceLength(maxM: number): number {
  const p = 10 ** Math.floor(Math.log10(maxM));
  for (const f of [5, 2, 1]) if (f * p <= maxM) return f * p;
  return p;
}

/**
 * PNG of the map for print: title, legend, scale bar, north arrow, attribution, the scenario's
 * provenance. `pixelRatio` 1 uses the live canvas; higher ratios render an offscreen copy of the view.
 */
export async function exportMapPng(view: MapView, pixelRatio = 2): Promise<Blob> {
  const live = view.map;
  const container = live.getContainer();
  const w = container.clientWidth;
  const h = container.clientHeight;
  const r = pixelRatio;
  let mapCanvas: HTMLCanvasElement;
  let done = () => {};
  if (Math.abs(r - live.getPixelRatio()) < 1e-6) {
    live.triggerRepaint();
    await new Promise<void>((res) => live.once('render', () => res()));
    mapCanvas = live.getCanvas();
  } else {
    const off = await renderOffscreen(view, w, h, r);
    mapCanvas = off.canvas;
    done = off.done;
  }
  const out = document.createElement('canvas');
  out.width = Math.round(w * r);
  out.height = Math.round((h + HEADER + FOOTER) * r);
  const ctx = out.getContext('2d')!;
  ctx.scale(r, r);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h + HEADER + FOOTER);
  ctx.drawImage(mapCanvas, 0, HEADER, w, h);
  done();
  const info = state.info;

  // Title
  ctx.fillStyle = '#111';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `600 20px ${FONT}`;
  ctx.fillText(info ? pick(info.name, info.nameZh) : 'firecover', 12, 26);
  ctx.font = `13px ${FONT}`;
  ctx.fillStyle = '#444';
  const sub = [info?.synthetic ? t('synthetic') : '', info?.presetName ? `${t('standard')}: ${info.presetName[getLang()]}` : '', state.candidates.length ? `${t('candidates')}: ${state.candidates.length}` : ''].filter(Boolean).join(' · ');
  ctx.fillText(sub, 12, 45);
  ctx.strokeStyle = '#999';
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, HEADER + 0.5, w - 1, h - 1);

  // Legend
  const groups = legendGroups(info?.bandsS ?? [180, 240, 300], (g) => view.visible.has(g) && g !== 'osm');
  ctx.font = `12px ${FONT}`;
  let legendW = 0;
  let legendH = 10;
  for (const g of groups) {
    legendH += 18 + g.entries.length * 17;
    for (const e of g.entries) legendW = Math.max(legendW, ctx.measureText(e.label).width);
  }
  legendW += 50;
  const lx = 10;
  const ly = HEADER + h - legendH - 10;
  if (ly > HEADER) {
    ctx.fillStyle = 'rgba(255,255,255,0.92)';
    ctx.fillRect(lx, ly, legendW, legendH);
    ctx.strokeStyle = '#888';
    ctx.strokeRect(lx + 0.5, ly + 0.5, legendW - 1, legendH - 1);
    let y = ly + 8;
    for (const g of groups) {
      ctx.fillStyle = '#111';
      ctx.font = `600 12px ${FONT}`;
      ctx.fillText(t(g.title), lx + 8, y + 12);
      y += 18;
      ctx.font = `12px ${FONT}`;
      for (const e of g.entries) {
        drawSwatch(ctx, e.swatch, lx + 8, y + 1, 24, 13);
        ctx.fillStyle = '#222';
        ctx.fillText(e.label, lx + 40, y + 12);
        y += 17;
      }
    }
  }

  // Scale bar (bottom right)
  const lat = live.getCenter().lat;
  const mPerPx = (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** live.getZoom());
  const lengthM = niceLength(mPerPx * 160);
  const barPx = lengthM / mPerPx;
  const sx = w - barPx - 20;
  const sy = HEADER + h - 22;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(sx - 8, sy - 18, barPx + 16, 30);
  ctx.fillStyle = '#111';
  ctx.fillRect(sx, sy, barPx / 2, 5);
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 1;
  ctx.strokeRect(sx, sy, barPx, 5);
  ctx.font = `12px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText('0', sx, sy - 4);
  ctx.fillText(lengthM >= 1000 ? `${lengthM / 1000} km` : `${lengthM} m`, sx + barPx, sy - 4);

  // North arrow (top right)
  const nx = w - 30;
  const ny = HEADER + 40;
  ctx.save();
  ctx.translate(nx, ny);
  ctx.rotate((-live.getBearing() * Math.PI) / 180);
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(0, 0, 20, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#111';
  ctx.beginPath();
  ctx.moveTo(0, -15);
  ctx.lineTo(8, 10);
  ctx.lineTo(0, 5);
  ctx.lineTo(-8, 10);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
  ctx.font = `600 13px ${FONT}`;
  ctx.fillStyle = '#111';
  ctx.fillText(t('northArrow'), nx, HEADER + 12);

  // Footer: provenance, attribution, date
  ctx.textAlign = 'left';
  ctx.font = `11px ${FONT}`;
  ctx.fillStyle = '#333';
  const osm = (info?.osm ?? false) || view.visible.has('osm');
  const foot = [`${t('provenance')}: ${info?.provenance ?? ''}`, osm ? '© OpenStreetMap contributors' : '', `firecover · ${new Date().toISOString().slice(0, 10)}`].filter(Boolean).join('   ·   ');
  ctx.fillText(foot, 12, HEADER + h + 19, w - 24);

  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
