/**
 * What the worker sends the page after a change: each layer as UTF-8 GeoJSON in a transferred buffer, and
 * only the layers whose text differs from what it sent last (a moved candidate leaves the water layers,
 * most districts' neighbours and the roads as they were). The page keeps what it was sent.
 */
export class LayerSender {
  private readonly last = new Map<string, string>();
  private readonly encoder = new TextEncoder();

  /** Forget what was sent (a new scenario: the page starts from empty sources). */
  reset(): void {
    this.last.clear();
  }

  /** The changed layers as bytes; their buffers are pushed onto `transfer`. */
  pack(layers: Record<string, unknown>, transfer: Transferable[]): Record<string, Uint8Array> {
    const out: Record<string, Uint8Array> = {};
    for (const [name, fc] of Object.entries(layers)) {
      const text = JSON.stringify(fc);
      if (this.last.get(name) === text) continue;
      this.last.set(name, text);
      const bytes = this.encoder.encode(text);
      out[name] = bytes;
      transfer.push(bytes.buffer);
    }
    return out;
  }
}
