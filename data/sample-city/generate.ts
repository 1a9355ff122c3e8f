/**
 * Generates the synthetic sample city 样例城 (not a real place) into data/sample-city/:
 * roads, hydrants, water sources, barriers, population grid, study area, scenario.json and PLANTED.md.
 *
 *   pnpm sample-city                      # = tsx data/sample-city/generate.ts [outDir] [seed]
 *
 * Deterministic: the same seed gives the same bytes (a tiny inline PRNG, integer-centimetre geometry,
 * fixed key order). Everything is laid out in metres in a local frame centred at 104.6°E, 30.1°N and
 * converted with a local equirectangular projection.
 *
 * Layout (x east, y north, metres):
 *   - town grid x ∈ [-3200, 2400], y ∈ [-2800, 2400]: lines every 200 m; 主干路 where the coordinate is a
 *     multiple of 800, 次干路 at 400 mod 800, 支路 between;
 *   - old core x ∈ [-1200, 400], y ∈ [-400, 800]: jittered ~100 m lattice of 支路 and service lanes;
 *   - river 清溪河 west–east near y = -700 with bank roads at ±35 m; 4 road bridges;
 *   - lake 镜湖 at (-2600, 1000), r = 300 m, ring road at r = 340 m;
 *   - expressway 绕城快速路 near y = 1800, connected only at x = -2400 and x = 1600;
 *   - railway near x = 2600, crossed by 3 roads (y = 0 and 1600 level crossings, y = 800 underpass);
 *   - industrial park x ∈ [2800, 4400], y ∈ [0, 1600], 400 m blocks;
 *   - village 柳树镇 at (-6500, -2400), joined to the town by 柳树路.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEFAULT_SEED = 20210101;
const LON0 = 104.6;
const LAT0 = 30.1;
const M_PER_DEG_LAT = (6371008.8 * Math.PI) / 180;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);

// ---------------------------------------------------------------------------------------------
// Small tools

/** mulberry32: a tiny seeded PRNG, [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type P = [number, number]; // metres, rounded to whole centimetres

const cm = (v: number): number => Math.round(v * 100) / 100;
const pt = (x: number, y: number): P => [cm(x), cm(y)];
const key = (p: P): string => `${p[0]},${p[1]}`;
const lon = (x: number): number => Math.round((LON0 + x / M_PER_DEG_LON) * 1e7) / 1e7;
const lat = (y: number): number => Math.round((LAT0 + y / M_PER_DEG_LAT) * 1e7) / 1e7;
const ll = (p: P): [number, number] => [lon(p[0]), lat(p[1])];
const dist = (a: P, b: P): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

function polyLength(ps: P[]): number {
  let s = 0;
  for (let i = 1; i < ps.length; i++) s += dist(ps[i - 1], ps[i]);
  return s;
}

/** Point at distance s along a polyline, and the unit direction there. */
function along(ps: P[], s: number): { p: [number, number]; dx: number; dy: number } {
  let acc = 0;
  for (let i = 1; i < ps.length; i++) {
    const d = dist(ps[i - 1], ps[i]);
    if (acc + d >= s || i === ps.length - 1) {
      const t = d === 0 ? 0 : Math.min(1, Math.max(0, (s - acc) / d));
      const dx = (ps[i][0] - ps[i - 1][0]) / d;
      const dy = (ps[i][1] - ps[i - 1][1]) / d;
      return { p: [ps[i - 1][0] + t * (ps[i][0] - ps[i - 1][0]), ps[i - 1][1] + t * (ps[i][1] - ps[i - 1][1])], dx, dy };
    }
    acc += d;
  }
  throw new Error('empty polyline');
}

function pointSegmentDistance(p: [number, number], a: P, b: P): number {
  const vx = b[0] - a[0];
  const vy = b[1] - a[1];
  const l2 = vx * vx + vy * vy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * vx + (p[1] - a[1]) * vy) / l2));
  return Math.hypot(p[0] - a[0] - t * vx, p[1] - a[1] - t * vy);
}

function zhNumber(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
}

const ordinal = (n: number): string => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

// ---------------------------------------------------------------------------------------------
// Geography

/** River centreline y at x (gentle meander in town, bending north outside it). */
export function riverY(x: number): number {
  let y = -700 + 30 * Math.sin(x / 1100 + 0.5);
  if (x < -3300) y += (-3300 - x) * 0.15;
  if (x > 2500) y += (x - 2500) * 0.2;
  return y;
}
const RIVER_HALF_WIDTH_M = 25;
const BANK_ROAD_OFFSET_M = 35;
const LAKE = { x: -2600, y: 1000, r: 300, ring: 340 };
const expresswayY = (x: number): number => 1800 + 50 * Math.sin(x / 1700);
const railwayX = (y: number): number => 2600 + 40 * Math.sin(y / 1500);
const OLD_CORE = { x0: -1200, x1: 400, y0: -400, y1: 800 };
const NEWEST = { x0: -3200, x1: -1600, y0: -2800, y1: -2000 };
const INDUSTRIAL = { x0: 2800, x1: 4400, y0: 0, y1: 1600 };
const VILLAGE = { x: -6500, y: -2400 };
/** Half the side of the township seat's built-up square (its lanes reach ±150 m from the centre), metres. */
const VILLAGE_SEAT_HALF_M = 250;
const TOWN = { x0: -3200, x1: 2400, y0: -2800, y1: 2400 };
const INTERCHANGE_X = [-2400, 1600];
const BRIDGES: Record<number, { name: string; nameZh: string }> = {
  [-2400]: { name: 'Hubin Bridge', nameZh: '湖滨大桥' },
  [-800]: { name: 'Old Bridge', nameZh: '老桥' },
  [800]: { name: 'Dongmen Bridge', nameZh: '东门大桥' },
  [2000]: { name: 'Tongjiang Bridge', nameZh: '通江桥' },
};
const UNDERPASS = { y: 800, x0: 2540, x1: 2680 };

type Kind = 'primary' | 'secondary' | 'branch' | 'service' | 'expressway';
const CLASS_ZH: Record<Exclude<Kind, 'service'>, string> = { expressway: '快速路', primary: '主干路', secondary: '次干路', branch: '支路' };

interface Road {
  key: string;
  name: string;
  nameZh: string;
  kind: Kind;
  widthM: number;
  pts: P[];
  oneway?: boolean;
  maxspeed?: number;
  /** Hydrant plan for this road. */
  hydrants: 'yes' | 'none' | 'north-side-only';
  /** Where the road is (for the population and notes). */
  zone: string;
}

const ARTERIAL_NS: Record<number, [string, string]> = {
  [-3200]: ['Xihuan Road', '西环路'],
  [-2400]: ['Hubin Avenue', '湖滨大道'],
  [-1600]: ['Jianshe Road', '建设路'],
  [-800]: ['Renmin Road', '人民路'],
  [0]: ['Zhongshan Road', '中山路'],
  [800]: ['Dongmen Road', '东门路'],
  [1600]: ['Jiefang Road', '解放路'],
  [2400]: ['Donghuan Road', '东环路'],
};
const ARTERIAL_EW: Record<number, [string, string]> = {
  [-2400]: ['Nanhuan Road', '南环路'],
  [-1600]: ['Century Avenue', '世纪大道'],
  [-800]: ['Jiangnan Road', '江南路'],
  [0]: ['Fuqian Street', '府前街'],
  [800]: ['Wenhua Road', '文化路'],
  [1600]: ['Xingye Road', '兴业路'],
  [2400]: ['Beihuan Road', '北环路'],
};

function classAt(c: number): Kind {
  const m = ((c % 800) + 800) % 800;
  return m === 0 ? 'primary' : m === 400 ? 'secondary' : 'branch';
}
const WIDTH: Record<Kind, number> = { expressway: 26, primary: 30, secondary: 20, branch: 12, service: 4 };

/** Masks a straight line cut by: inside → the line is removed there (ends overshoot 3 m into the mask). */
type Mask = (x: number, y: number) => boolean;
const inOldCore: Mask = (x, y) => x > OLD_CORE.x0 && x < OLD_CORE.x1 && y > OLD_CORE.y0 && y < OLD_CORE.y1;
const inRiver: Mask = (x, y) => Math.abs(y - riverY(x)) < BANK_ROAD_OFFSET_M;
const inLake: Mask = (x, y) => Math.hypot(x - LAKE.x, y - LAKE.y) < LAKE.ring;

