/**
 * A uniform grid over line segments in a metric plane, for exact nearest-segment queries without a heap
 * (used by `SnapIndex`). Each segment is listed in every cell its bounding box overlaps (CSR arrays).
 * `emptyRings[cell]` is the Chebyshev distance, in cells, to the nearest cell holding any segment, so a
 * query skips the empty rings around it at once.
 */
/** Numbers stored per grid entry in `cellCoords`. */
export const ENTRY = 5;

export class SegmentGrid {
  readonly minX: number;
  readonly minY: number;
  readonly cellM: number;
  readonly cols: number;
  readonly rows: number;
  readonly cellStart: Uint32Array;
  readonly cellSegs: Uint32Array;
  /**
   * Per entry of `cellSegs`, `ENTRY` numbers: the segment's x1, y1, dx, dy and 1/(dx²+dy²) (0 for a
   * zero-length segment) — a copy in cell order, so a cell is one run of memory.
   */
  readonly cellCoords: Float64Array;
  readonly emptyRings: Uint16Array;

  /**
   * @param px, py  projected point coordinates, metres
   * @param segStart  per segment, the index of its first point (the second is the next one)
   */
  constructor(px: Float64Array, py: Float64Array, segStart: Uint32Array, minX: number, minY: number, maxX: number, maxY: number, cellM: number) {
    const segCount = segStart.length;
    const cols = Math.floor((maxX - minX) / cellM) + 1;
    const rows = Math.floor((maxY - minY) / cellM) + 1;
    const cells = cols * rows;
    const cellStart = new Uint32Array(cells + 1);
    const range = new Int32Array(4);
    const cellRange = (k: number): void => {
      const i = segStart[k];
      range[0] = Math.floor((Math.min(px[i], px[i + 1]) - minX) / cellM);
      range[1] = Math.floor((Math.max(px[i], px[i + 1]) - minX) / cellM);
      range[2] = Math.floor((Math.min(py[i], py[i + 1]) - minY) / cellM);
      range[3] = Math.floor((Math.max(py[i], py[i + 1]) - minY) / cellM);
    };
    for (let k = 0; k < segCount; k++) {
      cellRange(k);
      for (let r = range[2]; r <= range[3]; r++) for (let c = range[0]; c <= range[1]; c++) cellStart[r * cols + c + 1]++;
    }
    for (let c = 0; c < cells; c++) cellStart[c + 1] += cellStart[c];
    const fill = cellStart.slice(0, cells);
    const cellSegs = new Uint32Array(cellStart[cells]);
    for (let k = 0; k < segCount; k++) {
      cellRange(k);
      for (let r = range[2]; r <= range[3]; r++) for (let c = range[0]; c <= range[1]; c++) cellSegs[fill[r * cols + c]++] = k;
    }
    const cellCoords = new Float64Array(cellSegs.length * ENTRY);
    for (let j = 0; j < cellSegs.length; j++) {
      const i = segStart[cellSegs[j]];
      const o = ENTRY * j;
      const dx = px[i + 1] - px[i];
      const dy = py[i + 1] - py[i];
      cellCoords[o] = px[i];
      cellCoords[o + 1] = py[i];
      cellCoords[o + 2] = dx;
      cellCoords[o + 3] = dy;
      cellCoords[o + 4] = dx * dx + dy * dy > 0 ? 1 / (dx * dx + dy * dy) : 0;
    }

    // Chebyshev distance to the nearest non-empty cell: breadth-first from all non-empty cells at once
    const emptyRings = new Uint16Array(cells).fill(0xffff);
    const queue = new Int32Array(cells);
    let head = 0;
    let tail = 0;
    for (let c = 0; c < cells; c++) {
      if (cellStart[c + 1] > cellStart[c]) {
        emptyRings[c] = 0;
        queue[tail++] = c;
      }
    }
    while (head < tail) {
      const cell = queue[head++];
      const r = (cell / cols) | 0;
      const c = cell - r * cols;
      const d = emptyRings[cell] + 1;
      if (d >= 0xffff) continue;
      for (let dr = -1; dr <= 1; dr++) {
        const rr = r + dr;
        if (rr < 0 || rr >= rows) continue;
        for (let dc = -1; dc <= 1; dc++) {
          const cc = c + dc;
          if (cc < 0 || cc >= cols) continue;
          const n = rr * cols + cc;
          if (emptyRings[n] > d) {
            emptyRings[n] = d;
            queue[tail++] = n;
          }
        }
      }
    }

    this.minX = minX;
    this.minY = minY;
    this.cellM = cellM;
    this.cols = cols;
    this.rows = rows;
    this.cellStart = cellStart;
    this.cellSegs = cellSegs;
    this.cellCoords = cellCoords;
    this.emptyRings = emptyRings;
  }

