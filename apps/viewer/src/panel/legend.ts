import { bandColours, BAD, COMMUNITY_BAD, COMMUNITY_OK, HAZARD_BAD, HAZARD_OK, HYDRANT_BAD, HYDRANT_OK, MICRO_OFF, MICRO_ON, MICRO_OUTLINE, NEWLY_COVERED, TOWNSHIP_BAD, TOWNSHIP_OK } from '../map/colours';
import { drawIcon, type IconName } from '../map/icons';
import { t, type Key } from '../i18n';

/** "≤ 3 min" / "> 5 min" for band i of limits bandsS (seconds). */
export function bandLabel(i: number, bandsS: number[]): string {
  const m = (s: number) => +(s / 60).toFixed(1);
  return i < bandsS.length ? t('bandUpTo', { m: m(bandsS[i]) }) : t('bandOver', { m: m(bandsS[bandsS.length - 1]) });
}

export type Swatch =
  | { kind: 'fill'; colour: string; opacity?: number; outline?: string }
  | { kind: 'line'; colour: string; width: number; dash?: boolean; casing?: string }
  | { kind: 'circle'; colour: string; stroke: string }
  | { kind: 'icon'; icon: IconName; opacity?: number };

export interface LegendEntry {
  swatch: Swatch;
  label: string;
}

export interface LegendGroup {
  group: string;
  title: Key;
  entries: LegendEntry[];
}

/** The legend, shared by the page and the PNG export. */
export function legendGroups(bandsS: number[], present: (group: string) => boolean): LegendGroup[] {
  const bands = bandColours(bandsS);
  const groups: LegendGroup[] = [
    { group: 'bands', title: 'L_bands', entries: bands.map((c, i) => ({ swatch: { kind: 'fill', colour: c, opacity: 0.85 }, label: bandLabel(i, bandsS) })) },
    {
      group: 'districts',
      title: 'L_districts',
      entries: [
        { swatch: { kind: 'line', colour: '#333', width: 1.5 }, label: t('d_ok') },
        { swatch: { kind: 'line', colour: BAD, width: 3, dash: true }, label: t('d_bad') },
      ],
    },
    { group: 'gaps', title: 'L_gaps', entries: [{ swatch: { kind: 'icon', icon: 'hatch-gap' }, label: t('L_gaps') }] },
    { group: 'newly_covered', title: 'L_newly_covered', entries: [{ swatch: { kind: 'fill', colour: NEWLY_COVERED, opacity: 0.55, outline: '#00441b' }, label: t('L_newly_covered_entry') }] },
    { group: 'reached_network', title: 'L_reached_network', entries: [{ swatch: { kind: 'line', colour: '#08306b', width: 2 }, label: t('L_reached_network') }] },
    {
      group: 'stations',
      title: 'L_stations',
      entries: [
        ...(['existing', 'under_construction', 'planned', 'candidate'] as const).map((s) => ({ swatch: { kind: 'icon', icon: `st-${s}` as IconName } as Swatch, label: t(`st_${s}` as Key) })),
        { swatch: { kind: 'icon', icon: 'st-planned', opacity: 0.55 }, label: t('st_not_yet') },
      ],
    },
    {
      group: 'hydrants',
      title: 'L_hydrants_legend',
      entries: [
        { swatch: { kind: 'circle', colour: HYDRANT_OK, stroke: '#fff' }, label: t('hy_ok') },
        { swatch: { kind: 'circle', colour: '#fff', stroke: HYDRANT_BAD }, label: t('hy_bad') },
      ],
    },
    {
      group: 'hazards',
      title: 'L_hazards',
      entries: [
        { swatch: { kind: 'circle', colour: HAZARD_OK, stroke: '#fff' }, label: t('hz_ok') },
        { swatch: { kind: 'circle', colour: HAZARD_BAD, stroke: '#fff' }, label: t('hz_bad') },
      ],
    },
    {
      group: 'micro_stations',
      title: 'L_micro_stations',
      entries: [
        { swatch: { kind: 'circle', colour: MICRO_ON, stroke: MICRO_OUTLINE }, label: t('ms_on') },
        { swatch: { kind: 'circle', colour: MICRO_OFF, stroke: MICRO_OUTLINE }, label: t('ms_off') },
      ],
    },
    {
      group: 'communities',
      title: 'L_communities',
      entries: [
        { swatch: { kind: 'fill', colour: COMMUNITY_OK, opacity: 0.06, outline: COMMUNITY_OK }, label: t('cm_ok') },
        { swatch: { kind: 'fill', colour: COMMUNITY_BAD, opacity: 0.06, outline: COMMUNITY_BAD }, label: t('cm_bad') },
      ],
    },
    {
      group: 'townships',
      title: 'L_townships',
      entries: [
        { swatch: { kind: 'line', colour: TOWNSHIP_OK, width: 2, dash: true }, label: t('tw_ok') },
        { swatch: { kind: 'line', colour: TOWNSHIP_BAD, width: 2, dash: true }, label: t('tw_bad') },
      ],
    },
    { group: 'proposed_hydrants', title: 'L_proposed_hydrants', entries: [{ swatch: { kind: 'circle', colour: '#fff', stroke: '#1b7837' }, label: t('L_proposed_hydrants') }] },
    { group: 'hydrant_gaps', title: 'L_hydrant_gaps', entries: [{ swatch: { kind: 'line', colour: '#c51b7d', width: 3 }, label: t('L_hydrant_gaps') }] },
    { group: 'unprotected', title: 'L_unprotected', entries: [{ swatch: { kind: 'icon', icon: 'hatch-unprotected' }, label: t('L_unprotected') }] },
    {
      group: 'intake_reach',
      title: 'L_intake_reach',
      entries: [
        { swatch: { kind: 'line', colour: '#2166ac', width: 2.5 }, label: t('L_intake_reach') },
        { swatch: { kind: 'circle', colour: '#2166ac', stroke: '#2166ac' }, label: t('intakePoint') },
        { swatch: { kind: 'fill', colour: '#8c510a', opacity: 0.15 }, label: t('noWater') },
      ],
    },
    {
      group: 'base',
      title: 'L_base',
      entries: [
        { swatch: { kind: 'line', colour: '#fff', width: 3, casing: '#9a958a' }, label: t('road') },
        { swatch: { kind: 'line', colour: '#f6c96b', width: 4, casing: '#8c510a' }, label: t('expressway') },
        { swatch: { kind: 'line', colour: '#fff', width: 2, dash: true, casing: '#444' }, label: t('railway') },
        { swatch: { kind: 'fill', colour: '#a6cee3' }, label: t('water') },
        { swatch: { kind: 'line', colour: '#555', width: 1.2, dash: true }, label: t('studyArea') },
      ],
    },
  ];
  return groups.filter((g) => present(g.group));
}

