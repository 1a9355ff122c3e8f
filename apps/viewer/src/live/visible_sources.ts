import type { Map as MlMap, StyleSpecification } from 'maplibre-gl';
import { GROUPS } from '../map/style';

/**
 * The data sources the map would draw now: those of the style layers in the groups switched on, whose
 * `minzoom` is reached (or nearly: half a zoom level ahead, so hydrants are there when street scale comes).
 * Only these are built and sent; a source becomes wanted when its group is switched on or the map zooms in.
 */
export function visibleSources(map: MlMap, groups: ReadonlySet<string>, zoomAhead = 0.5, style?: StyleSpecification): string[] {
  const zoom = map.getZoom();
  const out = new Set<string>();
  // before the map has loaded its style (a scenario asked for at start-up), the style it was given
  const specs = style ? new Map(style.layers.map((l) => [l.id, l as { source?: string; minzoom?: number }])) : null;
  for (const group of groups) {
    for (const id of GROUPS[group] ?? []) {
      const layer = (map.getLayer(id) ?? specs?.get(id)) as { source?: string; minzoom?: number } | undefined;
      if (!layer?.source) continue;
      if ((layer.minzoom ?? 0) > zoom + zoomAhead) continue;
      out.add(layer.source);
    }
  }
  return [...out];
}

/** The coverage sources a candidate change redraws (the water layers follow the scenario's own districts). */
export const CANDIDATE_SOURCES = ['service_areas', 'districts', 'district_labels', 'gaps', 'reached_network', 'stations', 'candidates'] as const;

/**
 * Which sources hold data current for the page's candidates. After a candidate change only the visible
 * ones are current; a hidden one is asked for again when it is shown.
 */
export class SourceFreshness {
  private readonly current = new Set<string>();

  clear(): void {
    this.current.clear();
  }

  /** A result arrived: `sent` carry data now; for an update, the candidate sources not asked for are stale. */
  received(sent: Iterable<string>, asked: readonly string[] | null): void {
    if (asked) for (const n of CANDIDATE_SOURCES) if (!asked.includes(n)) this.current.delete(n);
    for (const n of sent) this.current.add(n);
    if (asked) for (const n of asked) this.current.add(n);
  }

  /** Of the wanted sources, those without current data. */
  missing(wanted: readonly string[]): string[] {
    return wanted.filter((n) => !this.current.has(n));
  }
}
