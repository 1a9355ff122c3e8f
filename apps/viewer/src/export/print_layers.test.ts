import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DISTRICT_COLOURS, STATUS_COLOURS } from '../map/colours';
import type { MapView } from '../map/map_view';
import { HATCH_DEFS, printLayers, printLegend, visibleSources } from './print_layers';

/** Only what print_layers reads of a MapView: the switched-on groups and the zoom. */
const fakeView = (groups: string[], zoom: number) => ({ visible: new Set(groups), map: { getZoom: () => zoom } }) as unknown as MapView;

const poly = (props: Record<string, unknown>): Feature => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } });
const point = (props: Record<string, unknown>): Feature => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [0.5, 0.5] } });
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('visibleSources', () => {
  it('takes the sources of the switched-on groups, the study area always', () => {
    expect(visibleSources(fakeView(['bands', 'stations'], 12)).sort()).toEqual(['candidates', 'service_areas', 'stations', 'study_area']);
    expect(visibleSources(fakeView(['base'], 12)).sort()).toEqual(['expressway', 'railway', 'roads', 'study_area', 'water']);
  });
  it('prints hydrants from zoom 13 on, as the map draws them (style.ts minzoom)', () => {
    expect(visibleSources(fakeView(['hydrants'], 12.9))).not.toContain('hydrants');
    expect(visibleSources(fakeView(['hydrants'], 13))).toContain('hydrants');
  });
});

describe('printLayers', () => {
  const data = {
    study_area: fc([]),
    districts: fc([poly({ name: 'North', nameZh: '北区', fc_colour: 2, fc_bad: false, fc_areacap: '5.0 / 7 km²' }), poly({ name: 'South', fc_colour: 9, fc_bad: true, fc_areacap: '9.0 / 7 km²' })]),
    stations: fc([point({ name: 'A', nameZh: '甲站', fc_status: 'planned', fc_class: 'class1' })]),
  };
  const layers = printLayers(data, fakeView(['districts', 'stations'], 12), [180, 240, 300]);
  const styled = layers.flatMap((l) => l.features.map((f) => ({ f, s: l.style(f) })));

  it('fills each district with its palette colour (index modulo 8) and outlines the failing one in red, dashed', () => {
    const fills = styled.filter((x) => x.s?.opacity === 0.12).map((x) => x.s?.fill);
    expect(fills).toEqual([DISTRICT_COLOURS[2], DISTRICT_COLOURS[9 % 8]]);
    const bad = styled.filter((x) => x.s?.dash && x.s.stroke === '#d7191c');
    expect(bad.map((x) => x.f.properties?.name)).toEqual(['South']);
  });
  it('labels districts with name and area / cap, stations with name and class, in the page language (en)', () => {
    const labels = styled.filter((x) => x.s?.label).map((x) => x.s?.label);
    expect(labels).toEqual([['North', '5.0 / 7 km²'], ['South', '9.0 / 7 km²'], ['A', 'class-1 station']]);
  });
  it('draws a planned station as an outlined square in the planned colour, on top of everything', () => {
    const last = layers[layers.length - 1];
    expect(last.features.map((f) => f.properties?.name)).toEqual(['A']);
    expect(last.style(last.features[0])).toMatchObject({ symbol: 'square', fill: '#ffffff', stroke: STATUS_COLOURS.planned });
  });
});

describe('printLegend', () => {
  it('lists only the switched-on groups that hold data', () => {
    const data = { gaps: fc([]), districts: fc([poly({})]), stations: fc([point({ fc_status: 'existing' })]) };
    const groups = printLegend(data, fakeView(['gaps', 'districts'], 12), [180, 240, 300]);
    // gaps: on but empty; stations: has data but off
    expect(groups.map((g) => g.title)).toEqual(['Districts']);
    expect(groups[0].items.map((i) => i.kind)).toEqual(['line', 'line']);
  });
});

describe('hatches', () => {
  it('gaps are filled with a hatch pattern that the defs define, in the map and in the legend', () => {
    const data = { gaps: fc([poly({ kind: 'late' })]) };
    const layer = printLayers(data, fakeView(['gaps'], 12), [180, 240, 300]).find((l) => l.features.length === 1 && l.features[0].properties?.kind === 'late');
    const fill = layer?.style(layer.features[0])?.fill;
    expect(fill).toBe('url(#fc-hatch-gap)');
    expect(HATCH_DEFS).toContain('<pattern id="fc-hatch-gap"');
    const legend = printLegend(data, fakeView(['gaps'], 12), [180, 240, 300]);
    expect(legend[0].items[0].style.fill).toBe(fill);
  });
});
