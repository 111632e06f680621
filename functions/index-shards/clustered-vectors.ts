// Seeded test/benchmark data: unit vectors scattered around a few random centres, like item
// embeddings that group by topic. `spread` sets how tight a cluster is (larger = harder for HNSW).
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export type ClusteredSet = { ids: string[]; vectors: Float32Array; dims: number };

export const clusteredVectors = (opts: { n: number; dims: number; clusters: number; spread: number; seed: number }): ClusteredSet => {
  const { n, dims, clusters, spread, seed } = opts;
  const rng = xoroshiro128plus(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng))) * Math.cos(2 * Math.PI * uniformFloat64(rng));
  const centres = Float32Array.from({ length: clusters * dims }, gauss);
  const vectors = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) {
    const c = i % clusters;
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const x = (centres[c * dims + d] ?? 0) + spread * gauss();
      vectors[i * dims + d] = x;
      norm += x * x;
    }
    const inv = 1 / Math.sqrt(norm || 1);
    for (let d = 0; d < dims; d++) vectors[i * dims + d] = (vectors[i * dims + d] ?? 0) * inv;
  }
  return { ids: Array.from({ length: n }, (_, i) => `vid-${i.toString(36)}`), vectors, dims };
};