/** Draws a swatch into a 2D context at (x, y), size w × h (CSS pixels, context already scaled). */
export function drawSwatch(ctx: CanvasRenderingContext2D, s: Swatch, x: number, y: number, w: number, h: number): void {
  ctx.save();
  switch (s.kind) {
    case 'fill':
      ctx.globalAlpha = s.opacity ?? 1;
      ctx.fillStyle = s.colour;
      ctx.fillRect(x, y, w, h);
      ctx.globalAlpha = 1;
      if (s.outline) {
        ctx.strokeStyle = s.outline;
        ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
      }
      break;
    case 'line':
      if (s.casing) {
        ctx.strokeStyle = s.casing;
        ctx.lineWidth = s.width + 2;
        ctx.beginPath();
        ctx.moveTo(x, y + h / 2);
        ctx.lineTo(x + w, y + h / 2);
        ctx.stroke();
      }
      ctx.strokeStyle = s.colour;
      ctx.lineWidth = s.width;
      if (s.dash) ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(x, y + h / 2);
      ctx.lineTo(x + w, y + h / 2);
      ctx.stroke();
      break;
    case 'circle':
      ctx.fillStyle = s.colour;
      ctx.strokeStyle = s.stroke;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x + w / 2, y + h / 2, Math.min(w, h) / 2 - 1.5, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      break;
    case 'icon': {
      const hatch = s.icon.startsWith('hatch');
      const c = document.createElement('canvas');
      const px = hatch ? 12 : Math.round(Math.min(w, h) * 3);
      c.width = px;
      c.height = px;
      drawIcon(s.icon, c.getContext('2d')!, px);
      if (hatch) {
        ctx.fillStyle = ctx.createPattern(c, 'repeat')!;
        ctx.fillRect(x, y, w, h);
        ctx.strokeStyle = s.icon === 'hatch-gap' ? BAD : HYDRANT_BAD;
        ctx.lineWidth = 1;
        ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
      } else {
        const side = Math.min(w, h);
        ctx.globalAlpha = s.opacity ?? 1;
        ctx.drawImage(c, x + (w - side) / 2, y + (h - side) / 2, side, side);
      }
      break;
    }
  }
  ctx.restore();
}

/** A small canvas showing a swatch, for the HTML legend. */
export function swatchElement(s: Swatch): HTMLCanvasElement {
  const c = document.createElement('canvas');
  const r = window.devicePixelRatio || 1;
  c.width = 24 * r;
  c.height = 14 * r;
  c.style.width = '24px';
  c.style.height = '14px';
  const ctx = c.getContext('2d')!;
  ctx.scale(r, r);
  drawSwatch(ctx, s, 0, 0, 24, 14);
  return c;
}
