import type { Geometry } from 'geojson';
// @ts-expect-error -- shpjs ships no type declarations; the two byte-level parsers used are typed below.
import { parseDbf as shpjsParseDbf, parseShp as shpjsParseShp } from 'shpjs';

/** shpjs's .shp parser: one GeoJSON geometry (or null for a null shape) per record, in the file's coordinates. */
export const parseShp: (shp: DataView, prj?: string | false) => (Geometry | null)[] = shpjsParseShp;
/** shpjs's (parsedbf's) .dbf parser: one record per row, text decoded with the WHATWG label `encoding`. */
export const parseDbf: (dbf: DataView, encoding?: string) => Record<string, unknown>[] = shpjsParseDbf;
