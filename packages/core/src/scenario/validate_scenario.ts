import { InputError } from '../input_error';
import { resolveCrs } from '../io/crs';
import { PRESETS, STATION_CLASSES, STATION_CLASS_ALIASES, type StandardsPreset } from '../standards/preset';
import type { ScenarioFile } from './scenario_types';
import * as generated from './scenario_validators.gen';

/**
 * Validation of a scenario file against the published JSON Schema (packages/core/schema/scenario.schema.json),
 * plus the checks a schema cannot express. Every problem becomes an InputError naming the scenario file
 * and the JSON path of the bad field in plain words, e.g. `stations[2].class: must be one of …`.
 */

/** The published JSON Schema of ScenarioFile (draft-07). */
export const SCENARIO_SCHEMA: Readonly<Record<string, unknown>> = generated.schema as Record<string, unknown>;

/** Layer value that takes the layer from the OSM network file instead of a GeoJSON file. */
export const FROM_NETWORK = 'from-network';

const NETWORK_KINDS = ['osm', 'geojson', 'shapefile', 'edges'] as const;
const LAYER_FIELDS = ['hydrants', 'waterSources', 'barriers'] as const;
const MAX_LISTED = 5;

/** The part of an ajv error object these messages read (ajv's ErrorObject, with `verbose: true`). */
interface ErrorObject {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  /** The value that failed (verbose). */
  data?: unknown;
  message?: string;
  parentSchema?: unknown;
}

/** An ajv standalone validator: true when valid, else its `errors` list the problems. */
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * The schema's validators, precompiled by ajv's standalone code generation (scripts/gen_validators.ts,
 * `pnpm gen`): nothing is compiled at run time, so this runs under a strict Content Security Policy.
 */
function validators(): { scenario: ValidateFunction; station: ValidateFunction } {
  return generated as unknown as { scenario: ValidateFunction; station: ValidateFunction };
}

/** One problem: the JSON path in plain words ("stations[2].class") and what is wrong, in English and Chinese. */
export interface ScenarioProblem {
  path: string;
  en: string;
  zh: string;
}

/**
 * Checks a parsed scenario file and returns it typed. Throws an InputError naming `fileName` and listing
 * up to five problems, each with its JSON path.
 */
export function validateScenario(json: unknown, fileName: string): ScenarioFile {
  const problems = scenarioProblems(json);
  if (problems.length > 0) throw problemsError(fileName, problems);
  return json as ScenarioFile;
}

/** All problems found in a scenario file (empty when it is valid). */
export function scenarioProblems(json: unknown): ScenarioProblem[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return [{ path: '(top level)', en: 'a scenario must be a JSON object', zh: '情景文件必须是 JSON 对象' }];
  }
  const obj = json as Record<string, unknown>;
  const problems: ScenarioProblem[] = [];

  // The network union first: the schema's oneOf would otherwise report one error per branch.
  const net = obj.network;
  let networkBad = false;
  if (typeof net === 'object' && net !== null && !Array.isArray(net)) {
    const given = NETWORK_KINDS.filter((k) => k in net);
    if (given.length !== 1) {
      networkBad = true;
      problems.push({
        path: 'network',
        en: `give exactly one of osm, geojson, shapefile, edges${given.length > 1 ? ` (found ${given.join(', ')})` : ''}`,
        zh: `osm、geojson、shapefile、edges 须且只能给出一个${given.length > 1 ? `（现有 ${given.join('、')}）` : ''}`,
      });
    } else if ('nodes' in net && given[0] !== 'edges') {
      networkBad = true;
      problems.push({ path: 'network.nodes', en: 'a node table goes with an edge table (edges) only', zh: '节点表只能与边表（edges）一起使用' });
    }
  }

  const v = validators().scenario;
  if (!v(json)) problems.push(...schemaProblems(v.errors ?? [], obj, networkBad ? ['network'] : []));

  problems.push(...semanticProblems(obj));
  return dedupe(problems);
}

/** Checks one station (inline in the scenario or a GeoJSON feature's properties plus its point). */
export function stationProblems(station: unknown, path: string): ScenarioProblem[] {
  const v = validators().station;
  const out: ScenarioProblem[] = [];
  if (!v(station)) {
    for (const p of schemaProblems(v.errors ?? [], {}, [])) out.push({ ...p, path: joinPath(path, p.path) });
  }
  if (typeof station === 'object' && station !== null) out.push(...lonLatProblems(station as Record<string, unknown>, path));
  return dedupe(out);
}