  /** Whether (x, y) lies inside the grid. */
  contains(x: number, y: number): boolean {
    const c = Math.floor((x - this.minX) / this.cellM);
    const r = Math.floor((y - this.minY) / this.cellM);
    return c >= 0 && c < this.cols && r >= 0 && r < this.rows;
  }

  /** Empty rings around the cell holding (x, y), which must be inside the grid. */
  emptyRingsAt(x: number, y: number): number {
    const c = Math.floor((x - this.minX) / this.cellM);
    const r = Math.floor((y - this.minY) / this.cellM);
    return this.emptyRings[r * this.cols + c];
  }

  /**
   * The nearest segment to (x, y) (inside the grid) within `maxD2` (squared metres), as an entry index
   * (segment `cellSegs[j]`, its data at `cellCoords[ENTRY·j ..]`), or -1.
   * Rings of cells are examined outward from the first non-empty one until the best exact distance is
   * no more than the distance to the unexamined cells. Equal distances: the lower segment index.
   */
  nearest(x: number, y: number, maxD2: number): number {
    const cols = this.cols;
    const rows = this.rows;
    const cellM = this.cellM;
    const fx = (x - this.minX) / cellM;
    const fy = (y - this.minY) / cellM;
    const c = Math.floor(fx);
    const r = Math.floor(fy);
    const cellStart = this.cellStart;
    const cellSegs = this.cellSegs;
    const xy = this.cellCoords;
    // distance from the point to the edges of its own cell
    const inner = Math.min(fx - c, c + 1 - fx, fy - r, r + 1 - fy) * cellM;
    const lastRing = Math.max(cols, rows);
    const cell2 = cellM * cellM;
    let best = -1;
    let bestEntry = -1;
    let bestD2 = maxD2; // nothing beyond maxD2 is of interest
    for (let k = this.emptyRings[r * cols + c]; k <= lastRing; k++) {
      // nothing in rings < k; everything outside ring k is at least `inner + k·cellM` away
      const near = inner + (k > 0 ? k - 1 : 0) * cellM;
      if (k > 0 && near * near > maxD2) return bestEntry;
      const r0 = r - k;
      const r1 = r + k;
      const c0 = c - k;
      const c1 = c + k;
      for (let rr = Math.max(r0, 0); rr <= Math.min(r1, rows - 1); rr++) {
        const step = rr === r0 || rr === r1 ? 1 : c1 - c0;
        // distance from the point to this row of cells, in cells
        const ddy = rr > r ? rr - fy : rr < r ? fy - rr - 1 : 0;
        for (let cc = c0; cc <= c1; cc += step) {
          if (cc < 0 || cc >= cols) continue;
          // skip cells that cannot hold anything nearer than the best so far
          const ddx = cc > c ? cc - fx : cc < c ? fx - cc - 1 : 0;
          if ((ddx * ddx + ddy * ddy) * cell2 > bestD2) continue;
          const cell = rr * cols + cc;
          const end = cellStart[cell + 1];
          for (let j = cellStart[cell]; j < end; j++) {
            const o = ENTRY * j;
            const x1 = xy[o];
            const y1 = xy[o + 1];
            const dx = xy[o + 2];
            const dy = xy[o + 3];
            let t = ((x - x1) * dx + (y - y1) * dy) * xy[o + 4];
            if (t < 0) t = 0;
            else if (t > 1) t = 1;
            const ex = x1 + t * dx - x;
            const ey = y1 + t * dy - y;
            const d2 = ex * ex + ey * ey;
            if (d2 <= bestD2) {
              const seg = cellSegs[j];
              if (d2 < bestD2 || best < 0 || seg < best) {
                bestD2 = d2;
                best = seg;
                bestEntry = j;
              }
            }
          }
        }
      }
      const reach = inner + k * cellM;
      if (best >= 0 && bestD2 < reach * reach) break;
    }
    return bestEntry;
  }
}