/** Pieces of the straight line a→b outside every mask, each end overshooting 3 m into the mask it meets. */
function clipLine(a: P, b: P, masks: Mask[]): P[][] {
  const len = dist(a, b);
  const n = Math.ceil(len);
  const at = (s: number): [number, number] => [a[0] + ((b[0] - a[0]) * s) / len, a[1] + ((b[1] - a[1]) * s) / len];
  const inside = (s: number): boolean => {
    const [x, y] = at(s);
    return masks.some((m) => m(x, y));
  };
  const pieces: P[][] = [];
  let start: number | null = inside(0) ? null : 0;
  for (let i = 1; i <= n; i++) {
    const s = Math.min(i, len);
    const ins = inside(s);
    if (start !== null && ins) {
      const end = Math.min(len, s + 2);
      pieces.push([pt(...at(start)), pt(...at(end))]);
      start = null;
    } else if (start === null && !ins) {
      start = Math.max(0, s - 3);
    }
  }
  if (start !== null && len - start > 1) pieces.push([pt(...at(start)), pt(...at(len))]);
  return pieces.filter((p) => dist(p[0], p[1]) > 5);
}

// ---------------------------------------------------------------------------------------------
// Roads

function buildRoads(rand: () => number): Road[] {
  const roads: Road[] = [];
  const add = (r: Road) => roads.push(r);
  let nsIndex = 0;

  // Town grid: north–south lines.
  for (let x = TOWN.x0; x <= TOWN.x1; x += 200) {
    nsIndex++;
    const kind = classAt(x);
    const masks: Mask[] = [];
    if (kind !== 'primary') masks.push(inOldCore);
    if (!(x in BRIDGES)) masks.push(inRiver);
    masks.push(inLake);
    const arterial = ARTERIAL_NS[x];
    const [name, nameZh] = arterial ?? [`Jing ${nsIndex} Road`, `经${zhNumber(nsIndex)}路`];
    const inNewest = x > NEWEST.x0 && x < NEWEST.x1;
    // Split north–south lines at the newest district's northern edge so its roads are separately named.
    const spans: [number, number, boolean][] = inNewest ? [[TOWN.y0, NEWEST.y1, true], [NEWEST.y1, TOWN.y1, false]] : [[TOWN.y0, TOWN.y1, false]];
    for (const [y0, y1, newest] of spans) {
      let part = 0;
      for (const piece of clipLine(pt(x, y0), pt(x, y1), masks)) {
        part++;
        const nm = newest && !arterial ? [`Xincheng ${ordinal(nsIndex)} Road`, `新城${zhNumber(nsIndex)}路`] : [name, nameZh];
        add({
          key: `ns${x}${newest ? 'n' : ''}#${part}`,
          name: nm[0],
          nameZh: nm[1],
          kind,
          widthM: WIDTH[kind],
          pts: piece,
          hydrants: newest && kind === 'branch' ? 'none' : 'yes',
          zone: newest ? 'newest' : 'grid',
        });
      }
    }
  }

  // Town grid: west–east lines (none at y = 1800, the expressway corridor).
  let ewIndex = 0;
  for (let y = TOWN.y0; y <= TOWN.y1; y += 200) {
    ewIndex++;
    if (y === 1800) continue;
    const kind = classAt(y);
    const masks: Mask[] = [inLake];
    if (kind !== 'primary') masks.push(inOldCore);
    const arterial = ARTERIAL_EW[y];
    const [name, nameZh] = arterial ?? [`Wei ${ewIndex} Road`, `纬${zhNumber(ewIndex)}路`];
    const crossesRailway = y === 0 || y === 800 || y === 1600;
    const x1 = crossesRailway ? INDUSTRIAL.x1 : TOWN.x1;
    const inNewest = y > NEWEST.y0 && y < NEWEST.y1;
    const spans: [number, number, boolean][] = inNewest ? [[TOWN.x0, NEWEST.x1, true], [NEWEST.x1, x1, false]] : [[TOWN.x0, x1, false]];
    for (const [xa, xb, newest] of spans) {
      let part = 0;
      for (const piece of clipLine(pt(xa, y), pt(xb, y), masks)) {
        part++;
        if (y === UNDERPASS.y && piece[0][0] < UNDERPASS.x0 && piece[1][0] > UNDERPASS.x1) {
          // forced vertices at the underpass ends so the piece under the railway can be flagged as a tunnel
          piece.splice(1, 0, pt(UNDERPASS.x0, y), pt(UNDERPASS.x1, y));
        }
        const nm = newest && !arterial ? [`Xincheng Wei ${ewIndex} Road`, `新城纬${zhNumber(ewIndex)}路`] : [name, nameZh];
        add({
          key: `ew${y}${newest ? 'n' : ''}#${part}`,
          name: nm[0],
          nameZh: nm[1],
          kind,
          widthM: y === -1600 ? 64 : WIDTH[kind],
          pts: piece,
          hydrants: y === -1600 ? 'north-side-only' : newest && kind === 'branch' ? 'none' : 'yes',
          zone: newest ? 'newest' : 'grid',
        });
      }
    }
  }

  // River bank roads (滨江北路 / 滨江南路), overshooting the boundary arterials by 3 m.
  for (const side of [1, -1]) {
    const pts: P[] = [];
    for (let x = TOWN.x0 - 3; x <= TOWN.x1 + 3; x += 50) pts.push(pt(x, riverY(x) + side * BANK_ROAD_OFFSET_M));
    const last = TOWN.x1 + 3;
    if (pts[pts.length - 1][0] !== last) pts.push(pt(last, riverY(last) + side * BANK_ROAD_OFFSET_M));
    add({
      key: side > 0 ? 'bank-n' : 'bank-s',
      name: side > 0 ? 'Binjiang North Road' : 'Binjiang South Road',
      nameZh: side > 0 ? '滨江北路' : '滨江南路',
      kind: 'secondary',
      widthM: 20,
      pts,
      hydrants: 'yes',
      zone: 'grid',
    });
  }

  // Lake ring road (环湖路).
  {
    const pts: P[] = [];
    const n = 64;
    for (let i = 0; i <= n; i++) {
      const a = ((i % n) / n) * 2 * Math.PI + 0.05;
      pts.push(pt(LAKE.x + LAKE.ring * Math.cos(a), LAKE.y + LAKE.ring * Math.sin(a)));
    }
    add({ key: 'lake-ring', name: 'Huanhu Road', nameZh: '环湖路', kind: 'secondary', widthM: 16, pts, hydrants: 'yes', zone: 'grid' });
  }

  // Old core: a jittered ~100 m lattice of lanes between the boundary roads, crossing the arterials.
  {
    const xs: number[] = [];
    for (let x = OLD_CORE.x0 + 100; x < OLD_CORE.x1; x += 100) if (x !== -800 && x !== 0) xs.push(x);
    const ys: number[] = [];
    for (let y = OLD_CORE.y0 + 100; y < OLD_CORE.y1; y += 100) if (y !== 0) ys.push(y);
    const allX = [OLD_CORE.x0 - 3, ...xs, OLD_CORE.x1 + 3];
    const allY = [OLD_CORE.y0 - 3, ...ys, OLD_CORE.y1 + 3];
    const node: P[][] = allX.map((x, i) =>
      allY.map((y, j) => {
        const edgeX = i === 0 || i === allX.length - 1;
        const edgeY = j === 0 || j === allY.length - 1;
        return pt(edgeX ? x : x + (rand() - 0.5) * 30, edgeY ? y : y + (rand() - 0.5) * 30);
      }),
    );
    const lane = (k: string, idx: number, pts: P[], horizontal: boolean) => {
      const service = rand() < 0.42;
      const oneway = horizontal && service && rand() < 0.5;
      add({
        key: k,
        name: horizontal ? `Heng ${idx} Lane` : `Zhi ${idx} Lane`,
        nameZh: horizontal ? `横${zhNumber(idx)}巷` : `直${zhNumber(idx)}巷`,
        kind: service ? 'service' : 'branch',
        widthM: service ? 4 : cm(6 + rand()),
        pts,
        oneway,
        hydrants: 'yes',
        zone: 'old-core',
      });
    };
    // rows (west–east), skipping a few segments for irregular blocks
    for (let j = 1; j < allY.length - 1; j++) {
      let run: P[] = [node[0][j]];
      let part = 0;
      for (let i = 1; i < allX.length; i++) {
        const drop = i > 1 && i < allX.length - 1 && rand() < 0.08;
        if (drop) {
          if (run.length > 1) lane(`core-row${j}#${++part}`, j, run, true);
          run = [node[i][j]];
        } else run.push(node[i][j]);
      }
      if (run.length > 1) lane(`core-row${j}#${++part}`, j, run, true);
    }
    for (let i = 1; i < allX.length - 1; i++) {
      let run: P[] = [node[i][0]];
      let part = 0;
      for (let j = 1; j < allY.length; j++) {
        const drop = j > 1 && j < allY.length - 1 && rand() < 0.08;
        if (drop) {
          if (run.length > 1) lane(`core-col${i}#${++part}`, i, run, false);
          run = [node[i][j]];
        } else run.push(node[i][j]);
      }
      if (run.length > 1) lane(`core-col${i}#${++part}`, i, run, false);
    }
  }

  // Industrial park: 400 m blocks east of the railway (y = 0, 800, 1600 are the town arterials extended).
  [INDUSTRIAL.x0, 3200, 3600, 4000, INDUSTRIAL.x1].forEach((x, i) => {
    add({ key: `ind-ns${x}`, name: `Gongye ${ordinal(i + 1)} Road`, nameZh: `工业${zhNumber(i + 1)}路`, kind: 'secondary', widthM: 24, pts: [pt(x, INDUSTRIAL.y0), pt(x, INDUSTRIAL.y1)], hydrants: 'yes', zone: 'industrial' });
  });
  [400, 1200].forEach((y, i) => {
    add({ key: `ind-ew${y}`, name: `Yuanqu ${ordinal(i + 1)} Road`, nameZh: `园区${zhNumber(i + 1)}路`, kind: 'secondary', widthM: 24, pts: [pt(INDUSTRIAL.x0, y), pt(INDUSTRIAL.x1, y)], hydrants: 'yes', zone: 'industrial' });
  });

  // Expressway: one two-way line (oneway=no), vertices off the grid so it shares none by accident.
  {
    const pts: P[] = [];
    for (let x = -6963; x <= 4987; x += 100) pts.push(pt(x, expresswayY(x)));
    add({ key: 'expressway', name: 'Raocheng Expressway', nameZh: '绕城快速路', kind: 'expressway', widthM: 26, pts, maxspeed: 80, hydrants: 'none', zone: 'expressway' });
  }

  // Village 柳树镇 and the road to town (rural: no hydrants, outside the built-up area).
  {
    const v = VILLAGE;
    for (const [i, dy] of [-150, 0, 150].entries()) {
      add({ key: `village-ew${i}`, name: `Liushu ${ordinal(i + 1)} Lane`, nameZh: `柳树${zhNumber(i + 1)}巷`, kind: 'branch', widthM: 7, pts: [pt(v.x - 150, v.y + dy), pt(v.x + 150, v.y + dy)], hydrants: 'none', zone: 'village' });
    }
    for (const [i, dx] of [-150, 0, 150].entries()) {
      add({ key: `village-ns${i}`, name: `Liushu Lane ${i + 4}`, nameZh: `柳树${zhNumber(i + 4)}巷`, kind: i === 1 ? 'branch' : 'service', widthM: i === 1 ? 7 : 4, pts: [pt(v.x + dx, v.y - 150), pt(v.x + dx, v.y + 150)], hydrants: 'none', zone: 'village' });
    }
    const pts: P[] = [pt(v.x + 150, v.y)];
    for (let x = v.x + 400; x < TOWN.x0 - 100; x += 400) pts.push(pt(x, v.y + 40 * Math.sin((x - v.x) / 700)));
    pts.push(pt(TOWN.x0, v.y));
    add({ key: 'liushu-road', name: 'Liushu Road', nameZh: '柳树路', kind: 'secondary', widthM: 9, pts, hydrants: 'none', zone: 'rural' });
  }

  return roads;
}

