// Lookups the logging policy needs in O(log n): videos of a category / creator uploaded before t.
import type { Catalog } from './catalog.js';

/** Items grouped by key (CSR), each group sorted by upload time, with the upload times alongside. */
export type GroupedByUpload = { offsets: Int32Array; items: Int32Array; uploads: Float64Array };

export function groupByUpload(keyOf: ArrayLike<number>, nKeys: number, upload: Float64Array): GroupedByUpload {
  const n = keyOf.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keyOf[a]! - keyOf[b]! || upload[a]! - upload[b]! || a - b);
  const offsets = new Int32Array(nKeys + 1);
  for (let i = 0; i < n; i++) offsets[keyOf[i]! + 1]!++;
  for (let k = 0; k < nKeys; k++) offsets[k + 1]! += offsets[k]!;
  const items = Int32Array.from(order);
  const uploads = Float64Array.from(order, (i) => upload[i]!);
  return { offsets, items, uploads };
}

/** Index range [from, to) of group `key` holding items uploaded at or before `t`. */
export function uploadedBy(g: GroupedByUpload, key: number, t: number): { from: number; to: number } {
  const from = g.offsets[key]!;
  let lo = from;
  let hi = g.offsets[key + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (g.uploads[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return { from, to: lo };
}

/** First index in [from, to) uploaded at or after `since` (the start of the "recent" tail). */
export function recentFrom(g: GroupedByUpload, from: number, to: number, since: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (g.uploads[mid]! < since) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type CatalogIndex = {
  byCategory: GroupedByUpload;
  byCreator: GroupedByUpload;
  all: GroupedByUpload;
  /** Creators whose home category is c: where a user's favourite creators are drawn from. */
  creatorsByCategory: number[][];
};

export function indexCatalog(cat: Catalog): CatalogIndex {
  const v = cat.videos;
  const creatorsByCategory = cat.categories.map((): number[] => []);
  cat.creators.forEach((c, i) => creatorsByCategory[c.category]!.push(i));
  return {
    byCategory: groupByUpload(v.category, cat.categories.length, v.upload),
    byCreator: groupByUpload(v.creator, cat.creators.length, v.upload),
    all: groupByUpload(new Uint8Array(v.n), 1, v.upload),
    creatorsByCategory,
  };
}
