// Append-only typed columns: millions of (user, item, weight) triples without an object per row.
type TypedCtor<T> = { new (n: number): T };

export class Column<T extends Int32Array | Float32Array | Float64Array> {
  private data: T;
  length = 0;
  constructor(private readonly Ctor: TypedCtor<T>, capacity = 1 << 16) {
    this.data = new Ctor(capacity);
  }
  push(v: number) {
    if (this.length === this.data.length) {
      const bigger = new this.Ctor(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