// ---------------------------------------------------------------------------------------------
// Noding: shared vertices at every junction (not where the expressway passes over a road)

interface Piece {
  id: number;
  road: Road;
  pts: P[];
  bridge?: { name: string; nameZh: string };
  tunnel?: boolean;
}

function intersectionAllowed(a: Road, b: Road, p: [number, number]): boolean {
  const ex = a.kind === 'expressway' ? a : b.kind === 'expressway' ? b : null;
  if (!ex) return true;
  const other = ex === a ? b : a;
  return other.kind === 'primary' && INTERCHANGE_X.some((x) => Math.abs(p[0] - x) < 1);
}

function node(roads: Road[]): Piece[] {
  // 1. all pairwise segment intersections (a few thousand segments: brute force over a bucket grid)
  interface Seg { r: number; i: number }
  const cell = 200;
  const buckets = new Map<string, Seg[]>();
  roads.forEach((rd, r) => {
    for (let i = 0; i + 1 < rd.pts.length; i++) {
      const [a, b] = [rd.pts[i], rd.pts[i + 1]];
      for (let cx = Math.floor(Math.min(a[0], b[0]) / cell); cx <= Math.floor(Math.max(a[0], b[0]) / cell); cx++) {
        for (let cy = Math.floor(Math.min(a[1], b[1]) / cell); cy <= Math.floor(Math.max(a[1], b[1]) / cell); cy++) {
          const k = `${cx},${cy}`;
          let list = buckets.get(k);
          if (!list) buckets.set(k, (list = []));
          list.push({ r, i });
        }
      }
    }
  });
  const inserts: Map<number, { i: number; t: number; p: P }[]> = new Map();
  const pushInsert = (r: number, i: number, t: number, p: P) => {
    let l = inserts.get(r);
    if (!l) inserts.set(r, (l = []));
    l.push({ i, t, p });
  };
  const seen = new Set<string>();
  for (const list of buckets.values()) {
    for (let u = 0; u < list.length; u++) {
      for (let w = u + 1; w < list.length; w++) {
        const s1 = list[u];
        const s2 = list[w];
        if (s1.r === s2.r) continue;
        const pk = s1.r < s2.r ? `${s1.r}:${s1.i}|${s2.r}:${s2.i}` : `${s2.r}:${s2.i}|${s1.r}:${s1.i}`;
        if (seen.has(pk)) continue;
        seen.add(pk);
        const A = roads[s1.r];
        const B = roads[s2.r];
        const [p1, p2] = [A.pts[s1.i], A.pts[s1.i + 1]];
        const [p3, p4] = [B.pts[s2.i], B.pts[s2.i + 1]];
        const d1x = p2[0] - p1[0];
        const d1y = p2[1] - p1[1];
        const d2x = p4[0] - p3[0];
        const d2y = p4[1] - p3[1];
        const den = d1x * d2y - d1y * d2x;
        if (Math.abs(den) < 1e-9) {
          // parallel: make sure no two roads overlap
          const cross = (p3[0] - p1[0]) * d1y - (p3[1] - p1[1]) * d1x;
          if (Math.abs(cross) < 1e-6) {
            const l1 = d1x * d1x + d1y * d1y;
            const ta = ((p3[0] - p1[0]) * d1x + (p3[1] - p1[1]) * d1y) / l1;
            const tb = ((p4[0] - p1[0]) * d1x + (p4[1] - p1[1]) * d1y) / l1;
            if (Math.max(ta, tb) > 1e-9 && Math.min(ta, tb) < 1 - 1e-9) throw new Error(`roads ${A.key} and ${B.key} overlap`);
          }
          continue;
        }
        const t = ((p3[0] - p1[0]) * d2y - (p3[1] - p1[1]) * d2x) / den;
        const v = ((p3[0] - p1[0]) * d1y - (p3[1] - p1[1]) * d1x) / den;
        const eps = 1e-9;
        if (t < -eps || t > 1 + eps || v < -eps || v > 1 + eps) continue;
        const raw: [number, number] = [p1[0] + t * d1x, p1[1] + t * d1y];
        if (!intersectionAllowed(A, B, raw)) continue;
        let p = pt(raw[0], raw[1]);
        for (const q of [p1, p2, p3, p4]) if (dist(q, p) < 0.05) p = q;
        pushInsert(s1.r, s1.i, t, p);
        pushInsert(s2.r, s2.i, v, p);
      }
    }
  }

  // 2. insert the junctions into each road
  const noded: P[][] = roads.map((rd, r) => {
    const ins = (inserts.get(r) ?? []).slice().sort((a, b) => a.i - b.i || a.t - b.t);
    const out: P[] = [];
    let k = 0;
    for (let i = 0; i < rd.pts.length; i++) {
      if (out.length === 0 || key(out[out.length - 1]) !== key(rd.pts[i])) out.push(rd.pts[i]);
      while (k < ins.length && ins[k].i === i) {
        if (key(out[out.length - 1]) !== key(ins[k].p)) out.push(ins[k].p);
        k++;
      }
    }
    return out;
  });

  // 3. split at every vertex shared with another road, and at forced tunnel vertices
  const users = new Map<string, Set<number>>();
  noded.forEach((pts, r) => {
    for (const p of pts) {
      let s = users.get(key(p));
      if (!s) users.set(key(p), (s = new Set()));
      s.add(r);
    }
  });
  const forced = new Set([key(pt(UNDERPASS.x0, UNDERPASS.y)), key(pt(UNDERPASS.x1, UNDERPASS.y))]);
  let pieces: { road: Road; pts: P[] }[] = [];
  noded.forEach((pts, r) => {
    let cur: P[] = [pts[0]];
    for (let i = 1; i < pts.length; i++) {
      cur.push(pts[i]);
      const k = key(pts[i]);
      if (i < pts.length - 1 && (users.get(k)!.size > 1 || forced.has(k))) {
        pieces.push({ road: roads[r], pts: cur });
        cur = [pts[i]];
      }
    }
    pieces.push({ road: roads[r], pts: cur });
  });

  // 4. trim the overshoot stubs (short dead ends hanging off a junction), twice
  for (let pass = 0; pass < 2; pass++) {
    const deg = endDegrees(pieces);
    pieces = pieces.filter((pc) => {
      const a = deg.get(key(pc.pts[0]))!;
      const b = deg.get(key(pc.pts[pc.pts.length - 1]))!;
      return !(polyLength(pc.pts) < 12 && (a === 1 || b === 1) && a + b >= 4);
    });
  }

  // 5. merge consecutive pieces of one road where nothing else meets them any more
  const merged: { road: Road; pts: P[] }[] = [];
  const deg = endDegrees(pieces);
  for (const pc of pieces) {
    const prev = merged[merged.length - 1];
    const joint = key(pc.pts[0]);
    if (prev && prev.road === pc.road && key(prev.pts[prev.pts.length - 1]) === joint && deg.get(joint) === 2 && !forced.has(joint)) {
      prev.pts = prev.pts.concat(pc.pts.slice(1));
    } else merged.push({ road: pc.road, pts: pc.pts.slice() });
  }

  // 6. keep the largest connected part (a dropped old-core lane may leave an island)
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  for (const pc of merged) {
    for (const p of pc.pts) if (!parent.has(key(p))) parent.set(key(p), key(p));
    for (let i = 1; i < pc.pts.length; i++) {
      const a = find(key(pc.pts[i - 1]));
      const b = find(key(pc.pts[i]));
      if (a !== b) parent.set(a, b);
    }
  }
  const size = new Map<string, number>();
  for (const pc of merged) size.set(find(key(pc.pts[0])), (size.get(find(key(pc.pts[0]))) ?? 0) + 1);
  const main = [...size.entries()].sort((a, b) => b[1] - a[1])[0][0];

  return merged
    .filter((pc) => find(key(pc.pts[0])) === main)
    .map((pc, i) => {
      const mid = along(pc.pts, polyLength(pc.pts) / 2).p;
      const piece: Piece = { id: i + 1, road: pc.road, pts: pc.pts };
      const x = pc.pts[0][0];
      if (pc.road.key.startsWith('ns') && x in BRIDGES && Math.abs(mid[1] - riverY(mid[0])) < BANK_ROAD_OFFSET_M) piece.bridge = BRIDGES[x];
      if (pc.road.key.startsWith(`ew${UNDERPASS.y}#`) && mid[0] > UNDERPASS.x0 && mid[0] < UNDERPASS.x1) piece.tunnel = true;
      return piece;
    });
}

