// Plain-TS matrix product with both operands strided, so one routine serves X·W, dY·Wᵀ and Xᵀ·dY:
// C[m×n] (+)= Σ_k A(i,k)·B(k,j), A(i,k) = a[i·sai + k·sak], B(k,j) = b[k·sbk + j·sbj].
// 4×4 register blocks: each loaded value feeds four multiply-adds (about 4× the naive loop in V8).

export function gemmTs(
  a: Float32Array, sai: number, sak: number, b: Float32Array, sbk: number, sbj: number,
  c: Float32Array, m: number, n: number, k: number, acc: boolean,
) {
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = i * sai, a1 = a0 + sai, a2 = a1 + sai, a3 = a2 + sai;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let kk = 0, ak = 0, bo = j * sbj; kk < k; kk++, ak += sak, bo += sbk) {
        const b0 = b[bo]!, b1 = b[bo + sbj]!, b2 = b[bo + 2 * sbj]!, b3 = b[bo + 3 * sbj]!;
        const x0 = a[a0 + ak]!, x1 = a[a1 + ak]!, x2 = a[a2 + ak]!, x3 = a[a3 + ak]!;
        s00 += x0 * b0; s01 += x0 * b1; s02 += x0 * b2; s03 += x0 * b3;
        s10 += x1 * b0; s11 += x1 * b1; s12 += x1 * b2; s13 += x1 * b3;
        s20 += x2 * b0; s21 += x2 * b1; s22 += x2 * b2; s23 += x2 * b3;
        s30 += x3 * b0; s31 += x3 * b1; s32 += x3 * b2; s33 += x3 * b3;
      }
      put4(c, i * n + j, s00, s01, s02, s03, acc);
      put4(c, (i + 1) * n + j, s10, s11, s12, s13, acc);
      put4(c, (i + 2) * n + j, s20, s21, s22, s23, acc);
      put4(c, (i + 3) * n + j, s30, s31, s32, s33, acc);
    }
    for (; j < n; j++) for (let r = 0; r < 4; r++) cell(a, sai, sak, b, sbk, sbj, c, i + r, j, n, k, acc);
  }
  for (; i < m; i++) for (let j = 0; j < n; j++) cell(a, sai, sak, b, sbk, sbj, c, i, j, n, k, acc);
}

function put4(c: Float32Array, o: number, v0: number, v1: number, v2: number, v3: number, acc: boolean) {
  if (acc) {
    c[o]! += v0; c[o + 1]! += v1; c[o + 2]! += v2; c[o + 3]! += v3;
  } else {
    c[o] = v0; c[o + 1] = v1; c[o + 2] = v2; c[o + 3] = v3;
  }
}

function cell(
  a: Float32Array, sai: number, sak: number, b: Float32Array, sbk: number, sbj: number, c: Float32Array, i: number, j: number, n: number, k: number, acc: boolean,
) {
  let s = 0;
  for (let kk = 0; kk < k; kk++) s += a[i * sai + kk * sak]! * b[kk * sbk + j * sbj]!;
  c[i * n + j] = acc ? c[i * n + j]! + s : s;
}
