import { InvalidArgumentError } from 'commander';
import type { CliContext } from './command_module';

/**
 * Commander argument parsers for numeric options. A bad value is a usage error (exit 2) whose message
 * says what was expected, in the user's language.
 */
export function nonNegativeNumber(ctx: CliContext, unitEn: string, unitZh: string): (value: string) => number {
  return (value: string) => {
    const x = value.trim() === '' ? NaN : Number(value);
    if (!Number.isFinite(x) || x < 0) {
      throw new InvalidArgumentError(ctx.lang === 'zh' ? `应为不小于 0 的数（${unitZh}）` : `expected a number ≥ 0 (${unitEn})`);
    }
    return x;
  };
}

/** A point the user typed, as "LON,LAT". */
export interface LonLat {
  lon: number;
  lat: number;
  /** The text as given, for messages. */
  text: string;
}

/**
 * Parses "LON,LAT[;LON,LAT…]". Errors are InputErrors placed at `option` and "station N" (1-based; `item`
 * names what the pairs are, e.g. "point"), including a latitude out of range, with a hint when the pair
 * looks swapped.
 */
export function parseLonLatList(
  text: string,
  option: string,
  makeError: (where: { file: string; feature?: string }, en: string, zh: string) => Error,
  item = 'station',
): LonLat[] {
  const parts = text.split(';').map((s) => s.trim());
  if (parts.every((p) => p === '')) throw makeError({ file: option }, 'no coordinates given (expected "LON,LAT[;LON,LAT…]")', '未给出坐标（应为 "经度,纬度[;经度,纬度…]"）');
  return parts.map((p, i) => {
    const where = { file: option, feature: `${item} ${i + 1}` };
    const m = /^\s*([-+]?[0-9.eE+-]+)\s*,\s*([-+]?[0-9.eE+-]+)\s*$/.exec(p);
    const lon = m ? Number(m[1]) : NaN;
    const lat = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw makeError(where, `expected LON,LAT in decimal degrees, got "${p}"`, `应为十进制度数的 "经度,纬度"，实际为 "${p}"`);
    }
    if (lat < -90 || lat > 90) {
      if (lon >= -90 && lon <= 90 && lat >= -180 && lat <= 180) {
        throw makeError(
          where,
          `latitude ${lat} is out of range (-90..90): the coordinates look swapped; give longitude first: ${lat},${lon}`,
          `纬度 ${lat} 超出范围（-90..90）：经纬度似乎写反了；请先写经度：${lat},${lon}`,
        );
      }
      throw makeError(where, `latitude ${lat} is out of range (-90..90)`, `纬度 ${lat} 超出范围（-90..90）`);
    }
    if (lon < -180 || lon > 180) throw makeError(where, `longitude ${lon} is out of range (-180..180)`, `经度 ${lon} 超出范围（-180..180）`);
    return { lon, lat, text: p };
  });
}

/** Parses "ID[,ID…]" of numeric node ids. */
export function parseIdList(text: string, option: string, makeError: (where: { file: string; feature?: string }, en: string, zh: string) => Error): number[] {
  const parts = text.split(',').map((s) => s.trim());
  return parts.map((p, i) => {
    const id = p === '' ? NaN : Number(p);
    if (!Number.isFinite(id)) throw makeError({ file: option, feature: `station ${i + 1}` }, `expected a numeric node id, got "${p}"`, `应为数字节点编号，实际为 "${p}"`);
    return id;
  });
}

/** Commander argument parser for a whole number ≥ 1 (e.g. `-k`). */
export function positiveInteger(ctx: CliContext): (value: string) => number {
  return (value: string) => {
    const x = value.trim() === '' ? NaN : Number(value);
    if (!Number.isInteger(x) || x < 1) throw new InvalidArgumentError(ctx.lang === 'zh' ? '应为不小于 1 的整数' : 'expected a whole number ≥ 1');
    return x;
  };
}
