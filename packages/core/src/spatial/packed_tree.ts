import type Flatbush from 'flatbush';

/**
 * A finished flatbush index seen through its published serialised format (the `data` buffer that
 * `Flatbush.from(data)` reads back: an 8-byte header, then every node's box, then every node's item or
 * child index). Reading the format, not the class's private fields, keeps the exact nearest-segment walk
 * working across flatbush releases; a format version it does not know fails loudly here.
 */
export interface PackedTree {
  /** minX, minY, maxX, maxY per node: the leaves (items in tree order) first, the root last. */
  boxes: Float64Array;
  /** Per node: the item index (leaf level) or the position in `boxes` of its first child. */
  indices: Uint16Array | Uint32Array;
  /** End position in `boxes` of each tree level, leaves first. */
  levelBounds: number[];
  nodeSize: number;
  numItems: number;
}

const MAGIC = 0xfb;
const FORMAT_VERSION = 3;
const FLOAT64_TYPE = 8; // index of Float64Array in flatbush's array-type table

/** The packed tree of a finished flatbush index built with the default Float64Array boxes. */
export function packedTree(index: Flatbush): PackedTree {
  const data = index.data as ArrayBuffer;
  const [magic, versionAndType] = new Uint8Array(data, 0, 2);
  if (magic !== MAGIC || versionAndType >> 4 !== FORMAT_VERSION || (versionAndType & 0x0f) !== FLOAT64_TYPE) {
    throw new Error(`flatbush data format ${versionAndType >> 4}/${versionAndType & 0x0f} is not the v${FORMAT_VERSION} Float64 layout this walk reads`);
  }
  const nodeSize = new Uint16Array(data, 2, 1)[0];
  const numItems = new Uint32Array(data, 4, 1)[0];
  // The level sizes follow from numItems and nodeSize alone (as flatbush computes them).
  let n = numItems;
  let numNodes = n;
  const levelBounds = [n * 4];
  do {
    n = Math.ceil(n / nodeSize);
    numNodes += n;
    levelBounds.push(numNodes * 4);
  } while (n !== 1);
  const boxes = new Float64Array(data, 8, numNodes * 4);
  const indexOffset = 8 + numNodes * 4 * Float64Array.BYTES_PER_ELEMENT;
  const indices = numNodes < 16384 ? new Uint16Array(data, indexOffset, numNodes) : new Uint32Array(data, indexOffset, numNodes);
  return { boxes, indices, levelBounds, nodeSize, numItems };
}
