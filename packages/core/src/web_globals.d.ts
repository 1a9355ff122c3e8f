// The few web-platform globals the library uses, which Node ≥ 20 and every browser worker provide alike.
// The library is type-checked with no Node and no DOM types (packages/core/tsconfig.json), so these are
// declared here, by hand and minimally: anything else from Node or the DOM fails to compile in core.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  constructor();
  encode(input?: string): Uint8Array;
}
declare const performance: { now(): number };
