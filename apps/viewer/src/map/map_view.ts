import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { ExpressionSpecification, MapGeoJSONFeature } from 'maplibre-gl';
import { state } from '../app_state';
import { applyDiff, type LayerDiff } from '../live/apply_diff';
import { decodeLayer, encodeLayer } from '../normalize';
import { getLang } from '../i18n';
import { bandColours } from './colours';
import { holdPartialFrames, type FrameHold } from './hold_partial_frames';
import { installIcons } from './icons';
import { DEFAULT_ON, GROUPS, buildStyle, districtText, riskNameText, stationText } from './style';

maplibregl.setWorkerUrl(workerUrl);

/** `{"type":"FeatureCollection","features":[]}` is 43 bytes: anything this short has no features. */
const EMPTY_LAYER_BYTES = 45;

/** Style layers a click can open a popup for, topmost first. */
export const CLICKABLE = ['micro-stations-point', 'hazards-point', 'hazards-line', 'hazards-fill', 'townships-line', 'stations-icon', 'candidates-icon', 'plan-stations-icon', 'newly-covered-fill', 'hydrants-circle', 'proposed-hydrants', 'hydrant-gaps-point', 'hydrant-gaps-line', 'communities-fill', 'gaps-fill', 'unprotected-fill', 'districts-fill', 'bands-fill', 'reached-line', 'intake-point', 'intake-line', 'intake-fill', 'unprotected-line'];

/**
 * The MapLibre map: offline style, layer data swapped in as blob URLs of the worker's GeoJSON bytes
 * (MapLibre's own worker parses them, the page never does), toggles, language.
 */
export class MapView {
  readonly map: maplibregl.Map;
  readonly visible = new Set(DEFAULT_ON);
  private readonly urlsNow: Record<string, string> = {};
  private readonly rawNow: Record<string, Uint8Array> = {};
  /** Diffs the map took in by `updateData` since each source's bytes were last set (folded in on demand). */
  private readonly pending = new Map<string, LayerDiff[]>();
  private bandsS = [180, 240, 300];

  /** Current blob URL per source, as the map shows it now (the exports read them; diffs folded in first). */
  get urls(): Record<string, string> {
    this.flush();
    return this.urlsNow;
  }

  /** The current bytes per source, before `transform` (so a change of display CRS can redo them; diffs folded in). */
  get raw(): Record<string, Uint8Array> {
    this.flush();
    return this.rawNow;
  }
  /** Applied to every source's bytes before the map gets them (basemap/: the GCJ-02 shift), or null. */
  transform: ((name: string, bytes: Uint8Array) => Uint8Array) | null = null;

  /** How many half-loaded frames were not drawn (map/hold_partial_frames.ts). */
  readonly frames: FrameHold;
  /** The style the map was created with (its layers are known before the map has loaded it). */
  readonly style: maplibregl.StyleSpecification;

