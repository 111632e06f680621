// The only file that imports usearch: HNSW build/view/search and exact search behind plain types.
import { exactSearch, Index, MetricKind, ScalarKind } from 'usearch';

export type Metric = 'cos' | 'ip';
export type HnswParams = { metric: Metric; connectivity: number; expansionAdd: number; expansionSearch: number };
/** One query's neighbours, nearest first; keys are row numbers within the searched set. */
export type Neighbours = { rows: number[]; distances: number[] };

// usearch's exactSearch reads from the start of the ArrayBuffer, ignoring byteOffset: copy views.
export const contiguous = (v: Float32Array): Float32Array =>
  v.byteOffset === 0 && v.byteLength === v.buffer.byteLength ? v : v.slice();

const METRICS: Record<Metric, MetricKind> = { cos: MetricKind.Cos, ip: MetricKind.IP };

export const newHnswIndex = (dims: number, p: HnswParams): Index =>
  new Index({
    dimensions: dims,
    metric: METRICS[p.metric],
    quantization: ScalarKind.F32,
    connectivity: p.connectivity,
    expansion_add: p.expansionAdd,
    expansion_search: p.expansionSearch,
    multi: false,
  });

/** Rows get keys 0..n-1 so a key is the row's position in the shard's id map. threads 0 = all
 *  cores; 1 gives the same graph (and file bytes) on every run. */
export const addRows = (index: Index, vectors: Float32Array, dims: number, threads = 0): void => {
  const n = vectors.length / dims;
  index.add(BigUint64Array.from({ length: n }, (_, i) => BigInt(i)), contiguous(vectors), threads);
};

/** Memory-maps a saved index; expansion_search comes from `p`, not the file, so it can be retuned. */
export const viewHnswIndex = (path: string, dims: number, p: HnswParams): Index => {
  const index = newHnswIndex(dims, p);
  index.view(path);
  return index;
};

type Found = { keys: BigUint64Array; distances: Float32Array; counts?: BigUint64Array; k?: number };

const split = (found: Found, queryCount: number, k: number): Neighbours[] =>
  Array.from({ length: queryCount }, (_, q) => {
    const start = queryCount === 1 ? 0 : q * k;
    const count = queryCount === 1 ? found.keys.length : Number(found.counts?.[q] ?? 0);
    const rows: number[] = [];
    const distances: number[] = [];
    for (let j = start; j < start + count; j++) {
      rows.push(Number(found.keys[j]));
      distances.push(found.distances[j] ?? Number.NaN);
    }
    return { rows, distances };
  });

/** HNSW search for a flat batch of queries (n×dims). */
export const searchHnsw = (index: Index, queries: Float32Array, dims: number, k: number): Neighbours[] => {
  const n = queries.length / dims;
  if (n === 0 || index.size() === 0) return Array.from({ length: n }, () => ({ rows: [], distances: [] }));
  return split(index.search(contiguous(queries), Math.min(k, index.size()), 0) as Found, n, Math.min(k, index.size()));
};

// Exact search allocates queries × items distances, so queries go through in small batches.
const EXACT_BATCH_QUERIES = 32;

/** Brute-force top-k over `dataset` (n×dims) with the index's metric, the ground truth for recall. */
export const searchExact = (dataset: Float32Array, queries: Float32Array, dims: number, k: number, metric: Metric): Neighbours[] => {
  const data = contiguous(dataset);
  const kk = Math.min(k, data.length / dims);
  const out: Neighbours[] = [];
  for (let start = 0; start < queries.length / dims; start += EXACT_BATCH_QUERIES) {
    const batch = queries.slice(start * dims, Math.min(queries.length, (start + EXACT_BATCH_QUERIES) * dims));
    const n = batch.length / dims;
    out.push(...split(exactSearch(data, batch, dims, kk, METRICS[metric]) as Found, n, kk));
  }
  return out;
};
