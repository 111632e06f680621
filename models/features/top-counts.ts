// A bounded per-key counter: at most `capacity` keys; a new key evicts the smallest count. Exact
// while an entity has at most `capacity` distinct keys (most users watch a handful of categories).
export class TopCounts<V extends { count: number }> {
  readonly entries = new Map<string, V>();
  constructor(
    readonly capacity: number,
    private readonly init: () => V,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** The entry for `key`, created (evicting the smallest) if absent. */
  upsert(key: string): V {
    let v = this.entries.get(key);
    if (v) return v;
    if (this.entries.size >= this.capacity) {
      let minKey: string | undefined;
      let min = Infinity;
      for (const [k, e] of this.entries) if (e.count < min) (min = e.count), (minKey = k);
      if (minKey !== undefined) this.entries.delete(minKey);
    }
    v = this.init();
    this.entries.set(key, v);
    return v;
  }

  total(): number {
    let s = 0;
    for (const e of this.entries.values()) s += e.count;
    return s;
  }
}