function endDegrees(pieces: { pts: P[] }[]): Map<string, number> {
  const deg = new Map<string, number>();
  for (const pc of pieces) {
    for (const p of [pc.pts[0], pc.pts[pc.pts.length - 1]]) deg.set(key(p), (deg.get(key(p)) ?? 0) + 1);
  }
  return deg;
}

// ---------------------------------------------------------------------------------------------
// Hydrants

interface Hydrant {
  p: [number, number];
  road: Road;
  status: 'working' | 'damaged' | 'low_pressure' | 'unknown';
}

/** Planted: no hydrant on 建设路 (x = -1600) for y in this range. */
const ARTERIAL_GAP = { x: -1600, y0: -2250, y1: -2000 };
/** Planted: nothing within this radius of the south head of 东门大桥. */
const BARE_BRIDGE_HEAD_RADIUS_M = 70;

/** A spacing between consecutive hydrants along one road that is longer than the generator intends. */
export interface LongGap {
  road: string;
  gapM: number;
  from: [number, number];
  to: [number, number];
}

function placeHydrants(pieces: Piece[], rand: () => number): { hydrants: Hydrant[]; longGaps: LongGap[] } {
  // Segment index for "is this spot clear of other roads".
  const cell = 100;
  const grid = new Map<string, { a: P; b: P; piece: Piece }[]>();
  for (const pc of pieces) {
    for (let i = 0; i + 1 < pc.pts.length; i++) {
      const [a, b] = [pc.pts[i], pc.pts[i + 1]];
      for (let cx = Math.floor((Math.min(a[0], b[0]) - 60) / cell); cx <= Math.floor((Math.max(a[0], b[0]) + 60) / cell); cx++) {
        for (let cy = Math.floor((Math.min(a[1], b[1]) - 60) / cell); cy <= Math.floor((Math.max(a[1], b[1]) + 60) / cell); cy++) {
          const k = `${cx},${cy}`;
          let l = grid.get(k);
          if (!l) grid.set(k, (l = []));
          l.push({ a, b, piece: pc });
        }
      }
    }
  }
  const clear = (p: [number, number], own: Road, ownCentreM: number): boolean => {
    for (const s of grid.get(`${Math.floor(p[0] / cell)},${Math.floor(p[1] / cell)}`) ?? []) {
      if (s.piece.road === own) continue;
      const d = pointSegmentDistance(p, s.a, s.b);
      const half = s.piece.road.widthM / 2;
      // nearer its own road's centreline than any other's (by 3 m) and ≥ 6 m farther from other kerbs than from its own
      if (d < ownCentreM + 3 || d - half < ownCentreM - own.widthM / 2 + 6) return false;
    }
    return true;
  };

  // Chains: consecutive pieces of one road, broken at bridges and tunnels (no hydrants on a deck).
  const chains: { road: Road; pts: P[] }[] = [];
  for (const pc of pieces) {
    if (pc.bridge || pc.tunnel) continue;
    const prev = chains[chains.length - 1];
    if (prev && prev.road === pc.road && key(prev.pts[prev.pts.length - 1]) === key(pc.pts[0]) && !prevWasDeck(pieces, pc)) prev.pts = prev.pts.concat(pc.pts.slice(1));
    else chains.push({ road: pc.road, pts: pc.pts.slice() });
  }

  const out: Hydrant[] = [];
  const spacing: { road: Road; gapM: number; a: [number, number]; b: [number, number] }[] = [];
  const bareHead = bridgeHeads(pieces).find((h) => h.bridge.nameZh === '东门大桥' && h.end === 'south')!.p;
  for (const ch of chains) {
    const road = ch.road;
    if (road.hydrants === 'none' || road.kind === 'service' || road.kind === 'expressway') continue;
    const L = polyLength(ch.pts);
    const offset = road.widthM / 2 + 1 + rand(); // 1–2 m off the kerb
    let side = rand() < 0.5 ? 1 : -1;
    const excluded = (p: [number, number]): boolean =>
      (road.key.startsWith(`ns${ARTERIAL_GAP.x}`) && p[1] > ARTERIAL_GAP.y0 && p[1] < ARTERIAL_GAP.y1) || dist(p as P, bareHead) < BARE_BRIDGE_HEAD_RADIUS_M;
    const spot = (s: number, sd = side): [number, number] | null => {
      if (s < 0 || s > L) return null;
      const { p, dx, dy } = along(ch.pts, s);
      if (excluded(p)) return null;
      const k = road.hydrants === 'north-side-only' ? (dx >= 0 ? 1 : -1) : sd;
      const h: [number, number] = [p[0] - dy * offset * k, p[1] + dx * offset * k];
      return clear(h, road, offset) && !excluded(h) ? h : null;
    };
    const placed: number[] = [];
    const spots: [number, number][] = [];
    const put = (s: number, h: [number, number], sd: number) => {
      let i = placed.length;
      while (i > 0 && placed[i - 1] > s) i--;
      placed.splice(i, 0, s);
      spots.splice(i, 0, [cm(h[0]), cm(h[1])]);
      side = -sd;
    };
    /** A hydrant at the first free spot near `target` (preferred side first, then the other). */
    const tryAt = (target: number, minS: number): boolean => {
      for (const d of [0, -4, -8, -12, -16, -20, -24, -28, -32, -36, -40, 4, 8, 12, 16, 20]) {
        const s = target + d;
        if (s <= minS) continue;
        for (const sd of [side, -side]) {
          const h = spot(s, sd);
          if (h) {
            put(s, h, sd);
            return true;
          }
        }
      }
      return false;
    };
    const free = (s: number): boolean => spot(s, side) !== null || spot(s, -side) !== null;
    // First hydrant as near the start as the junction clearance allows (bridge heads get theirs this way).
    let s = -1;
    for (let first = 2 + rand() * 10; first < Math.min(L, 60); first += 1) {
      if (free(first)) {
        tryAt(first, -1);
        s = first;
        break;
      }
    }
    if (s < 0) s = 0;
    for (;;) {
      const next = (placed.length ? placed[placed.length - 1] : s) + 88 + rand() * 20;
      if (next > L - 8) break;
      if (!tryAt(next, placed.length ? placed[placed.length - 1] + 30 : -1)) {
        // inside a planted gap or a blocked stretch: walk on until a spot is free
        let t = next;
        while (t < L - 8 && !free(t)) t += 2;
        if (t >= L - 8) break;
        tryAt(t, -1);
      }
    }
    // Last hydrant as near the end as the clearance allows (bridge heads on that side get theirs this way).
    const lastS = placed.length ? placed[placed.length - 1] : -Infinity;
    for (let e = L - 2 - rand() * 10; e > lastS + 30 && e > L - 60; e -= 1) {
      if (free(e)) {
        tryAt(e, lastS + 30);
        break;
      }
    }
    // Repair: a free spot near the middle of any spacing over 108 m (planted gaps have none).
    for (let i = 1; i < placed.length; i++) {
      const [a, b] = [placed[i - 1], placed[i]];
      if (b - a <= 108) continue;
      const mid = (a + b) / 2;
      for (let d = 0; d < (b - a) / 2 - 30; d += 2) {
        const s = [mid - d, mid + d].find((x) => free(x));
        if (s !== undefined) {
          tryAt(s, a);
          i--; // look at the two new spacings again
          break;
        }
      }
    }
    spots.forEach((h) => out.push({ p: h, road, status: 'working' }));
    // Spacing along this chain, for the generator's own check.
    for (let i = 1; i < placed.length; i++) spacing.push({ road, gapM: placed[i] - placed[i - 1], a: along(ch.pts, placed[i - 1]).p, b: along(ch.pts, placed[i]).p });
  }
  for (const h of out) {
    const r = rand();
    h.status = r < 0.05 ? 'damaged' : r < 0.09 ? 'low_pressure' : r < 0.12 ? 'unknown' : 'working';
  }
  const longGaps = spacing
    .filter((g) => g.gapM > 112)
    .map((g) => ({ road: g.road.nameZh, gapM: Math.round(g.gapM), from: [lon(g.a[0]), lat(g.a[1])] as [number, number], to: [lon(g.b[0]), lat(g.b[1])] as [number, number] }));
  return { hydrants: out, longGaps };
}

