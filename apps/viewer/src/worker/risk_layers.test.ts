import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { withLabelPoints } from './risk_layers';

const square = (x0: number, y0: number, d: number): number[][] => [[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]];
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('withLabelPoints', () => {
  it('adds one label point per area, at the centre of a square (its pole of inaccessibility, by symmetry), with the area’s properties', () => {
    const town: Feature = { type: 'Feature', properties: { id: 'T1', name: 'Town', fullTime: true }, geometry: { type: 'Polygon', coordinates: [square(104, 30, 0.02)] } };
    const out = withLabelPoints(fc([town]));
    expect(out.features).toHaveLength(2);
    expect(out.features[0]).toBe(town);
    const label = out.features[1];
    expect(label.properties).toEqual({ id: 'T1', name: 'Town', fullTime: true, fc_label: true });
    expect(label.geometry.type).toBe('Point');
    const [x, y] = (label.geometry as { coordinates: number[] }).coordinates;
    // polylabel precision 1e-5 in the locally square frame
    expect(x).toBeCloseTo(104.01, 4);
    expect(y).toBeCloseTo(30.01, 4);
  });
  it('labels a multipolygon once, inside its largest part; points are kept as they are and get no label', () => {
    const area: Feature = { type: 'Feature', properties: { id: 'C1' }, geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 0.001)], [square(1, 1, 0.01)]] } };
    const micro: Feature = { type: 'Feature', properties: { id: 'M1' }, geometry: { type: 'Point', coordinates: [5, 5] } };
    const out = withLabelPoints(fc([micro, area]));
    const labels = out.features.filter((f) => f.properties?.fc_label === true);
    expect(labels.map((f) => f.properties?.id)).toEqual(['C1']);
    const [x, y] = (labels[0].geometry as { coordinates: number[] }).coordinates;
    expect(x).toBeGreaterThan(1);
    expect(x).toBeLessThan(1.01);
    expect(y).toBeGreaterThan(1);
    expect(y).toBeLessThan(1.01);
    expect(withLabelPoints(fc([micro])).features).toEqual([micro]);
  });
});
