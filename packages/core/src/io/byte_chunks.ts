/**
 * A file's bytes as they arrive: what the streaming readers take, so that core never touches the file
 * system. The CLI gives an async generator reading the file in chunks; a browser gives
 * `file.stream()` (a `ReadableStream`, with or without async iteration) or any iterable of chunks.
 */
export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array> | ReadableStreamLike;

/** The part of a web `ReadableStream<Uint8Array>` the readers use. */
export interface ReadableStreamLike {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; releaseLock(): void };
}

/** The chunks of a source, one after another (empty chunks are skipped). */
export async function* chunksOf(source: ByteChunks): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in source || Symbol.iterator in source) {
    for await (const c of source as AsyncIterable<Uint8Array>) if (c.length > 0) yield c;
    return;
  }
  const reader = (source as ReadableStreamLike).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value && value.length > 0) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** `bytes` cut into chunks of `size` bytes (tests, and callers that hold a whole buffer). */
export function* chunksOfBuffer(bytes: Uint8Array, size = 1 << 20): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, Math.min(bytes.length, at + size));
}
