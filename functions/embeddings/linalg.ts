// Dense float kernels for ALS over row-major Float32Array factor tables. Hand-written because no
// installed package offers BLAS; every reduction keeps four running sums so float-add latency overlaps.

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
export function axpy(s: number, a: Float32Array, ao: number, out: Float32Array, n: number): void {
  for (let k = 0; k < n; k++) out[k]! += s * a[ao + k]!;
}

/**
 * Gram matrix FᵀF (f×f, row-major) of a table with `rows` rows of width f, plus `ridge` on the diagonal.
 * Four table rows per pass over the float64 accumulator, so it is loaded and stored a quarter as often.
 */
export function gram(table: Float32Array, rows: number, f: number, ridge = 0): Float32Array {
  const acc = new Float64Array(f * f);
  let r = 0;
  for (; r + 3 < rows; r += 4) {
    const o0 = r * f, o1 = o0 + f, o2 = o1 + f, o3 = o2 + f;
    for (let a = 0; a < f; a++) {
      const v0 = table[o0 + a]!, v1 = table[o1 + a]!, v2 = table[o2 + a]!, v3 = table[o3 + a]!;
      const ra = a * f;
      for (let b = a; b < f; b++)
        acc[ra + b]! += v0 * table[o0 + b]! + v1 * table[o1 + b]! + v2 * table[o2 + b]! + v3 * table[o3 + b]!;
    }
  }
  for (; r < rows; r++) {
    const o = r * f;
    for (let a = 0; a < f; a++) {
      const va = table[o + a]!, ra = a * f;
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

/**
 * out = M v for a square f×f row-major M. Four rows at a time: each v[k] is loaded once for four
 * independent sums, which both hides add latency and halves the loads of a row-by-row dot.
 */
export function matVec(m: Float32Array, v: Float32Array, out: Float32Array, f: number): void {
  let a = 0;
  for (; a + 3 < f; a += 4) {
    const r0 = a * f, r1 = r0 + f, r2 = r1 + f, r3 = r2 + f;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let k = 0; k < f; k++) {
      const vk = v[k]!;
      s0 += m[r0 + k]! * vk;
      s1 += m[r1 + k]! * vk;
      s2 += m[r2 + k]! * vk;
      s3 += m[r3 + k]! * vk;
    }
    out[a] = s0;
    out[a + 1] = s1;
    out[a + 2] = s2;
    out[a + 3] = s3;
  }
  for (; a < f; a++) out[a] = dot(m, a * f, v, 0, f);
}
