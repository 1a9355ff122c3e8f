import type { Feature } from 'geojson';
import type { LayerDiff } from './apply_diff';

/**
 * What the worker sends the page after a change, each layer as UTF-8 JSON in a transferred buffer:
 * - a layer the page has not had (or one without feature ids) whole, as GeoJSON text;
 * - a layer it has, as a MapLibre `GeoJSONSourceDiff` keyed by feature id (`remove` the features gone or
 *   changed, `add` the new and changed ones), for `GeoJSONSource.updateData`, or not at all when no
 *   feature changed (a moved candidate leaves most districts, the water layers and the roads alone).
 *   Diffs travel as objects (structured clone): the page hands them to MapLibre without parsing them,
 *   which measured faster than JSON text for the few hundred kilobytes a move changes (docs/viewer.md).
 */
export interface Packed {
  /** Whole layers (GeoJSON text). */
  layers: Record<string, Uint8Array>;
  /** Diffs of layers the page holds. */
  diffs: Record<string, LayerDiff>;
}

interface Feat {
  id?: string | number;
}

export class LayerSender {
  /** Per layer: feature id → its JSON text, as the page holds it; null for a layer sent whole without ids. */
  private readonly held = new Map<string, Map<string | number, string> | string>();
  private readonly encoder = new TextEncoder();

  /** Forget what was sent (a new scenario: the page starts from empty sources). */
  reset(): void {
    this.held.clear();
  }

  /** Every layer whole, skipping those the page holds unchanged. */
  pack(layers: Record<string, unknown>, transfer: Transferable[]): Record<string, Uint8Array> {
    return this.send(layers, transfer, false).layers;
  }

  /** Layers the page holds with feature ids go as diffs; the others whole (unless unchanged). */
  packDiffs(layers: Record<string, unknown>, transfer: Transferable[]): Packed {
    return this.send(layers, transfer, true);
  }

  private send(layers: Record<string, unknown>, transfer: Transferable[], diffs: boolean): Packed {
    const out: Packed = { layers: {}, diffs: {} };
    const put = (into: Packed['layers'], name: string, text: string) => {
      const bytes = this.encoder.encode(text);
      into[name] = bytes;
      transfer.push(bytes.buffer);
    };
    for (const [name, layer] of Object.entries(layers)) {
      const fc = layer as { features?: Feat[] };
      const features = fc.features ?? [];
      const ids = features.every((f) => f.id !== undefined && f.id !== null) && new Set(features.map((f) => f.id)).size === features.length;
      const texts = features.map((f) => JSON.stringify(f));
      const held = this.held.get(name);
      if (diffs && ids && held instanceof Map) {
        const now = new Map<string | number, string>();
        features.forEach((f, i) => now.set(f.id!, texts[i]));
        const remove: (string | number)[] = [];
        const add: Feature[] = [];
        features.forEach((f, i) => {
          const was = held.get(f.id!);
          if (was === texts[i]) return;
          if (was !== undefined) remove.push(f.id!);
          add.push(f as Feature);
        });
        for (const id of held.keys()) if (!now.has(id)) remove.push(id);
        this.held.set(name, now);
        if (remove.length || add.length) out.diffs[name] = { remove, add };
        continue;
      }
      const whole = `{"type":"FeatureCollection","features":[${texts.join(',')}]}`;
      if (!ids) {
        if (held === whole) continue;
        this.held.set(name, whole);
      } else {
        const now = new Map<string | number, string>();
        features.forEach((f, i) => now.set(f.id!, texts[i]));
        if (held instanceof Map && held.size === now.size && [...now].every(([id, t]) => held.get(id) === t)) continue;
        this.held.set(name, now);
      }
      put(out.layers, name, whole);
    }
    return out;
  }
}