function prevWasDeck(pieces: Piece[], pc: Piece): boolean {
  const i = pieces.indexOf(pc);
  return i > 0 && (pieces[i - 1].bridge !== undefined || pieces[i - 1].tunnel === true) && pieces[i - 1].road === pc.road;
}

function bridgeHeads(pieces: Piece[]): { bridge: { name: string; nameZh: string }; end: 'north' | 'south'; p: P; piece: Piece }[] {
  const out: { bridge: { name: string; nameZh: string }; end: 'north' | 'south'; p: P; piece: Piece }[] = [];
  for (const pc of pieces) {
    if (!pc.bridge) continue;
    const [a, b] = [pc.pts[0], pc.pts[pc.pts.length - 1]];
    const [s, n] = a[1] < b[1] ? [a, b] : [b, a];
    out.push({ bridge: pc.bridge, end: 'south', p: s, piece: pc }, { bridge: pc.bridge, end: 'north', p: n, piece: pc });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Population grid

function zoneDensity(x: number, y: number): { perKm2: number; zone: string } {
  if (Math.hypot(x - LAKE.x, y - LAKE.y) < LAKE.r) return { perKm2: 0, zone: 'lake' };
  if (Math.abs(y - riverY(x)) < RIVER_HALF_WIDTH_M) return { perKm2: 0, zone: 'river' };
  if (Math.abs(y - expresswayY(x)) < 40) return { perKm2: 0, zone: 'expressway' };
  if (Math.hypot(x - VILLAGE.x, y - VILLAGE.y) < 300) return { perKm2: 3000, zone: 'village' };
  if (x >= OLD_CORE.x0 && x <= OLD_CORE.x1 && y >= OLD_CORE.y0 && y <= OLD_CORE.y1) return { perKm2: 26000, zone: 'old-core' };
  if (x >= INDUSTRIAL.x0 - 100 && x <= INDUSTRIAL.x1 + 50 && y >= INDUSTRIAL.y0 - 50 && y <= INDUSTRIAL.y1 + 50) return { perKm2: 400, zone: 'industrial' };
  if (x >= NEWEST.x0 && x <= NEWEST.x1 && y >= NEWEST.y0 && y <= NEWEST.y1) return { perKm2: 2500, zone: 'newest' };
  if (x >= TOWN.x0 && x <= TOWN.x1 && y >= TOWN.y0 && y <= TOWN.y1) return { perKm2: y > expresswayY(x) ? 6000 : 9000, zone: 'new-district' };
  return { perKm2: 120, zone: 'rural' };
}

const CELL_M = 250;
const GRID = { x0: -7000, x1: 4500, y0: -3000, y1: 2500 };

function populationCells(rand: () => number): { x: number; y: number; population: number; zone: string }[] {
  const cells: { x: number; y: number; population: number; zone: string }[] = [];
  for (let y = GRID.y0; y < GRID.y1; y += CELL_M) {
    for (let x = GRID.x0; x < GRID.x1; x += CELL_M) {
      let sum = 0;
      const zones = new Map<string, number>();
      const n = 5;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const z = zoneDensity(x + ((i + 0.5) * CELL_M) / n, y + ((j + 0.5) * CELL_M) / n);
          sum += z.perKm2;
          zones.set(z.zone, (zones.get(z.zone) ?? 0) + 1);
        }
      }
      const cellKm2 = (CELL_M * CELL_M) / 1e6;
      const population = Math.round((sum / (n * n)) * cellKm2 * (0.8 + 0.4 * rand()));
      const zone = [...zones.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
      if (population > 0) cells.push({ x, y, population, zone });
    }
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------
// Output

function featureCollection(features: unknown[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
const lineFeature = (props: Record<string, unknown>, pts: P[]) => ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: pts.map(ll) } });
const pointFeature = (props: Record<string, unknown>, p: [number, number]) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: ll(p as P) } });
const ring = (pts: P[]) => pts.map(ll);
const circle = (cx: number, cy: number, r: number, n: number, clockwise = false): P[] => {
  const out: P[] = [];
  for (let i = 0; i <= n; i++) {
    const a = ((clockwise ? n - (i % n) : i % n) / n) * 2 * Math.PI;
    out.push(pt(cx + r * Math.cos(a), cy + r * Math.sin(a)));
  }
  return out;
};

interface Station {
  id: string;
  name: string;
  nameZh: string;
  x: number;
  y: number;
  class: string;
  status: 'existing' | 'planned' | 'under_construction';
  year?: number;
  urbanEdge?: boolean;
  landAreaM2?: number;
  buildingAreaM2?: number;
  /** Apparatus and staffing (risk and capability, docs/risk.md): extra properties, no coverage figure uses them. */
  aerialM?: number;
  foam?: boolean;
  tankerT?: number;
  rescue?: boolean;
  staffing?: number;
}

const STATIONS: Station[] = [
  { id: 'chengzhong', name: 'Chengzhong Station', nameZh: '城中消防救援站', x: -420, y: 30, class: '一级', status: 'existing', landAreaM2: 4200, buildingAreaM2: 3100, aerialM: 32, rescue: true, tankerT: 8, staffing: 32 },
  { id: 'chengbei', name: 'Chengbei Station', nameZh: '城北消防救援站', x: 1000, y: 1228, class: '二级', status: 'existing', landAreaM2: 3000, buildingAreaM2: 2200, foam: true, tankerT: 5, rescue: true, staffing: 20 },
  { id: 'chengnan', name: 'Chengnan Station', nameZh: '城南消防救援站', x: 1500, y: -2835, class: '一级', status: 'existing', landAreaM2: 5200, buildingAreaM2: 3600, aerialM: 53, foam: true, rescue: true, tankerT: 12, staffing: 36 },
  { id: 'xincheng', name: 'Xincheng Station', nameZh: '新城消防救援站', x: -2370, y: -2228, class: '一级', status: 'planned', year: 2026, landAreaM2: 6000, buildingAreaM2: 4200, aerialM: 53, foam: true, rescue: true },
  { id: 'huxi', name: 'Huxi Station', nameZh: '湖西消防救援站', x: -2372, y: 215, class: '一级', status: 'planned', year: 2028, landAreaM2: 5800, buildingAreaM2: 4000, rescue: true },
  { id: 'liushu', name: 'Liushu Township Brigade', nameZh: '柳树镇专职消防队', x: VILLAGE.x + 20, y: VILLAGE.y + 18, class: '乡镇一级', status: 'existing', tankerT: 5, staffing: 12 },
];

