import type { Map as MlMap } from 'maplibre-gl';
import { BAD, STATUS_COLOURS } from './colours';

/**
 * Symbols drawn on a canvas at run time (no sprite server): one shape per station status, so the
 * status reads without colour: existing ■ filled, under construction ◧ half, planned □ outline,
 * candidate ◇ diamond; gaps a red line hatch, unprotected land an orange stipple. The same drawings are used by the legend and the PNG export.
 */
export type IconName = 'st-existing' | 'st-under_construction' | 'st-planned' | 'st-candidate' | 'hatch-gap' | 'hatch-unprotected';

const SIZE = 22;

export function drawIcon(name: IconName, ctx: CanvasRenderingContext2D, size = SIZE): void {
  const s = size;
  const pad = s * 0.14;
  const w = s - 2 * pad;
  ctx.clearRect(0, 0, s, s);
  ctx.lineWidth = Math.max(2, s * 0.12);
  ctx.lineJoin = 'round';
  switch (name) {
    case 'st-existing':
      ctx.fillStyle = STATUS_COLOURS.existing;
      ctx.strokeStyle = '#fff';
      ctx.fillRect(pad, pad, w, w);
      ctx.lineWidth = Math.max(1, s * 0.06);
      ctx.strokeRect(pad, pad, w, w);
      cross(ctx, s, '#fff');
      break;
    case 'st-under_construction':
      ctx.fillStyle = '#fff';
      ctx.fillRect(pad, pad, w, w);
      ctx.fillStyle = STATUS_COLOURS.under_construction;
      ctx.beginPath();
      ctx.moveTo(pad, pad);
      ctx.lineTo(pad + w, pad);
      ctx.lineTo(pad, pad + w);
      ctx.closePath();
      ctx.fill();
      ctx.strokeStyle = STATUS_COLOURS.under_construction;
      ctx.strokeRect(pad, pad, w, w);
      break;
    case 'st-planned':
      ctx.fillStyle = '#fff';
      ctx.fillRect(pad, pad, w, w);
      ctx.strokeStyle = STATUS_COLOURS.planned;
      ctx.strokeRect(pad, pad, w, w);
      cross(ctx, s, STATUS_COLOURS.planned);
      break;
    case 'st-candidate':
      ctx.fillStyle = '#fff';
      ctx.strokeStyle = STATUS_COLOURS.candidate;
      ctx.beginPath();
      ctx.moveTo(s / 2, pad * 0.6);
      ctx.lineTo(s - pad * 0.6, s / 2);
      ctx.lineTo(s / 2, s - pad * 0.6);
      ctx.lineTo(pad * 0.6, s / 2);
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = STATUS_COLOURS.candidate;
      ctx.beginPath();
      ctx.arc(s / 2, s / 2, s * 0.12, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'hatch-unprotected': {
      // stipple, not lines: told apart from the gap hatch by its shape, not only its colour
      ctx.fillStyle = '#e66101';
      ctx.globalAlpha = 0.9;
      const r = Math.max(1, s / 9);
      for (const [x, y] of [[0.25, 0.25], [0.75, 0.75]]) {
        ctx.beginPath();
        ctx.arc(x * s, y * s, r, 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.globalAlpha = 1;
      break;
    }
    case 'hatch-gap': {
      ctx.strokeStyle = BAD;
      ctx.globalAlpha = 0.85;
      ctx.lineWidth = s / 8;
      for (let o = -s; o <= s; o += s / 2) {
        ctx.beginPath();
        ctx.moveTo(o, s);
        ctx.lineTo(o + s, 0);
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
      break;
    }
  }
}

function cross(ctx: CanvasRenderingContext2D, s: number, colour: string): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = Math.max(1.5, s * 0.1);
  ctx.beginPath();
  ctx.moveTo(s / 2, s * 0.3);
  ctx.lineTo(s / 2, s * 0.7);
  ctx.moveTo(s * 0.3, s / 2);
  ctx.lineTo(s * 0.7, s / 2);
  ctx.stroke();
}

const ICONS: IconName[] = ['st-existing', 'st-under_construction', 'st-planned', 'st-candidate', 'hatch-gap', 'hatch-unprotected'];

/** Adds the icons to a map at its pixel ratio (so print exports stay sharp). */
export function installIcons(map: MlMap, pixelRatio: number): void {
  for (const name of ICONS) {
    if (map.hasImage(name)) continue;
    const hatch = name.startsWith('hatch');
    const size = Math.round((hatch ? 12 : SIZE) * pixelRatio);
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    drawIcon(name, ctx, size);
    map.addImage(name, ctx.getImageData(0, 0, size, size), { pixelRatio });
  }
}

/** A small data-URL picture of an icon, for the HTML legend. */
export function iconDataUrl(name: IconName, size = 18): string {
  const canvas = document.createElement('canvas');
  canvas.width = size * 2;
  canvas.height = size * 2;
  drawIcon(name, canvas.getContext('2d')!, size * 2);
  return canvas.toDataURL();
}
