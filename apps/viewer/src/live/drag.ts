import type { Map as MlMap, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';

/**
 * Dragging a candidate marker (the `candidates-icon` layer): press on it, move, release. Each pointer move
 * calls `onMove` (the caller coalesces the analyses); the map does not pan meanwhile, and the click that
 * ends a drag is swallowed, so candidate mode does not add a station where a drag ended.
 */
export function installCandidateDrag(map: MlMap, h: { onStart(id: string): void; onMove(id: string, lon: number, lat: number): void; onEnd(id: string): void }): { swallowClick(): boolean } {
  let dragging: string | null = null;
  let moved = false;
  let swallow = false;
  map.on('mousedown', 'candidates-icon', (e: MapLayerMouseEvent) => {
    if (e.originalEvent.button !== 0) return;
    const id = e.features?.[0]?.properties?.id as string | undefined;
    if (!id) return;
    e.preventDefault();
    dragging = id;
    moved = false;
    map.getCanvas().style.cursor = 'grabbing';
    h.onStart(id);
  });
  map.on('mousemove', (e: MapMouseEvent) => {
    if (!dragging) return;
    moved = true;
    h.onMove(dragging, e.lngLat.lng, e.lngLat.lat);
  });
  const end = () => {
    if (!dragging) return;
    const id = dragging;
    dragging = null;
    swallow = moved;
    map.getCanvas().style.cursor = '';
    h.onEnd(id);
  };
  map.on('mouseup', end);
  map.getCanvas().addEventListener('mouseleave', end);
  return {
    swallowClick() {
      const s = swallow;
      swallow = false;
      return s;
    },
  };
}