/** The weight limit planted on 老桥 Old Bridge (x = -800), tonnes: the 25 t aerial truck must go round. */
const OLD_BRIDGE_MAXWEIGHT_T = 10;

/** Planted hazard sites (docs/risk.md lists the findings the tests assert). */
const HAZARD_POINTS: { id: string; name: string; nameZh: string; class: string; x: number; y: number; heightM?: number }[] = [
  { id: 'HZ1', name: 'Jinxiu Tower', nameZh: '锦绣大厦', class: '高层建筑', x: -300, y: 420, heightM: 45 },
  { id: 'HZ2', name: 'Fuqian Mansion', nameZh: '府前大厦', class: '高层建筑', x: -600, y: 200, heightM: 28 },
  { id: 'HZ3', name: 'Jiangnan Garden', nameZh: '江南花园', class: '高层建筑', x: -800, y: -1150, heightM: 30 },
  { id: 'HZ5', name: 'Donghua LPG depot', nameZh: '东华液化气站', class: '重大危险源', x: 4300, y: 1500 },
  { id: 'HZ6', name: 'Zhongshan Plaza', nameZh: '中山广场商场', class: '人员密集场所', x: 0, y: 350 },
  { id: 'HZ7', name: 'Renmin Road underground mall', nameZh: '人民路地下商场', class: '地下空间', x: -800, y: 250 },
];
/** The chemical park: a polygon in the industrial park. */
const CHEMICAL_PARK = { x0: 3400, x1: 3900, y0: 300, y1: 800 };
/** Micro fire stations: [id, name, nameZh, x, y, mode]. */
const MICRO: [string, string, string, number, number, 'foot' | 'light_vehicle'][] = [
  ['M1', 'Fuqian community micro station', '府前社区微型消防站', -200, 0, 'foot'],
  ['M2', 'Jinxiu Tower micro station', '锦绣大厦微型消防站', -300, 400, 'foot'],
  ['M3', 'Binjiang community micro station', '滨江社区微型消防站', 400, -400, 'light_vehicle'],
  ['M4', 'Industrial park micro station', '工业园微型消防站', 3600, 800, 'light_vehicle'],
];
/** Communities (社区): 400 m squares by their south-west corner. */
const COMMUNITIES: [string, string, string, number, number][] = [
  ['C1', 'Fuqian community', '府前社区', -400, -200],
  ['C2', 'Binjiang community', '滨江社区', 200, -600],
  ['C3', 'Jiangnan community', '江南社区', -1000, -1400],
  ['C4', 'Xincheng community', '新城社区', -2800, -2600],
  ['C5', 'Beiyuan community', '北苑社区', 600, 1400],
  ['C6', 'Jinxiu community', '锦绣社区', -500, 450],
];
/** Townships (乡镇): [id, name, nameZh, x0, y0, x1, y1]. */
const TOWNSHIPS: [string, string, string, number, number, number, number][] = [
  ['T1', 'Chengguan town', '城关镇', -3300, -2900, 1200, 2500],
  ['T2', 'Chengnan town', '城南镇', 1200, -2900, 2500, 2500],
  ['T3', 'Dongfeng township', '东风乡', 2500, -300, 4500, 1700],
  ['T4', 'Liushu town', '柳树镇', VILLAGE.x - 600, VILLAGE.y - 600, VILLAGE.x + 600, VILLAGE.y + 600],
];

const WATER: { id: string; kind: string; name: string; nameZh: string; p: [number, number] }[] = [
  { id: 'W1', kind: 'suction_point', name: 'Xihe intake point', nameZh: '西河取水点', p: [-2000, riverY(-2000) + 22] },
  { id: 'W2', kind: 'intake_dock', name: 'Old Town intake dock', nameZh: '老城取水码头', p: [-300, riverY(-300) + 22] },
  { id: 'W3', kind: 'suction_point', name: 'Dongmen intake point', nameZh: '东门取水点', p: [1400, riverY(1400) - 22] },
  { id: 'W4', kind: 'suction_point', name: 'Jinghu Lake intake point', nameZh: '镜湖取水点', p: [LAKE.x + 25, LAKE.y - LAKE.r - 5] },
  { id: 'W5', kind: 'fire_water_pond', name: 'Industrial Park fire pool', nameZh: '工业园消防水池', p: [3232, 620] },
];

export interface SampleCity {
  /** File name → contents, in write order. */
  files: Map<string, string>;
  stats: Record<string, number>;
  /** Hydrant spacings over 112 m along a road: only the planted ones should appear. */
  longGaps: LongGap[];
}

