/**
 * A binary min-heap on typed arrays (no per-entry objects), ordered by `key` and then by `tie`
 * (both ascending). Entries are `(id, key, tie)`; there is no decrease-key: searches push again and
 * skip stale entries when they pop (lazy deletion). The arrays grow by doubling and are kept between
 * uses, so a heap reused across searches stops allocating after the first few.
 */
export class TypedHeap {
  keys: Float64Array;
  ties: Int32Array;
  ids: Int32Array;
  length = 0;
  /** Key and tie of the entry returned by the last `pop()`. */
  poppedKey = 0;
  poppedTie = 0;

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity | 0);
    this.keys = new Float64Array(c);
    this.ties = new Int32Array(c);
    this.ids = new Int32Array(c);
  }

  clear(): void {
    this.length = 0;
  }

  push(id: number, key: number, tie: number): void {
    if (this.length === this.ids.length) this.grow();
    const keys = this.keys;
    const ties = this.ties;
    const ids = this.ids;
    let i = this.length++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p];
      if (pk < key || (pk === key && ties[p] <= tie)) break;
      keys[i] = pk;
      ties[i] = ties[p];
      ids[i] = ids[p];
      i = p;
    }
    keys[i] = key;
    ties[i] = tie;
    ids[i] = id;
  }

  /** Removes the smallest entry and returns its id (key and tie in `poppedKey` / `poppedTie`). Heap must not be empty. */
  pop(): number {
    const keys = this.keys;
    const ties = this.ties;
    const ids = this.ids;
    const top = ids[0];
    this.poppedKey = keys[0];
    this.poppedTie = ties[0];
    const n = --this.length;
    if (n > 0) {
      const key = keys[n];
      const tie = ties[n];
      const id = ids[n];
      let i = 0;
      const half = n >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        let ck = keys[c];
        let ct = ties[c];
        const r = c + 1;
        if (r < n) {
          const rk = keys[r];
          const rt = ties[r];
          if (rk < ck || (rk === ck && rt < ct)) {
            c = r;
            ck = rk;
            ct = rt;
          }
        }
        if (key < ck || (key === ck && tie <= ct)) break;
        keys[i] = ck;
        ties[i] = ct;
        ids[i] = ids[c];
        i = c;
      }
      keys[i] = key;
      ties[i] = tie;
      ids[i] = id;
    }
    return top;
  }

  private grow(): void {
    const c = this.ids.length * 2;
    const k = new Float64Array(c);
    k.set(this.keys);
    const t = new Int32Array(c);
    t.set(this.ties);
    const d = new Int32Array(c);
    d.set(this.ids);
    this.keys = k;
    this.ties = t;
    this.ids = d;
  }
}
