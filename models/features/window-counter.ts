// Event counts over a sliding window in fixed time buckets: `slots` counters tagged with their
// absolute bucket index, so memory is constant per entity whatever its activity.
export class WindowCounter {
  private readonly counts: Uint32Array;
  private readonly bucket: Float64Array;
  constructor(
    readonly slots: number,
    readonly bucketMs: number,
  ) {
    this.counts = new Uint32Array(slots);
    this.bucket = new Float64Array(slots).fill(-1);
  }

  add(tsMs: number, n = 1): void {
    const b = Math.floor(tsMs / this.bucketMs);
    const i = b % this.slots;
    if (this.bucket[i] !== b) (this.bucket[i] = b), (this.counts[i] = 0);
    this.counts[i]! += n;
  }

  /** Count in the `slots` buckets ending with the one holding `nowMs` (e.g. 24 hour buckets ≈ last 24 h). */
  sum(nowMs: number): number {
    const now = Math.floor(nowMs / this.bucketMs);
    let s = 0;
    for (let i = 0; i < this.slots; i++) {
      const b = this.bucket[i]!;
      if (b > now - this.slots && b <= now) s += this.counts[i]!;
    }
    return s;
  }
}