/** Builds every file of the sample city in memory. */
export function generateSampleCity(seed = DEFAULT_SEED): SampleCity {
  const rand = mulberry32(seed);
  const roads = buildRoads(rand);
  const pieces = node(roads);
  checkNoding(pieces);
  const { hydrants, longGaps } = placeHydrants(pieces, rand);
  const cells = populationCells(rand);
  const files = new Map<string, string>();

  // roads.geojson
  files.set(
    'roads.geojson',
    featureCollection(
      pieces.map((pc) => {
        const r = pc.road;
        const props: Record<string, unknown> = { id: pc.id };
        if (r.kind === 'service') props.highway = 'service';
        else props.class = CLASS_ZH[r.kind];
        props.name = pc.bridge ? pc.bridge.name : r.name;
        props.nameZh = pc.bridge ? pc.bridge.nameZh : r.nameZh;
        if (r.oneway) props.oneway = 'yes';
        if (r.kind === 'expressway') props.oneway = 'no';
        props.width = r.widthM;
        if (pc.bridge) props.bridge = 'yes';
        if (pc.tunnel) props.tunnel = 'yes';
        if (r.maxspeed) props.maxspeed = r.maxspeed;
        if (pc.bridge?.name === 'Old Bridge') props.maxweight = OLD_BRIDGE_MAXWEIGHT_T;
        return lineFeature(props, pc.pts);
      }),
    ),
  );

  // stations.geojson (the scenario lists the same stations inline)
  files.set(
    'stations.geojson',
    featureCollection(
      STATIONS.map((s) => {
        const { x, y, ...props } = s;
        return pointFeature(props, [x, y]);
      }),
    ),
  );

  // hydrants.geojson
  files.set(
    'hydrants.geojson',
    featureCollection(
      hydrants.map((h, i) => {
        const n = String(i + 1).padStart(4, '0');
        const props: Record<string, unknown> = {
          id: `H${n}`,
          ref: `XF-${n}`,
          type: i % 7 === 3 ? 'underground' : 'pillar',
          diameterMm: h.road.kind === 'primary' ? 150 : 100,
          position: 'sidewalk',
          status: h.status,
          road: h.road.nameZh,
        };
        return pointFeature(props, h.p);
      }),
    ),
  );

  // water_sources.geojson: intake points, the fire pool, and the lake and river themselves
  const riverLine: P[] = [];
  for (let x = -7200; x <= 5000; x += 100) riverLine.push(pt(x, riverY(x)));
  files.set(
    'water_sources.geojson',
    featureCollection([
      ...WATER.map((w) => pointFeature({ id: w.id, kind: w.kind, name: w.name, nameZh: w.nameZh }, w.p)),
      { type: 'Feature', properties: { id: 'W6', kind: 'water_body', name: 'Jinghu Lake', nameZh: '镜湖' }, geometry: { type: 'Polygon', coordinates: [ring(circle(LAKE.x, LAKE.y, LAKE.r, 48))] } },
      lineFeature({ id: 'W7', kind: 'river', name: 'Qingxi River', nameZh: '清溪河' }, riverLine),
    ]),
  );

  // barriers.geojson
  const ex = roads.find((r) => r.kind === 'expressway')!;
  const rail: P[] = [];
  for (let y = -3300; y <= 3000; y += 100) rail.push(pt(railwayX(y), y));
  files.set(
    'barriers.geojson',
    featureCollection([
      lineFeature({ id: 'B1', kind: 'expressway', name: 'Raocheng Expressway', nameZh: '绕城快速路' }, ex.pts),
      lineFeature({ id: 'B2', kind: 'railway', name: 'Xiyang Railway', nameZh: '西阳铁路' }, rail),
      lineFeature({ id: 'B3', kind: 'river', name: 'Qingxi River', nameZh: '清溪河' }, riverLine),
    ]),
  );

  // population.geojson
  files.set(
    'population.geojson',
    featureCollection(
      cells.map((c, i) => ({
        type: 'Feature',
        properties: { id: `C${String(i + 1).padStart(4, '0')}`, population: c.population, zone: c.zone },
        geometry: { type: 'Polygon', coordinates: [ring([pt(c.x, c.y), pt(c.x + CELL_M, c.y), pt(c.x + CELL_M, c.y + CELL_M), pt(c.x, c.y + CELL_M), pt(c.x, c.y)])] },
      })),
    ),
  );

  // study_area.geojson: the built-up area (建成区), town plus industrial park, lake as a hole
  const m = 60;
  const outer: P[] = [
    pt(TOWN.x0 - m, TOWN.y0 - m),
    pt(TOWN.x1 + m, TOWN.y0 - m),
    pt(TOWN.x1 + m, INDUSTRIAL.y0 - m),
    pt(INDUSTRIAL.x1 + m, INDUSTRIAL.y0 - m),
    pt(INDUSTRIAL.x1 + m, INDUSTRIAL.y1 + m),
    pt(TOWN.x1 + m, INDUSTRIAL.y1 + m),
    pt(TOWN.x1 + m, TOWN.y1 + m),
    pt(TOWN.x0 - m, TOWN.y1 + m),
    pt(TOWN.x0 - m, TOWN.y0 - m),
  ];
  const vm = VILLAGE_SEAT_HALF_M;
  const village: P[] = [pt(VILLAGE.x - vm, VILLAGE.y - vm), pt(VILLAGE.x + vm, VILLAGE.y - vm), pt(VILLAGE.x + vm, VILLAGE.y + vm), pt(VILLAGE.x - vm, VILLAGE.y + vm), pt(VILLAGE.x - vm, VILLAGE.y - vm)];
  files.set(
    'study_area.geojson',
    featureCollection([
      { type: 'Feature', properties: { id: 'built-up', name: 'Built-up area', nameZh: '建成区' }, geometry: { type: 'Polygon', coordinates: [ring(outer), ring(circle(LAKE.x, LAKE.y, LAKE.r, 48, true))] } },
      // the township seat is a built-up patch of its own (镇区): its brigade's district and its missing
      // hydrants belong in the analysis, the farmland between it and the town does not
      { type: 'Feature', properties: { id: 'liushu-seat', name: 'Liushu township seat', nameZh: '柳树镇区' }, geometry: { type: 'Polygon', coordinates: [ring(village)] } },
    ]),
  );

  // risk layers: hazards (points, the chemical park, the underpass tunnel, a stretch of the expressway),
  // micro fire stations, communities, townships
  const square = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon', coordinates: [ring([pt(x0, y0), pt(x1, y0), pt(x1, y1), pt(x0, y1), pt(x0, y0)])] });
  const cp = CHEMICAL_PARK;
  const exStretch = ex.pts.filter((p) => p[0] >= -1600 && p[0] <= 1600);
  files.set(
    'hazards.geojson',
    featureCollection([
      ...HAZARD_POINTS.map(({ x, y, ...props }) => pointFeature(props, [x, y])),
      { type: 'Feature', properties: { id: 'HZ4', name: 'Donghua chemical park', nameZh: '东华化工园区', class: '化工园区' }, geometry: square(cp.x0, cp.y0, cp.x1, cp.y1) },
      lineFeature({ id: 'HZ8', name: 'Wenhua Road underpass', nameZh: '文化路下穿隧道', class: '隧道' }, [pt(UNDERPASS.x0, UNDERPASS.y), pt(UNDERPASS.x1, UNDERPASS.y)]),
      lineFeature({ id: 'HZ9', name: 'Raocheng Expressway (town stretch)', nameZh: '绕城快速路（城区段）', class: '高速公路' }, exStretch),
    ]),
  );
  files.set('micro_stations.geojson', featureCollection(MICRO.map(([id, name, nameZh, x, y, mode]) => pointFeature({ id, name, nameZh, mode }, [x, y]))));
  files.set('communities.geojson', featureCollection(COMMUNITIES.map(([id, name, nameZh, x, y]) => ({ type: 'Feature', properties: { id, name, nameZh }, geometry: square(x, y, x + 400, y + 400) }))));
  files.set('townships.geojson', featureCollection(TOWNSHIPS.map(([id, name, nameZh, x0, y0, x1, y1]) => ({ type: 'Feature', properties: { id, name, nameZh }, geometry: square(x0, y0, x1, y1) }))));

  // scenario.json
  const scenario = {
    $schema: '../../packages/core/schema/scenario.schema.json',
    name: 'Sample city',
    nameZh: '样例城',
    description: 'Synthetic sample city 样例城 — not a real place; generated by data/sample-city/generate.ts',
    network: { geojson: 'roads.geojson' },
    standards: 'cn',
    stations: STATIONS.map((s) => {
      const out: Record<string, unknown> = { id: s.id, name: s.name, nameZh: s.nameZh, lon: Math.round(lon(s.x) * 1e6) / 1e6, lat: Math.round(lat(s.y) * 1e6) / 1e6, class: s.class, status: s.status };
      if (s.year !== undefined) out.year = s.year;
      if (s.landAreaM2 !== undefined) out.landAreaM2 = s.landAreaM2;
      if (s.buildingAreaM2 !== undefined) out.buildingAreaM2 = s.buildingAreaM2;
      for (const k of ['aerialM', 'foam', 'tankerT', 'rescue', 'staffing'] as const) if (s[k] !== undefined) out[k] = s[k];
      return out;
    }),
    hydrants: 'hydrants.geojson',
    waterSources: 'water_sources.geojson',
    barriers: 'barriers.geojson',
    demand: 'population.geojson',
    demandProperty: 'population',
    studyArea: 'study_area.geojson',
    analysis: { bandsS: [180, 240, 300] },
  };
  files.set('scenario.json', `${JSON.stringify(scenario, null, 2)}\n`);
  // scenario_risk.json: the same scenario with the risk block (docs/risk.md); scenario.json stays as it was, so
  // every figure and output file of the default scenario is unchanged
  const withRisk = {
    ...scenario,
    name: 'Sample city (risk)',
    nameZh: '样例城（风险）',
    risk: { hazards: 'hazards.geojson', microStations: 'micro_stations.geojson', communities: 'communities.geojson', townships: 'townships.geojson' },
  };
  files.set('scenario_risk.json', `${JSON.stringify(withRisk, null, 2)}\n`);

  // statistics and PLANTED.md
  const kmBy = (pred: (pc: Piece) => boolean) => Math.round(pieces.filter(pred).reduce((s, pc) => s + polyLength(pc.pts), 0) / 100) / 10;
  const studyKm2 = ((TOWN.x1 - TOWN.x0 + 2 * m) * (TOWN.y1 - TOWN.y0 + 2 * m) + (INDUSTRIAL.x1 - TOWN.x1) * (INDUSTRIAL.y1 - INDUSTRIAL.y0 + 2 * m) - Math.PI * LAKE.r * LAKE.r + (2 * VILLAGE_SEAT_HALF_M) ** 2) / 1e6;
  const stats: Record<string, number> = {
    overallKm2: Math.round(((GRID.x1 - GRID.x0) * (GRID.y1 - GRID.y0)) / 1e4) / 100,
    studyAreaKm2: Math.round(studyKm2 * 100) / 100,
    roadKm: kmBy(() => true),
    expresswayKm: kmBy((pc) => pc.road.kind === 'expressway'),
    primaryKm: kmBy((pc) => pc.road.kind === 'primary'),
    secondaryKm: kmBy((pc) => pc.road.kind === 'secondary'),
    branchKm: kmBy((pc) => pc.road.kind === 'branch'),
    serviceKm: kmBy((pc) => pc.road.kind === 'service'),
    roadFeatures: pieces.length,
    bridges: pieces.filter((pc) => pc.bridge).length,
    tunnels: pieces.filter((pc) => pc.tunnel).length,
    hydrants: hydrants.length,
    hydrantsWorking: hydrants.filter((h) => h.status === 'working').length,
    hydrantsDamaged: hydrants.filter((h) => h.status === 'damaged').length,
    hydrantsLowPressure: hydrants.filter((h) => h.status === 'low_pressure').length,
    hydrantsUnknown: hydrants.filter((h) => h.status === 'unknown').length,
    populationCells: cells.length,
    population: cells.reduce((s, c) => s + c.population, 0),
    stations: STATIONS.length,
  };
  files.set('PLANTED.md', plantedMarkdown(pieces, hydrants, stats, longGaps));
  return { files, stats, longGaps };
}

