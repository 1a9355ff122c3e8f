import type { Feature, FeatureCollection } from 'geojson';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n';
import { COMMUNITY_BAD, COMMUNITY_OK, MICRO_OFF, MICRO_ON, TOWNSHIP_BAD, TOWNSHIP_OK } from '../map/colours';
import type { MapView } from '../map/map_view';
import { printLayers, printLegend, visibleSources } from './print_layers';

/** The risk scenario's micro stations, communities and townships on paper (print_layers.ts), as the page draws them. */
const fakeView = (groups: string[]) => ({ visible: new Set(groups), map: { getZoom: () => 13 } }) as unknown as MapView;
const poly = (props: Record<string, unknown>): Feature => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } });
const point = (props: Record<string, unknown>): Feature => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [0.5, 0.5] } });
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

const RISK = ['micro_stations', 'communities', 'townships'];

describe('print of the risk layers', () => {
  // setLang marks the page's language on <html>: a stand-in document in Node
  beforeAll(() => vi.stubGlobal('document', { documentElement: {} }));
  afterEach(() => setLang('en'));
  afterAll(() => vi.unstubAllGlobals());
  const data = {
    // the page's label points (fc_label) travel in the same sources: print labels the polygons instead
    townships: fc([poly({ id: 'T1', name: 'Chengguan town', nameZh: '城关镇', fullTime: true }), poly({ id: 'T2', name: 'Dongfeng township', nameZh: '东风乡', fullTime: false }), point({ id: 'T1', name: 'Chengguan town', fc_label: true })]),
    communities: fc([poly({ id: 'C1', name: 'Fuqian community', inReach: true }), poly({ id: 'C2', inReach: false })]),
    micro_stations: fc([point({ id: 'M1', name: 'Fuqian micro station', nameZh: '府前社区微型消防站', onNetwork: true }), point({ id: 'M2', name: 'Off-road micro station', onNetwork: false })]),
  };
  const styled = (lang: 'en' | 'zh') => {
    setLang(lang);
    return printLayers(data, fakeView(RISK), [180, 240, 300]).flatMap((l) => l.features.map((f) => ({ f, s: l.style(f) })));
  };

  it('prints the three layers only when their groups are on', () => {
    expect(visibleSources(fakeView(RISK)).filter((n) => RISK.includes(n)).sort()).toEqual([...RISK].sort());
    expect(visibleSources(fakeView(['districts'])).filter((n) => RISK.includes(n))).toEqual([]);
  });
  it('outlines townships dashed, without fill, by whether a full-time brigade is inside; names each once', () => {
    const s = styled('en');
    const outlines = s.filter((x) => x.f.properties?.id?.toString().startsWith('T') && x.s?.stroke);
    expect(outlines.map((x) => [x.f.properties?.id, x.s?.stroke, x.s?.fill, Boolean(x.s?.dash)])).toEqual([
      ['T1', TOWNSHIP_OK, 'none', true],
      ['T2', TOWNSHIP_BAD, 'none', true],
    ]);
    const labels = s.filter((x) => x.s?.label).map((x) => x.s?.label?.[0]);
    expect(labels.filter((l) => /town/.test(l ?? ''))).toEqual(['Chengguan town', 'Dongfeng township']);
    // a community without a name is labelled by its id
    expect(labels).toContain('C2');
  });
  it('colours communities by a micro station in reach, micro stations by being on the road network', () => {
    const s = styled('en');
    const community = s.filter((x) => x.f.properties?.id?.toString().startsWith('C') && x.s?.stroke);
    expect(community.map((x) => x.s?.stroke)).toEqual([COMMUNITY_OK, COMMUNITY_BAD]);
    const micro = s.filter((x) => x.s?.symbol === 'circle');
    expect(micro.map((x) => [x.f.properties?.id, x.s?.fill])).toEqual([
      ['M1', MICRO_ON],
      ['M2', MICRO_OFF],
    ]);
  });
  it('names them in Chinese when the page is in Chinese (the English name when there is no Chinese one)', () => {
    const labels = styled('zh').filter((x) => x.s?.label).map((x) => x.s?.label?.[0]);
    expect(labels).toEqual(expect.arrayContaining(['城关镇', '东风乡', '府前社区微型消防站', 'Off-road micro station', 'Fuqian community']));
  });
  it('lists their legend groups in both languages', () => {
    setLang('en');
    expect(printLegend(data, fakeView(RISK), [180, 240, 300]).map((g) => g.title)).toEqual(['Micro fire stations', 'Communities', 'Townships']);
    setLang('zh');
    expect(printLegend(data, fakeView(RISK), [180, 240, 300]).map((g) => g.title)).toEqual(['微型消防站', '社区', '乡镇（街道）']);
  });
});
