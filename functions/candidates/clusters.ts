// Cluster id per video for the edge's MMR diversity: k-means (ml-kmeans) over the item vectors. At
// catalogue scale the centroids are fitted on a sample and every video is assigned to its nearest.
import { kmeans } from 'ml-kmeans';

export type ClusterOptions = { clusters: number; sample: number; maxIterations: number; seed: number };
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { clusters: 64, sample: 20_000, maxIterations: 30, seed: 1 };

/** One cluster id per row of an n×dims matrix. */
export function clusterVectors(vectors: Float32Array, dims: number, o: Partial<ClusterOptions> = {}): Uint16Array {
  const opt = { ...DEFAULT_CLUSTER_OPTIONS, ...o };
  const n = vectors.length / dims;
  const out = new Uint16Array(n);
  if (n === 0) return out;
  const k = Math.min(opt.clusters, n);
  const step = Math.max(1, Math.floor(n / opt.sample));
  const sample: number[][] = [];
  for (let i = 0; i < n && sample.length < opt.sample; i += step) sample.push(Array.from(vectors.subarray(i * dims, (i + 1) * dims)));
  const { centroids } = kmeans(sample, k, { seed: opt.seed, maxIterations: opt.maxIterations, initialization: 'kmeans++' });
  const flat = Float32Array.from(centroids.flat());
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      let d = 0;
      for (let j = 0; j < dims; j++) {
        const x = vectors[i * dims + j]! - flat[c * dims + j]!;
        d += x * x;
      }
      if (d < bestD) (bestD = d), (best = c);
    }
    out[i] = best;
  }
  return out;
}
