// Plain JS top-k by dot product: an oracle independent of usearch for the tests.
export const bruteForceTopK = (vectors: Float32Array, dims: number, query: Float32Array, k: number): { row: number; dot: number }[] => {
  const scored: { row: number; dot: number }[] = [];
  for (let row = 0; row < vectors.length / dims; row++) {
    let dot = 0;
    for (let d = 0; d < dims; d++) dot += (vectors[row * dims + d] ?? 0) * (query[d] ?? 0);
    scored.push({ row, dot });
  }
  return scored.sort((a, b) => b.dot - a.dot || a.row - b.row).slice(0, k);
};
