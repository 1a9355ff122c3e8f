import type { CandidateInput } from '../model';
import type { RequestError, ResultMessage } from '../worker/protocol';
import { candidateClass, nextCandidateSeq } from './candidates';
import { LatestOnly } from './latest_only';
import { CANDIDATE_SOURCES } from './visible_sources';

/** What the candidate editor needs from the page. */
export interface LiveHost {
  /** The worker's `setCandidates`. */
  setCandidates(candidates: CandidateInput[], visible: string[]): Promise<ResultMessage>;
  /** Applies a result (panel, figures, map); resolves when its layers are handed to the map. */
  apply(r: ResultMessage, asked: string[]): Promise<void>;
  /** Sources drawn now. */
  visible(): string[];
  /** Draws the candidate markers at once (a dragged marker follows the pointer before the analysis). */
  preview(candidates: readonly CandidateInput[]): void;
  onError(e: RequestError): void;
}

/** Thrown for a class that is neither a code nor a Chinese class name. */
export class CandidateError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

/**
 * The page's candidate stations: every change (add, move, edit, delete, undo) is a new list sent to the
 * worker, at most one analysis in flight and the latest list next (moves while dragging coalesce). An undo
 * stack keeps the lists before each change (a whole drag is one change).
 */
export class LiveCandidates {
  /** The newest list (ahead of the figures while an analysis runs). */
  private latest: CandidateInput[] = [];
  /** The list of the figures shown (the worker's last answer). */
  private confirmed: CandidateInput[] = [];
  private readonly undoStack: CandidateInput[][] = [];
  private seq = 0;
  /** The last change's time from the change to its layers handed to the map, ms. */
  lastUpdateMs: number | null = null;
  /** Worker analysis time of the last change, ms. */
  lastComputeMs: number | null = null;
  /**
   * The last changes' times (benchmarks read them), ms from the change: `totalMs` to the layers loaded by
   * MapLibre's worker, `handedMs` to the layers handed to the map (setData / updateData called),
   * `receivedMs` to the result back on the page; the worker's analysis, layer building and diffing; bytes sent whole.
   */
  readonly samples: { totalMs: number; handedMs: number; receivedMs: number; computeMs: number; buildMs: number; encodeMs: number; bytes: number; diffFeatures: number }[] = [];
  private readonly queue: LatestOnly<CandidateInput[]>;

  constructor(private readonly host: LiveHost) {
    this.queue = new LatestOnly(async (list, pushedAt) => {
      const asked = host.visible().filter((n) => (CANDIDATE_SOURCES as readonly string[]).includes(n));
      const r = await host.setCandidates(list, asked);
      const receivedMs = performance.now() - pushedAt;
      this.confirmed = r.candidates;
      // `apply` hands the layers to the map (setData / updateData) before it returns; its promise resolves
      // when MapLibre's own worker has loaded them
      const applied = host.apply(r, asked);
      const handedMs = performance.now() - pushedAt;
      await applied;
      this.lastComputeMs = r.computeMs;
      this.lastUpdateMs = performance.now() - pushedAt;
      this.samples.push({ totalMs: this.lastUpdateMs, handedMs, receivedMs, computeMs: r.computeMs, buildMs: r.buildMs ?? 0, encodeMs: r.layersMs, bytes: Object.values(r.layers).reduce((n, b) => n + b.byteLength, 0), diffFeatures: Object.values(r.diffs ?? {}).reduce((n, d) => n + d.add.length, 0) });
      if (this.samples.length > 500) this.samples.shift();
    });
  }

  get list(): readonly CandidateInput[] {
    return this.latest;
  }

  /** Resolves once no change is waiting or in flight (a drag's last position drawn). */
  whenIdle(): Promise<void> {
    return this.queue.idle();
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** A scenario was loaded (with its saved candidates): no undo across scenarios. */
  reset(list: readonly CandidateInput[]): void {
    this.latest = list.map((c) => ({ ...c }));
    this.confirmed = this.latest;
    this.undoStack.length = 0;
    this.seq = nextCandidateSeq(list);
  }

  /** Adds a candidate; `cls` a class code or Chinese class name. Resolves with its id once drawn. */
  async add(lon: number, lat: number, cls: string, extra: Pick<CandidateInput, 'name' | 'turnoutS'> = {}): Promise<string> {
    const stationClass = candidateClass(cls);
    if (!stationClass) throw new CandidateError(`unknown station class "${cls}"`, `未知的消防站类别“${cls}”`);
    const c: CandidateInput = { id: `C${++this.seq}`, lon: +lon.toFixed(6), lat: +lat.toFixed(6), stationClass: cls.trim(), ...extra };
    await this.change([...this.latest, c]);
    return c.id;
  }

  /**
   * Moves a candidate (no undo step: `beginDrag` made one). Resolves when its layers are on the map.
   * `preview`: draw the marker there at once (a mouse drag), before the analysis.
   */
  move(id: string, lon: number, lat: number, preview = false): Promise<void> {
    const next = this.latest.map((c) => (c.id === id ? { ...c, lon: +lon.toFixed(6), lat: +lat.toFixed(6) } : c));
    this.latest = next;
    if (preview) this.host.preview(next);
    return this.send(next);
  }

  /** One undo step for a whole drag. */
  beginDrag(): void {
    this.undoStack.push(this.latest);
  }

  /** Class, name or turnout of a candidate. */
  edit(id: string, patch: Partial<Pick<CandidateInput, 'stationClass' | 'name' | 'turnoutS'>>): Promise<void> {
    if (patch.stationClass !== undefined && !candidateClass(patch.stationClass)) return Promise.reject(new CandidateError(`unknown station class "${patch.stationClass}"`, `未知的消防站类别“${patch.stationClass}”`));
    return this.change(this.latest.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  }

  remove(id: string): Promise<void> {
    return this.change(this.latest.filter((c) => c.id !== id));
  }

  removeAll(): Promise<void> {
    return this.change([]);
  }

  /** Back to the list before the last change. */
  undo(): Promise<void> {
    const prev = this.undoStack.pop();
    if (!prev) return Promise.resolve();
    this.latest = prev;
    this.host.preview(prev);
    return this.send(prev);
  }

  private change(next: CandidateInput[]): Promise<void> {
    this.undoStack.push(this.latest);
    this.latest = next;
    this.host.preview(next);
    return this.send(next);
  }

  private send(list: CandidateInput[]): Promise<void> {
    return this.queue.push(list).catch((e: unknown) => {
      // refused (e.g. too far from a road) and nothing newer waiting: back to the list the figures show
      if (!this.queue.busy) {
        this.latest = this.confirmed;
        this.host.preview(this.latest);
      }
      const err = e as RequestError;
      this.host.onError({ message: err.message ?? String(e), messageZh: err.messageZh, where: err.where });
      throw e;
    });
  }

  /** After a failed change: the list the figures show is the truth again. */
  confirm(list: readonly CandidateInput[]): void {
    if (!this.queue.busy) this.latest = list.map((c) => ({ ...c }));
  }

  /** The list of the figures shown. */
  get shown(): readonly CandidateInput[] {
    return this.confirmed;
  }
}
