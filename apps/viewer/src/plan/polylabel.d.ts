// polylabel 2 ships no types: the one function the viewer uses (mapbox/polylabel README).
declare module 'polylabel' {
  /** Pole of inaccessibility of a polygon (rings of [x, y]), to `precision` in the rings' units; adds `distance`. */
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): [number, number] & { distance: number };
}
