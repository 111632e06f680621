// Dense float kernels for ALS over row-major Float32Array factor tables. Hand-written because no
// installed package offers BLAS; dot products keep four running sums so float-add latency overlaps.

/** Dot product of a[ao..ao+n) and b[bo..bo+n). */
export function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    s0 += a[ao + k]! * b[bo + k]!;
    s1 += a[ao + k + 1]! * b[bo + k + 1]!;
    s2 += a[ao + k + 2]! * b[bo + k + 2]!;
    s3 += a[ao + k + 3]! * b[bo + k + 3]!;
  }
  for (; k < n; k++) s0 += a[ao + k]! * b[bo + k]!;
  return s0 + s1 + s2 + s3;
}

/** out[0..n) += s · a[ao..ao+n). */
export function axpy(s: number, a: Float32Array, ao: number, out: Float64Array | Float32Array, n: number): void {
  for (let k = 0; k < n; k++) out[k]! += s * a[ao + k]!;
}

/** Gram matrix FᵀF (f×f, row-major) of a table with `rows` rows of width f, plus `ridge` on the diagonal. */
export function gram(table: Float32Array, rows: number, f: number, ridge = 0): Float32Array {
  const acc = new Float64Array(f * f);
  for (let r = 0; r < rows; r++) {
    const o = r * f;
    for (let a = 0; a < f; a++) {
      const va = table[o + a]!;
      if (va === 0) continue;
      const ra = a * f;
      for (let b = a; b < f; b++) acc[ra + b]! += va * table[o + b]!;
    }
  }
  const out = new Float32Array(f * f);
  for (let a = 0; a < f; a++) {
    for (let b = a; b < f; b++) out[a * f + b] = out[b * f + a] = acc[a * f + b]!;
    out[a * f + a]! += ridge;
  }
  return out;
}

/** out = M v for a square f×f row-major M. */
export function matVec(m: Float32Array, v: Float32Array, out: Float32Array, f: number): void {
  for (let a = 0; a < f; a++) out[a] = dot(m, a * f, v, 0, f);
}