/** The InputError for a list of problems. */
export function problemsError(fileName: string, problems: ScenarioProblem[], feature?: string): InputError {
  const shown = problems.slice(0, MAX_LISTED);
  const more = problems.length - shown.length;
  const en = shown.map((p) => `${p.path}: ${p.en}`).join('; ') + (more > 0 ? ` (and ${more} more)` : '');
  const zh = shown.map((p) => `${p.path}：${p.zh}`).join('；') + (more > 0 ? `（另有 ${more} 处）` : '');
  return new InputError(feature === undefined ? { file: fileName } : { file: fileName, feature }, en, zh);
}

/** Every accepted station class, codes then Chinese names, for messages. */
export function stationClassChoices(): { en: string; zh: string } {
  const aliases = Object.keys(STATION_CLASS_ALIASES).join(' / ');
  return {
    en: `must be one of ${STATION_CLASSES.join(', ')} or ${aliases}`,
    zh: `须为 ${STATION_CLASSES.join('、')} 之一，或中文名称 ${aliases}`,
  };
}

// ---------------------------------------------------------------------------------------------

/** "/stations/2/class" → "stations[2].class". */
export function plainPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

function joinPath(a: string, b: string): string {
  if (b === '') return a;
  if (a === '') return b;
  return b.startsWith('[') ? a + b : `${a}.${b}`;
}

function schemaProblems(errors: ErrorObject[], root: Record<string, unknown>, skipPrefixes: string[]): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  // The stations union (list | file name): report the branch that matches the value's type.
  const stationsIsArray = Array.isArray(root.stations);
  for (const e of errors) {
    const path = plainPath(e.instancePath);
    if (skipPrefixes.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))) continue;
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') {
      if (path === 'stations') {
        out.push({
          path,
          en: 'give a list of stations, a layer file (a path or {"path": …, "crs": …}), or "from-network"',
          zh: '须为消防站列表、图层文件（路径或 {"path": …, "crs": …}）或 "from-network"',
        });
      }
      continue;
    }
    if (path === 'stations' && e.keyword === 'type') continue; // covered by the oneOf message
    // A layer reference (path | {path, crs, …}): report the branch the value's type chose, in one message.
    const branch = /\/layerRef\/oneOf\/(\d)\/(type|minLength)$/.exec(e.schemaPath);
    if (branch) {
      const isObject = typeof e.data === 'object' && e.data !== null && !Array.isArray(e.data);
      if ((branch[1] === '0') === isObject || typeof e.data === 'string') {
        if (!(branch[1] === '0' && typeof e.data === 'string' && branch[2] === 'minLength')) continue;
      } else {
        out.push({ path, en: 'must be a file path or {"path": …, "crs": …}', zh: '须为文件路径或 {"path": …, "crs": …}' });
        continue;
      }
    }
    if (path === 'stations' && e.keyword === 'minLength' && !stationsIsArray) continue;
    out.push(describe(e, path));
  }
  return out;
}

