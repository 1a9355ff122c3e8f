// The part of papaparse's API that io/edge_table.ts uses. A local declaration instead of @types/papaparse,
// which depends on @types/node and would let Node globals (`process`, `Buffer`) type-check in the library.
declare module 'papaparse' {
  export interface ParseError {
    message: string;
    row?: number;
  }
  export interface ParseMeta {
    /** Characters of the input consumed so far. */
    cursor: number;
  }
  export interface ParseStepResult<T> {
    data: T;
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface ParseConfig<T> {
    skipEmptyLines?: boolean | 'greedy';
    step?: (results: ParseStepResult<T>) => void;
  }
  export function parse<T>(input: string, config: ParseConfig<T>): void;
  const Papa: { parse: typeof parse };
  export default Papa;
}