/** Every shared coordinate is a piece end in every piece that has it; the expressway meets roads only at interchanges. */
function checkNoding(pieces: Piece[]): void {
  const ends = new Map<string, number>();
  const interior = new Map<string, number>();
  for (const pc of pieces) {
    pc.pts.forEach((p, i) => {
      const m = i === 0 || i === pc.pts.length - 1 ? ends : interior;
      m.set(key(p), (m.get(key(p)) ?? 0) + 1);
    });
  }
  for (const [k, n] of interior) {
    if (n > 1 || ends.has(k)) throw new Error(`vertex ${k} is shared but not a junction`);
  }
  // also no two distinct vertices may collapse to one lon/lat
  const lonlat = new Map<string, string>();
  for (const pc of pieces) {
    for (const p of pc.pts) {
      const g = ll(p).join(',');
      const prev = lonlat.get(g);
      if (prev !== undefined && prev !== key(p)) throw new Error(`vertices ${prev} and ${key(p)} round to the same lon/lat`);
      lonlat.set(g, key(p));
    }
  }
  const ex = pieces.filter((pc) => pc.road.kind === 'expressway');
  const exEnds = new Set(ex.flatMap((pc) => [key(pc.pts[0]), key(pc.pts[pc.pts.length - 1])]));
  const touching = pieces.filter((pc) => pc.road.kind !== 'expressway' && (exEnds.has(key(pc.pts[0])) || exEnds.has(key(pc.pts[pc.pts.length - 1]))));
  const where = new Set(touching.map((pc) => Math.round(pc.pts[0][0])));
  if (touching.length !== 2 * INTERCHANGE_X.length || where.size !== INTERCHANGE_X.length) throw new Error(`expressway connections: ${touching.length}`);
}

function plantedMarkdown(pieces: Piece[], hydrants: Hydrant[], stats: Record<string, number>, longGaps: LongGap[]): string {
  const fmt = (p: [number, number]) => `${lon(p[0]).toFixed(5)}, ${lat(p[1]).toFixed(5)}`;
  const idsOf = (pred: (pc: Piece) => boolean) => pieces.filter(pred).map((pc) => pc.id);
  const newestNone = [...new Set(pieces.filter((pc) => pc.road.hydrants === 'none' && pc.road.zone === 'newest').map((pc) => pc.road.nameZh))];
  const newestIds = idsOf((pc) => pc.road.hydrants === 'none' && pc.road.zone === 'newest');
  const gapIds = idsOf((pc) => pc.road.key.startsWith(`ns${ARTERIAL_GAP.x}`) && Math.max(...pc.pts.map((p) => p[1])) > ARTERIAL_GAP.y0 && Math.min(...pc.pts.map((p) => p[1])) < ARTERIAL_GAP.y1);
  const onGapRoad = hydrants.filter((h) => h.road.key.startsWith(`ns${ARTERIAL_GAP.x}`)).map((h) => h.p[1]).sort((a, b) => a - b);
  const below = Math.max(...onGapRoad.filter((y) => y <= ARTERIAL_GAP.y0));
  const above = Math.min(...onGapRoad.filter((y) => y >= ARTERIAL_GAP.y1));
  const heads = bridgeHeads(pieces);
  const bare = heads.find((h) => h.bridge.nameZh === '东门大桥' && h.end === 'south')!;
  const nearestToBare = Math.min(...hydrants.map((h) => dist(h.p as P, bare.p)));
  const boulevard = idsOf((pc) => pc.road.widthM === 64);
  const boulevardHydrants = hydrants.filter((h) => h.road.widthM === 64);
  const tunnel = pieces.find((pc) => pc.tunnel)!;
  const bridges = heads.filter((h) => h.end === 'south').map((h) => `${h.bridge.nameZh} ${h.bridge.name} (road id ${h.piece.id}, ${Math.round(polyLength(h.piece.pts))} m)`);
  const damaged = hydrants.map((h, i) => ({ h, i })).filter(({ h }) => h.status !== 'working');
  const line = (s: string) => `${s}\n`;
  let md = '';
  md += line('# Planted features of the sample city 样例城');
  md += line('');
  md += line('Generated by `data/sample-city/generate.ts` (do not edit by hand; run `pnpm sample-city`). Synthetic: not a real place.');
  md += line('Road ids are the `id` property in `roads.geojson` (one feature per road piece between junctions). Coordinates are lon, lat.');
  md += line('Elsewhere on municipal roads hydrants stand about every 88–108 m along the road, 1–2 m off the kerb; no spacing exceeds 112 m except those listed below (checked by the generator).');
  md += line('');
  md += line('| # | what | where | expected finding |');
  md += line('| --- | --- | --- | --- |');
  md += line(`| 1 | new roads with no hydrants at all: ${newestNone.join(', ')} (新城区 newest district) | road ids ${newestIds.join(', ')} | "roads without hydrants" (四同步 backlog): every one listed; spacing gap = whole length |`);
  md += line(`| 2 | arterial stretch with no hydrant: 建设路 Jianshe Road (x = ${ARTERIAL_GAP.x} m) | between hydrants at ${fmt([ARTERIAL_GAP.x, below])} and ${fmt([ARTERIAL_GAP.x, above])}; road ids ${gapIds.join(', ')} | spacing gap of ${Math.round(above - below)} m along the road (> 120 m, GB 50974-2014 §7.2.5) |`);
  md += line(`| 3 | bridge head without a hydrant: south head of 东门大桥 Dongmen Bridge | ${fmt(bare.p)} (bridge road id ${bare.piece.id}); nearest hydrant ${Math.round(nearestToBare)} m away in a straight line | bridge-head finding (GB 50974-2014 §7.2.4, 50 m); also a spacing gap across the bridge and on 滨江南路 there |`);
  md += line(`| 4 | wide road, hydrants on one side only: 世纪大道 Century Avenue, width 64 m | road ids ${boulevard.join(', ')}; all ${boulevardHydrants.length} hydrants on the north side, 33–34 m from the centreline (1–2 m off the kerb) | wide-road finding (> 60 m needs both sides, GB 50974-2014 §7.2.3); snapping must allow for the width (the default 30 m from the centreline would miss them) |`);
  md += line(`| 5 | hydrants not in working order: ${stats.hydrantsDamaged} damaged, ${stats.hydrantsLowPressure} low pressure, ${stats.hydrantsUnknown} unknown of ${stats.hydrants} | ids ${damaged.slice(0, 12).map(({ i }) => `H${String(i + 1).padStart(4, '0')}`).join(', ')}, … | intact rate 完好率 = ${stats.hydrantsWorking}/${stats.hydrants} = ${((100 * stats.hydrantsWorking) / stats.hydrants).toFixed(1)} % (unknown counted as not intact) |`);
  md += line(`| 6 | marginalised station: 城南消防救援站 Chengnan, at the southern edge of town | ${fmt([STATIONS[2].x, STATIONS[2].y])} | flagged as far from the centre of its district (边缘化) |`);
  md += line(`| 7 | under-served new districts: west (lake) and south-west (新城区) | planned 湖西站 Huxi (2028) and 新城站 Xincheng (2026) | coverage rises when the planned stations enter service (year 2026, 2028) |`);
  md += line(`| 8 | expressway joins the town at 2 interchanges only (湖滨大道 x = -2400, 解放路 x = 1600); it passes over every other road without a junction | — | districts should not cross it (barrier B1) |`);
  md += line(`| 9 | railway crossed by 3 roads only: 府前街 and 兴业路 (level crossings), 文化路 (underpass, tunnel=yes, road id ${tunnel.id}) | — | districts should not cross it (barrier B2); tunnel-entrance hydrants are present |`);
  md += line(`| 10 | river crossed by ${bridges.length} road bridges only: ${bridges.join('; ')} | — | districts should not cross it (barrier B3) |`);
  md += line(`| 11 | village 柳树镇 with a township brigade (乡镇一级), 3 km west of town along 柳树路; no hydrants there | its seat (500 m square) is a second built-up patch of study_area.geojson; the road to town and the farmland are outside | the brigade has its own district in its seat; every lane of the seat is a hydrant spacing gap |`);
  md += line('');
  md += line('## Every hydrant spacing over 112 m along a road (the generator lists them all: only the planted ones)');
  md += line('');
  for (const g of longGaps) md += line(`- ${g.road}: ${g.gapM} m between ${g.from.join(', ')} and ${g.to.join(', ')}`);
  md += line('');
  md += line('Bridge decks and the underpass carry no hydrants; spacing is measured along each road on either side of them.');
  md += line('');
  md += line('## Numbers');
  md += line('');
  for (const [k, v] of Object.entries(stats)) md += line(`- ${k}: ${v}`);
  return md;
}

/** Writes the sample city into `dir`. */
export function writeSampleCity(dir: string, seed = DEFAULT_SEED): SampleCity {
  const city = generateSampleCity(seed);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of city.files) writeFileSync(join(dir, name), text);
  return city;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : dirname(fileURLToPath(import.meta.url));
  const seed = process.argv[3] ? Number(process.argv[3]) : DEFAULT_SEED;
  const { stats } = writeSampleCity(dir, seed);
  console.log(`sample city written to ${dir}`);
  console.log(JSON.stringify(stats, null, 2));
}
