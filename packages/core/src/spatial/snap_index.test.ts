import CheapRuler from 'cheap-ruler';
import { describe, expect, it } from 'vitest';
import { SnapIndex } from './snap_index';
import { RoadNetworkBuilder } from '../network/road_network';
import { LinkFlag } from '../network/road_class';
import { polylineLengthM } from '../network/geodesy';
import { prng, randomGrid } from '../search/test_networks';

function straightRoad() {
  const b = new RoadNetworkBuilder(polylineLengthM);
  const a = b.addNode(1, 8.0, 49.0);
  const c = b.addNode(2, 8.002, 49.0);
  const d = b.addNode(3, 8.002, 49.002);
  b.addLink({ source: a, target: c, flags: LinkFlag.FORWARD | LinkFlag.BACKWARD });
  // an L-shaped second link with an interior vertex
  b.addLink({ source: c, target: d, flags: LinkFlag.FORWARD | LinkFlag.BACKWARD, geometry: [8.002, 49.0, 8.004, 49.0, 8.004, 49.002, 8.002, 49.002] });
  return b.build();
}

describe('SnapIndex', () => {
  const net = straightRoad();
  const idx = new SnapIndex(net);
  // the projection is centred on the bounding box: lat0 = 49.001
  const ruler = new CheapRuler(49.001, 'meters');

  it('snaps mid-link with exact perpendicular distance and fraction', () => {
    const s = idx.nearest(8.0005, 49.0001)!;
    expect(s.link).toBe(0);
    expect(s.fraction).toBeCloseTo(0.25, 9);
    expect(s.offsetM).toBeCloseTo(0.25 * net.linkLengthM[0], 4);
    expect(s.distanceM).toBeCloseTo(0.0001 * ruler.ky, 6);
    expect(s.lon).toBeCloseTo(8.0005, 12);
    expect(s.lat).toBeCloseTo(49.0, 12);
  });

  it('measures the fraction along a bent geometry', () => {
    // the L-link: 0.002° east, 0.002° north, 0.002° west; a point beside the middle of the north leg
    const s = idx.nearest(8.0041, 49.001)!;
    expect(s.link).toBe(1);
    const east = 0.002 * ruler.kx;
    const north = 0.002 * ruler.ky;
    expect(s.fraction).toBeCloseTo((east + north / 2) / (2 * east + north), 9);
    expect(s.distanceM).toBeCloseTo(0.0001 * ruler.kx, 6);
  });

  it('honours maxDistanceM and the link filter', () => {
    expect(idx.nearest(8.0005, 49.0001, 5)).toBeNull();
    expect(idx.nearest(8.0005, 49.0001, 12)?.link).toBe(0);
    const only1 = new SnapIndex(net, (l) => l === 1);
    expect(only1.nearest(8.0005, 49.0001)?.link).toBe(1);
  });

  it('within returns every link in the radius, nearest first', () => {
    const r = idx.within(8.0019, 49.0001, 30);
    expect(r.map((s) => s.link)).toEqual([0, 1]); // 11.1 m straight down vs 13.3 m to the corner (8.002, 49.0)
    expect(r[0].distanceM).toBeLessThan(r[1].distanceM);
    expect(idx.within(8.0005, 49.0001, 5)).toEqual([]);
  });

  it('property: the nearest snap equals a brute-force scan and is never farther than any vertex', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = randomGrid(seed, { cols: 7, rows: 6, bentShare: 0.5, dropShare: 0.3 });
      const index = new SnapIndex(g);
      const rnd = prng(seed + 99);
      const proj = (lon: number, lat: number): [number, number] => [(lon - index.lon0) * index.kx, (lat - index.lat0) * index.ky];
      for (let q = 0; q < 25; q++) {
        const lon = 7.999 + rnd() * 0.008;
        const lat = 48.999 + rnd() * 0.007;
        const [x, y] = proj(lon, lat);
        let bestD = Infinity;
        let minVertex = Infinity;
        const perLink: number[] = [];
        for (let l = 0; l < g.linkCount; l++) {
          let dl = Infinity;
          for (let i = g.geomOffset[l]; i < g.geomOffset[l + 1] - 1; i++) {
            const [x1, y1] = proj(g.geomLon[i], g.geomLat[i]);
            const [x2, y2] = proj(g.geomLon[i + 1], g.geomLat[i + 1]);
            const dx = x2 - x1;
            const dy = y2 - y1;
            const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
            dl = Math.min(dl, Math.hypot(x1 + t * dx - x, y1 + t * dy - y));
            minVertex = Math.min(minVertex, Math.hypot(x1 - x, y1 - y), Math.hypot(x2 - x, y2 - y));
          }
          perLink.push(dl);
          bestD = Math.min(bestD, dl);
        }
        const s = index.nearest(lon, lat)!;
        expect(s.distanceM).toBeCloseTo(bestD, 6);
        expect(s.distanceM).toBeLessThanOrEqual(minVertex + 1e-9);
        expect(s.fraction).toBeGreaterThanOrEqual(0);
        expect(s.fraction).toBeLessThanOrEqual(1);
        const radius = 40 + rnd() * 100;
        const expected = perLink.map((d, l) => [d, l]).filter(([d]) => d <= radius).map(([, l]) => l).sort();
        expect(index.within(lon, lat, radius).map((w) => w.link).sort()).toEqual(expected);
      }
    }
  });

  it('property: far from every road (coarse grids, and the R-tree outside the extent) the answer is still exact', () => {
    // a dense town, a lone road 8 km away, and query points all over and beyond
    const b = new RoadNetworkBuilder(polylineLengthM);
    const rnd = prng(7);
    for (let i = 0; i < 400; i++) {
      const lon = 8 + rnd() * 0.01;
      const lat = 49 + rnd() * 0.01;
      const s = b.addNode(2 * i, lon, lat);
      const t = b.addNode(2 * i + 1, lon + (rnd() - 0.5) * 0.002, lat + (rnd() - 0.5) * 0.002);
      b.addLink({ source: s, target: t, flags: LinkFlag.FORWARD });
    }
    const a = b.addNode(9000, 8.1, 49.05);
    const c = b.addNode(9001, 8.101, 49.051);
    b.addLink({ source: a, target: c, flags: LinkFlag.FORWARD });
    const g = b.build();
    const index = new SnapIndex(g);
    const brute = (lon: number, lat: number): number => {
      let best = Infinity;
      const x = (lon - index.lon0) * index.kx;
      const y = (lat - index.lat0) * index.ky;
      for (let l = 0; l < g.linkCount; l++) {
        const i = g.geomOffset[l];
        const x1 = (g.geomLon[i] - index.lon0) * index.kx;
        const y1 = (g.geomLat[i] - index.lat0) * index.ky;
        const dx = (g.geomLon[i + 1] - index.lon0) * index.kx - x1;
        const dy = (g.geomLat[i + 1] - index.lat0) * index.ky - y1;
        const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
        best = Math.min(best, Math.hypot(x1 + t * dx - x, y1 + t * dy - y));
      }
      return best;
    };
    for (let q = 0; q < 500; q++) {
      const lon = 7.95 + rnd() * 0.2;
      const lat = 48.97 + rnd() * 0.12;
      const d = brute(lon, lat);
      expect(index.nearest(lon, lat)!.distanceM).toBeCloseTo(d, 6);
      const limit = rnd() * 3000;
      const limited = index.nearest(lon, lat, limit);
      if (d <= limit) expect(limited!.distanceM).toBeCloseTo(d, 6);
      else expect(limited).toBeNull();
    }
  });

  it('an empty network snaps to nothing', () => {
    const empty = new RoadNetworkBuilder(polylineLengthM).build();
    expect(new SnapIndex(empty).nearest(8, 49)).toBeNull();
  });
});