function describe(e: ErrorObject, path: string): ScenarioProblem {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const field = String(p.missingProperty);
      return { path: joinPath(path, field), en: 'is required', zh: '必须填写' };
    }
    case 'additionalProperties': {
      const field = String(p.additionalProperty);
      const known = knownFields(e.parentSchema);
      return {
        path: joinPath(path, field),
        en: `is not a known field${known ? ` (known: ${known})` : ''}`,
        zh: `不是可识别的字段${known ? `（可用：${known}）` : ''}`,
      };
    }
    case 'propertyNames': {
      const name = String(p.propertyName);
      if (path.endsWith('roadSpeedKmh')) {
        return { path: joinPath(path, name), en: 'key must be "link:ID" or "way:ID"', zh: '键须为 "link:ID" 或 "way:ID"' };
      }
      return { path: joinPath(path, name), en: 'is not a road class (use motorway, primary, secondary, residential, service …)', zh: '不是道路等级（如 motorway、primary、secondary、residential、service）' };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      if (path.endsWith('.class')) return { path, ...stationClassChoices() };
      return { path, en: `must be one of ${allowed.join(', ')}`, zh: `须为 ${allowed.join('、')} 之一` };
    }
    case 'type': {
      const t = String(p.type);
      const en: Record<string, string> = {
        integer: 'must be a whole number (integer)',
        number: 'must be a number',
        string: 'must be a text string',
        boolean: 'must be true or false',
        object: 'must be an object { … }',
        array: 'must be a list [ … ]',
        'string,object': 'must be a file path or {"path": …, "crs": …}',
      };
      const zh: Record<string, string> = {
        integer: '须为整数',
        number: '须为数字',
        string: '须为字符串',
        boolean: '须为 true 或 false',
        object: '须为对象 { … }',
        array: '须为数组 [ … ]',
        'string,object': '须为文件路径或 {"path": …, "crs": …}',
      };
      return { path, en: en[t] ?? `must be ${t}`, zh: zh[t] ?? `类型须为 ${t}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const sym = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword];
      return { path, en: `must be ${sym} ${String(p.limit)}`, zh: `须 ${sym} ${String(p.limit)}` };
    }
    case 'minLength':
      return { path, en: 'must not be empty', zh: '不能为空' };
    case 'minItems':
      return { path, en: `needs at least ${String(p.limit)} item(s)`, zh: `至少需要 ${String(p.limit)} 项` };
    default:
      return { path, en: e.message ?? e.keyword, zh: e.message ?? e.keyword };
  }
}

function knownFields(parentSchema: unknown): string {
  const props = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props).join(', ') : '';
}

function semanticProblems(obj: Record<string, unknown>): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];

  if (Array.isArray(obj.stations)) {
    const seen = new Map<string, number>();
    obj.stations.forEach((s, i) => {
      if (typeof s !== 'object' || s === null) return;
      const st = s as Record<string, unknown>;
      out.push(...lonLatProblems(st, `stations[${i}]`));
      if (typeof st.id === 'string') {
        const first = seen.get(st.id);
        if (first !== undefined) {
          out.push({ path: `stations[${i}].id`, en: `duplicate station id "${st.id}" (also stations[${first}])`, zh: `消防站编号 "${st.id}" 重复（与 stations[${first}] 相同）` });
        } else seen.set(st.id, i);
      }
    });
  }

  if (obj.standards !== undefined && typeof obj.standards === 'string' && !(obj.standards in PRESETS)) {
    const known = Object.keys(PRESETS).join(', ');
    out.push({ path: 'standards', en: `unknown standards preset "${obj.standards}" (known: ${known})`, zh: `未知的标准预设 "${obj.standards}"（可用：${known}）` });
  }

  if (typeof obj.overrides === 'object' && obj.overrides !== null && !Array.isArray(obj.overrides)) {
    const preset = PRESETS[typeof obj.standards === 'string' && obj.standards in PRESETS ? obj.standards : 'cn'];
    out.push(...overrideProblems(obj.overrides as Record<string, unknown>, preset));
  }

  const isOsm = typeof obj.network === 'object' && obj.network !== null && 'osm' in obj.network;
  for (const field of ['stations', ...LAYER_FIELDS] as const) {
    if (obj[field] === FROM_NETWORK && !isOsm) {
      out.push({ path: field, en: '"from-network" needs an OSM network (network.osm)', zh: '"from-network" 仅适用于 OSM 路网（network.osm）' });
    }
  }
  for (const field of ['demand', 'studyArea'] as const) {
    if (obj[field] === FROM_NETWORK) out.push({ path: field, en: 'must be a GeoJSON file name ("from-network" is not available for this layer)', zh: '须为 GeoJSON 文件名（此图层不支持 "from-network"）' });
  }
  if (obj.hydrantStatus !== undefined && (obj.hydrants === undefined || obj.hydrants === FROM_NETWORK)) {
    out.push({ path: 'hydrantStatus', en: 'needs a hydrants layer file (hydrants) to update', zh: '须有消火栓图层文件（hydrants）可供更新' });
  }
  if (obj.waterAtlas !== undefined) {
    if (obj.waterAtlas === FROM_NETWORK) out.push({ path: 'waterAtlas', en: 'must be a layer file ("from-network" is not available for the atlas; use hydrants and waterSources)', zh: '须为图层文件（一张图不支持 "from-network"，请用 hydrants 与 waterSources）' });
    for (const k of ['hydrants', 'waterSources', 'hydrantStatus'] as const) {
      if (obj[k] !== undefined) out.push({ path: k, en: 'given with a water-source atlas (waterAtlas), which holds the hydrants and water sources: give one or the other', zh: '已给出消防水源一张图（waterAtlas），其中已含消火栓与水源：二者只能择一' });
    }
  }
  if (obj.waterStatus !== undefined && obj.waterAtlas === undefined) {
    out.push({ path: 'waterStatus', en: 'needs a water-source atlas (waterAtlas) to update; for a hydrants layer use hydrantStatus', zh: '须有消防水源一张图（waterAtlas）可供更新；单独的消火栓图层请用 hydrantStatus' });
  }
  if (obj.demandProperty !== undefined && obj.demand === undefined) {
    out.push({ path: 'demandProperty', en: 'given without a demand layer (demand)', zh: '未给出需求图层（demand）' });
  }

  out.push(...crsProblems(obj));

  const bands = (obj.analysis as { bandsS?: unknown } | undefined)?.bandsS;
  if (Array.isArray(bands) && bands.every((b) => typeof b === 'number')) {
    for (let i = 1; i < bands.length; i++) {
      if (!(bands[i] > bands[i - 1])) {
        out.push({ path: `analysis.bandsS[${i}]`, en: 'band limits must increase', zh: '时间分段须递增' });
        break;
      }
    }
  }
  return out;
}

/** Every `crs` of a layer reference must name a coordinate system firecover knows. */
function crsProblems(obj: Record<string, unknown>): ScenarioProblem[] {
  const refs: [string, unknown][] = [];
  const net = obj.network as Record<string, unknown> | undefined;
  if (net && typeof net === 'object') for (const k of ['geojson', 'shapefile']) refs.push([`network.${k}`, net[k]]);
  const closures = obj.closures as Record<string, unknown> | undefined;
  if (closures && typeof closures === 'object') refs.push(['closures.polygons', closures.polygons]);
  for (const k of ['stations', 'hydrants', 'hydrantStatus', 'waterSources', 'waterAtlas', 'waterStatus', 'barriers', 'demand', 'studyArea']) refs.push([k, obj[k]]);
  const out: ScenarioProblem[] = [];
  for (const [path, ref] of refs) {
    if (typeof ref !== 'object' || ref === null || Array.isArray(ref)) continue;
    const crs = (ref as { crs?: unknown }).crs;
    if (typeof crs !== 'string' || crs.trim() === '') continue;
    try {
      resolveCrs(crs, { file: path });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      out.push({ path: `${path}.crs`, en: e.detail.replace(/^crs: /, ''), zh: (e.detailZh ?? e.detail).replace(/^crs：/, '') });
    }
  }
  return out;
}

function lonLatProblems(st: Record<string, unknown>, path: string): ScenarioProblem[] {
  const { lon, lat } = st;
  if (typeof lon !== 'number' || typeof lat !== 'number') return [];
  const out: ScenarioProblem[] = [];
  const lonOk = Number.isFinite(lon) && lon >= -180 && lon <= 180;
  const latOk = Number.isFinite(lat) && lat >= -90 && lat <= 90;
  if (!latOk && Math.abs(lat) <= 180 && Math.abs(lon) <= 90) {
    out.push({
      path: `${path}.lat`,
      en: `latitude ${lat} is out of range: lon and lat look swapped (lon ${lon}, lat ${lat}); give lon = ${lat}, lat = ${lon}`,
      zh: `纬度 ${lat} 超出范围：经纬度似乎颠倒（lon ${lon}，lat ${lat}），应为 lon = ${lat}，lat = ${lon}`,
    });
    return out;
  }
  if (!lonOk) out.push({ path: `${path}.lon`, en: `longitude ${lon} must be between -180 and 180 degrees (WGS84)`, zh: `经度 ${lon} 须在 -180 至 180 度之间（WGS84）` });
  if (!latOk) out.push({ path: `${path}.lat`, en: `latitude ${lat} must be between -90 and 90 degrees (WGS84)`, zh: `纬度 ${lat} 须在 -90 至 90 度之间（WGS84）` });
  return out;
}

function overrideProblems(overrides: Record<string, unknown>, preset: StandardsPreset): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  const rules = Object.entries(preset).filter(([, r]) => typeof r === 'object' && r !== null && 'clause' in r);
  const known = rules.map(([k]) => k);
  for (const [key, value] of Object.entries(overrides)) {
    const path = `overrides.${key}`;
    const rule = rules.find(([k]) => k === key)?.[1] as { value: unknown } | undefined;
    if (!rule) {
      out.push({ path, en: `unknown standards rule (known: ${known.join(', ')})`, zh: `未知的标准规则（可用：${known.join('、')}）` });
      continue;
    }
    const expected = rule.value;
    if (typeof expected === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) out.push({ path, en: 'must be a number ≥ 0', zh: '须为非负数' });
    } else if (Array.isArray(expected)) {
      const allowed = ['expressway', 'railway', 'river'];
      if (!Array.isArray(value) || !value.every((v) => allowed.includes(v as string))) {
        out.push({ path, en: `must be a list of ${allowed.join(', ')}`, zh: `须为 ${allowed.join('、')} 组成的数组` });
      }
    } else if (typeof expected === 'object' && expected !== null) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        out.push({ path, en: 'must be an object { stationClass: km² or null }', zh: '须为对象 { 站类: 面积或 null }' });
        continue;
      }
      for (const [c, v] of Object.entries(value)) {
        if (!(STATION_CLASSES as readonly string[]).includes(c)) {
          out.push({ path: `${path}.${c}`, en: `is not a station class (${STATION_CLASSES.join(', ')})`, zh: `不是消防站类别（${STATION_CLASSES.join('、')}）` });
        } else if (!(v === null || (typeof v === 'number' && v > 0))) {
          out.push({ path: `${path}.${c}`, en: 'must be a positive number of km² or null (no district)', zh: '须为正数（km²）或 null（不设辖区）' });
        }
      }
    }
  }
  return out;
}

function dedupe(problems: ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path}\u0000${p.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