  constructor(container: HTMLElement) {
    this.style = buildStyle(this.bandsS, this.visible);
    this.map = new maplibregl.Map({
      container,
      style: this.style,
      center: [0, 0],
      zoom: 1,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      // labels appear at once: a fade is 300 ms of extra frames after every change (each costly in software GL)
      fadeDuration: 0,
      attributionControl: false,
      maxPitch: 0,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: true }), 'top-left');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');
    this.map.addControl(new maplibregl.AttributionControl({ compact: true }), 'bottom-right');
    // keep the last complete picture while new data is tiled (software renderers: each frame is costly)
    this.frames = holdPartialFrames(this.map);
    // nothing to show before the first scenario's result: frames of the empty map (130–220 ms each in
    // software GL) would only keep the page's thread from reading the scenario (released by the result)
    this.frames.hold(8000);
    this.map.dragRotate.disable();
    this.map.touchZoomRotate.disableRotation();
    installIcons(this.map, this.map.getPixelRatio());
    this.map.on('styleimagemissing', () => installIcons(this.map, this.map.getPixelRatio()));
    this.map.once('load', () => installIcons(this.map, this.map.getPixelRatio()));
    this.map.on('error', (e) => {
      const msg = e.error?.message ?? String(e);
      // The optional online basemaps fail offline; that is expected and not worth a message.
      const sourceId = (e as { sourceId?: string }).sourceId;
      if (sourceId === 'osm' || sourceId === 'gaode') return;
      state.mapErrors.push(msg);
      console.error(msg);
    });
  }

  whenLoaded(): Promise<void> {
    return this.map.loaded() ? Promise.resolve() : new Promise((res) => this.map.once('load', () => res()));
  }

  setBands(bandsS: number[]): void {
    this.bandsS = bandsS;
    const colours = bandColours(bandsS);
    const expr = ['match', ['get', 'fc_band'], ...colours.slice(0, -1).flatMap((c, i) => [i, c]), colours[colours.length - 1]] as unknown as ExpressionSpecification;
    this.map.setPaintProperty('bands-fill', 'fill-color', expr);
  }

  /**
   * Replaces source data; `bytes` is UTF-8 GeoJSON. Old URLs are released once the map has the new data.
   * Resolves when MapLibre's worker has loaded every layer (parsed and indexed, before drawing).
   */
  setData(layers: Record<string, Uint8Array>): Promise<void> {
    const old: string[] = [];
    const loaded: Promise<void>[] = [];
    for (const [name, bytes] of Object.entries(layers)) {
      const src = this.map.getSource(name) as maplibregl.GeoJSONSource | undefined;
      if (!src) continue;
      this.rawNow[name] = bytes;
      this.pending.delete(name);
      const shown = this.transform ? this.transform(name, bytes) : bytes;
      const url = URL.createObjectURL(new Blob([shown as BlobPart], { type: 'application/geo+json' }));
      if (this.urlsNow[name]) old.push(this.urlsNow[name]);
      this.urlsNow[name] = url;
      loaded.push(src.setData(url));
    }
    if (old.length) this.map.once('idle', () => setTimeout(() => old.forEach((u) => URL.revokeObjectURL(u)), 1000));
    return Promise.all(loaded).then(() => undefined);
  }

  /** Sources that hold features now (a source never given data, or given an empty collection, does not). */
  holdsData(name: string): boolean {
    const b = this.rawNow[name];
    return b !== undefined && b.byteLength > EMPTY_LAYER_BYTES;
  }

  /** Applies layer changes by feature id (`GeoJSONSource.updateData`); resolves when MapLibre's worker has them. */
  updateData(diffs: Record<string, LayerDiff>): Promise<void> {
    const loaded: Promise<void>[] = [];
    for (const [name, diff] of Object.entries(diffs)) {
      const src = this.map.getSource(name) as maplibregl.GeoJSONSource | undefined;
      if (!src) continue;
      const list = this.pending.get(name);
      if (list) list.push(diff);
      else this.pending.set(name, [diff]);
      // the map shows the display CRS (a GCJ-02 basemap): the added features are shifted as whole layers are
      const shown = this.transform && diff.add.length ? { ...diff, add: decodeLayer(this.transform(name, encodeLayer({ type: 'FeatureCollection', features: diff.add }))).features } : diff;
      loaded.push(src.updateData(shown as maplibregl.GeoJSONSourceDiff));
    }
    return Promise.all(loaded).then(() => undefined);
  }

  /** Folds the pending diffs into each source's bytes and blob URL (the map itself already has them). */
  private flush(): void {
    if (this.pending.size === 0) return;
    const old: string[] = [];
    for (const [name, diffs] of this.pending) {
      let fc = this.rawNow[name] ? decodeLayer(this.rawNow[name]) : undefined;
      for (const d of diffs) fc = applyDiff(fc, d);
      const bytes = encodeLayer(fc);
      this.rawNow[name] = bytes;
      const shown = this.transform ? this.transform(name, bytes) : bytes;
      if (this.urlsNow[name]) old.push(this.urlsNow[name]);
      this.urlsNow[name] = URL.createObjectURL(new Blob([shown as BlobPart], { type: 'application/geo+json' }));
    }
    this.pending.clear();
    if (old.length) setTimeout(() => old.forEach((u) => URL.revokeObjectURL(u)), 5000);
  }

  fit(bbox: [number, number, number, number] | undefined, animate = false): void {
    if (!bbox) return;
    this.map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 30, animate });
  }

  setGroup(group: string, on: boolean): void {
    if (on) this.visible.add(group);
    else this.visible.delete(group);
    for (const id of GROUPS[group] ?? []) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
  }

  setLang(): void {
    const expr = stationText(getLang());
    for (const id of ['stations-icon', 'candidates-icon', 'plan-stations-icon']) this.map.setLayoutProperty(id, 'text-field', expr);
    this.map.setLayoutProperty('districts-label', 'text-field', districtText(getLang()));
    for (const id of ['townships-label', 'communities-label', 'micro-stations-label']) this.map.setLayoutProperty(id, 'text-field', riskNameText(getLang()));
  }

  /** Features under a point on clickable, visible layers, topmost first. */
  featuresAt(point: maplibregl.PointLike): MapGeoJSONFeature[] {
    const layers = CLICKABLE.filter((id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none');
    const p = this.map.project(this.map.unproject(point));
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [p.x - 4, p.y - 4],
      [p.x + 4, p.y + 4],
    ];
    return this.map.queryRenderedFeatures(box, { layers });
  }

  /** Resolves at the map's next `idle` with the picture drawn (an idle while drawing is held does not count). */
  idle(): Promise<void> {
    return new Promise((res) => {
      const onIdle = () => {
        if (this.frames.holding()) this.map.once('idle', onIdle);
        else res();
      };
      this.map.once('idle', onIdle);
      this.map.triggerRepaint();
    });
  }

  /** Ends an explicit hold once MapLibre has tiled everything it was given (then the picture is drawn once). */
  releaseWhenTiled(): void {
    if (!this.frames.holding()) return;
    this.map.once('idle', () => this.frames.release());
    this.map.triggerRepaint();
  }
}
