import type { RasterSourceSpecification } from 'maplibre-gl';
import { t } from '../i18n';
import type { MapView } from '../map/map_view';
import { decodeLayer, encodeLayer } from '../normalize';
import { displayCrs, setDisplayCrs, shiftGeoJson, toDisplay, toWgs84 } from './display_crs';

/**
 * The optional tiled basemap: none (the default: everything from the project's own data, works
 * offline), OpenStreetMap (WGS84), or AutoNavi/Gaode (a Chinese web map in GCJ-02: layers are shifted
 * to it with core's GCJ-02 transform, and the map keeps its centre on the same ground).
 */
export type Basemap = 'none' | 'osm' | 'gaode';

const GAODE_TILES = ['1', '2', '3', '4'].map((n) => `https://webrd0${n}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}`);
let current: Basemap = 'none';

export function basemap(): Basemap {
  return current;
}

/** Switches the basemap; moving into or out of GCJ-02 redraws every layer in the new frame. */
export function setBasemap(view: MapView, b: Basemap): void {
  const map = view.map;
  current = b;
  view.setGroup('osm', b === 'osm');
  if (b === 'gaode' && !map.getSource('gaode')) {
    const src: RasterSourceSpecification = { type: 'raster', tiles: GAODE_TILES, tileSize: 256, maxzoom: 18, attribution: '© AutoNavi 高德地图' };
    map.addSource('gaode', src);
    map.addLayer({ id: 'gaode', type: 'raster', source: 'gaode', paint: { 'raster-opacity': 0.6 } }, 'study-fill');
  }
  if (map.getLayer('gaode')) map.setLayoutProperty('gaode', 'visibility', b === 'gaode' ? 'visible' : 'none');
  const want = b === 'gaode' ? 'gcj02' : 'wgs84';
  if (want === displayCrs()) return;
  const c = map.getCenter();
  const ground = toWgs84(c.lng, c.lat);
  setDisplayCrs(want);
  view.transform = want === 'gcj02' ? (_name, bytes) => shiftBytes(bytes) : null;
  view.setData({ ...view.raw });
  map.jumpTo({ center: toDisplay(ground[0], ground[1]) });
}

function shiftBytes(bytes: Uint8Array): Uint8Array {
  const fc = decodeLayer(bytes);
  shiftGeoJson(fc);
  return encodeLayer(fc);
}

/** The legend's basemap chooser. */
export function basemapControl(view: MapView): HTMLElement {
  const label = document.createElement('label');
  label.className = 'lg-head basemap';
  const select = document.createElement('select');
  select.id = 'basemap';
  for (const [v, key] of [['none', 'basemapNone'], ['osm', 'basemapOsm'], ['gaode', 'basemapGaode']] as const) {
    const o = document.createElement('option');
    o.value = v;
    o.textContent = t(key);
    o.selected = v === current;
    select.append(o);
  }
  select.addEventListener('change', () => setBasemap(view, select.value as Basemap));
  label.append(document.createTextNode(`${t('basemap')} `), select);
  if (current === 'gaode') {
    const note = document.createElement('div');
    note.className = 'muted small';
    note.textContent = t('basemapShifted');
    label.append(note);
  }
  return label;
}

let legendOpen = true;

/** The legend's collapse button; a collapsed legend keeps only its title. */
export function legendToggle(root: HTMLElement): HTMLButtonElement {
  const b = document.createElement('button');
  b.id = 'legend-toggle';
  b.className = 'lg-toggle';
  const sync = (): void => {
    root.classList.toggle('collapsed', !legendOpen);
    b.textContent = legendOpen ? `▾ ${t('legendCollapse')}` : `▸ ${t('legendExpand')}`;
    b.setAttribute('aria-expanded', String(legendOpen));
  };
  b.addEventListener('click', () => {
    legendOpen = !legendOpen;
    sync();
  });
  sync();
  return b;
}

/** Collapses the legend when it covers any of these screen points (the stations), so it never hides them. */
export function keepStationsClear(root: HTMLElement, view: MapView, points: [number, number][]): void {
  if (!legendOpen) return;
  const r = root.getBoundingClientRect();
  const c = view.map.getCanvas().getBoundingClientRect();
  for (const [lon, lat] of points) {
    const p = view.map.project(toDisplay(lon, lat));
    const x = c.left + p.x;
    const y = c.top + p.y;
    if (x >= r.left - 12 && x <= r.right + 12 && y >= r.top - 12 && y <= r.bottom + 12) {
      root.querySelector<HTMLButtonElement>('#legend-toggle')?.click();
      return;
    }
  }
}
