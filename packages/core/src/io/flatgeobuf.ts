import type { FeatureCollection } from 'geojson';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { InputError } from '../input_error';

/** FlatGeobuf's magic bytes: "fgb", the major version (3), "fgb", the patch version. */
const MAGIC = [0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62];

/** The coordinate system a FlatGeobuf header declares (organisation and code, or a WKT). */
export interface FlatGeobufCrs {
  org: string | null;
  code: number;
  wkt: string | null;
}

/**
 * A FlatGeobuf file (`.fgb`, GDAL's and QGIS's streaming binary format) as a FeatureCollection, read
 * with the maintained `flatgeobuf` library (pure JavaScript: Node and browser worker alike), with the
 * CRS its header declares. Anything that is not a FlatGeobuf file, or is cut short, is an InputError
 * naming the file and the feature reached.
 */
export async function readFlatGeobuf(bytes: Uint8Array, file: string): Promise<{ fc: FeatureCollection; crs: FlatGeobufCrs | undefined }> {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new InputError({ file }, 'not a FlatGeobuf file (its first bytes are not the "fgb" signature of version 3)', '不是 FlatGeobuf 文件（文件头不是第 3 版的 "fgb" 标识）');
  }
  let crs: FlatGeobufCrs | undefined;
  let declared = 0;
  const features: FeatureCollection['features'] = [];
  try {
    // The library reads through the view's ArrayBuffer: a view into a larger buffer would let a cut file read
    // the bytes after it as features. Give it a buffer that ends where the file ends.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    const it = deserialize(own, {
      headerMetaFn: (h) => {
        declared = Number(h.featuresCount);
        if (h.crs && (h.crs.code > 0 || h.crs.wkt)) crs = { org: h.crs.org, code: h.crs.code, wkt: h.crs.wkt };
      },
    });
    for await (const f of it) features.push({ type: 'Feature', geometry: f.geometry as FeatureCollection['features'][number]['geometry'], properties: { ...f.properties } });
  } catch (e) {
    throw new InputError({ file, feature: `feature ${features.length}` }, `the FlatGeobuf file cannot be read: ${(e as Error).message}`, `无法读取 FlatGeobuf 文件：${(e as Error).message}`);
  }
  // A file cut at a feature boundary reads without an error: the header's count says what is missing.
  if (declared > 0 && features.length < declared) {
    throw new InputError({ file, feature: `feature ${features.length}` }, `the FlatGeobuf file is cut short: its header declares ${declared} features, ${features.length} could be read`, `FlatGeobuf 文件不完整：文件头声明 ${declared} 个要素，仅读到 ${features.length} 个`);
  }
  return { fc: { type: 'FeatureCollection', features }, crs };
}
