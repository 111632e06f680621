// @ts-nocheck -- AssemblyScript source (f32, v128, load/store builtins), compiled by build.sh, not by tsc.
// Training kernels over one imported shared memory. Pointers are byte offsets, sizes are element counts.
// Matrices are row-major Float32. gemm: C[m×n] (+)= Σ_k A(i,k)·B[k×n], A(i,k) = a[i·sai + k·sak].

export function gemm(a: usize, sai: i32, sak: i32, b: usize, c: usize, m: i32, n: i32, k: i32, acc: i32): void {
  const rs = <usize>sai << 2, ks = <usize>sak << 2, bs = <usize>n << 2;
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const ai = a + <usize>i * rs;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
      let pa = ai, pb = b + (<usize>j << 2);
      for (let kk = 0; kk < k; kk++) {
        const b0 = v128.load(pb), b1 = v128.load(pb, 16);
        const a0 = f32x4.splat(load<f32>(pa)), a1 = f32x4.splat(load<f32>(pa + rs));
        const a2 = f32x4.splat(load<f32>(pa + 2 * rs)), a3 = f32x4.splat(load<f32>(pa + 3 * rs));
        c00 = f32x4.add(c00, f32x4.mul(a0, b0)); c01 = f32x4.add(c01, f32x4.mul(a0, b1));
        c10 = f32x4.add(c10, f32x4.mul(a1, b0)); c11 = f32x4.add(c11, f32x4.mul(a1, b1));
        c20 = f32x4.add(c20, f32x4.mul(a2, b0)); c21 = f32x4.add(c21, f32x4.mul(a2, b1));
        c30 = f32x4.add(c30, f32x4.mul(a3, b0)); c31 = f32x4.add(c31, f32x4.mul(a3, b1));
        pa += ks; pb += bs;
      }
      const pc = c + ((<usize>i * <usize>n + <usize>j) << 2);
      put(pc, c00, acc); put(pc + 16, c01, acc);
      put(pc + bs, c10, acc); put(pc + bs + 16, c11, acc);
      put(pc + 2 * bs, c20, acc); put(pc + 2 * bs + 16, c21, acc);
      put(pc + 3 * bs, c30, acc); put(pc + 3 * bs + 16, c31, acc);
    }
    for (; j + 4 <= n; j += 4) {
      let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
      let pa = ai, pb = b + (<usize>j << 2);
      for (let kk = 0; kk < k; kk++) {
        const b0 = v128.load(pb);
        c0 = f32x4.add(c0, f32x4.mul(f32x4.splat(load<f32>(pa)), b0));
        c1 = f32x4.add(c1, f32x4.mul(f32x4.splat(load<f32>(pa + rs)), b0));
        c2 = f32x4.add(c2, f32x4.mul(f32x4.splat(load<f32>(pa + 2 * rs)), b0));
        c3 = f32x4.add(c3, f32x4.mul(f32x4.splat(load<f32>(pa + 3 * rs)), b0));
        pa += ks; pb += bs;
      }
      const pc = c + ((<usize>i * <usize>n + <usize>j) << 2);
      put(pc, c0, acc); put(pc + bs, c1, acc); put(pc + 2 * bs, c2, acc); put(pc + 3 * bs, c3, acc);
    }
    for (; j < n; j++) for (let r = 0; r < 4; r++) scalarCell(a, sai, sak, b, c, i + r, j, n, k, acc);
  }
  for (; i < m; i++) for (let j = 0; j < n; j++) scalarCell(a, sai, sak, b, c, i, j, n, k, acc);
}

function put(p: usize, v: v128, acc: i32): void {
  v128.store(p, acc ? f32x4.add(v128.load(p), v) : v);
}

function scalarCell(a: usize, sai: i32, sak: i32, b: usize, c: usize, i: i32, j: i32, n: i32, k: i32, acc: i32): void {
  let s: f32 = 0;
  for (let kk = 0; kk < k; kk++) s += load<f32>(a + ((<usize>i * sai + <usize>kk * sak) << 2)) * load<f32>(b + ((<usize>kk * n + j) << 2));
  const p = c + ((<usize>i * n + j) << 2);
  store<f32>(p, acc ? load<f32>(p) + s : s);
}

/** out[cols×rows] = aᵀ for a[rows×cols]. */
export function transpose(a: usize, out: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    store<f32>(out + ((<usize>c * rows + r) << 2), load<f32>(a + ((<usize>r * cols + c) << 2)));
  }
}

/** y[i,:] += bias for every row. */
export function biasAdd(y: usize, bias: usize, m: i32, n: i32): void {
  for (let i = 0; i < m; i++) {
    const row = y + ((<usize>i * n) << 2);
    let j = 0;
    for (; j + 4 <= n; j += 4) v128.store(row + (j << 2), f32x4.add(v128.load(row + (j << 2)), v128.load(bias + (j << 2))));
    for (; j < n; j++) store<f32>(row + (j << 2), load<f32>(row + (j << 2)) + load<f32>(bias + (j << 2)));
  }
}

/** db = Σ_i dy[i,:] (overwrites). */
export function biasGrad(dy: usize, db: usize, m: i32, n: i32): void {
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    let s = f32x4.splat(0);
    for (let i = 0; i < m; i++) s = f32x4.add(s, v128.load(dy + ((<usize>i * n + j) << 2)));
    v128.store(db + (j << 2), s);
  }
  for (; j < n; j++) {
    let s: f32 = 0;
    for (let i = 0; i < m; i++) s += load<f32>(dy + ((<usize>i * n + j) << 2));
    store<f32>(db + (j << 2), s);
  }
}

/** y = max(x, 0); y may alias x. */
export function relu(x: usize, y: usize, len: i32): void {
  const z = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= len; i += 4) v128.store(y + (i << 2), f32x4.max(v128.load(x + (i << 2)), z));
  for (; i < len; i++) store<f32>(y + (i << 2), max<f32>(load<f32>(x + (i << 2)), 0));
}

/** dx = dy where y > 0 else 0; dx may alias dy. */
export function reluBackward(y: usize, dy: usize, dx: usize, len: i32): void {
  const z = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const o = <usize>i << 2;
    v128.store(dx + o, v128.and(v128.load(dy + o), f32x4.gt(v128.load(y + o), z)));
  }
  for (; i < len; i++) store<f32>(dx + (i << 2), load<f32>(y + (i << 2)) > 0 ? load<f32>(dy + (i << 2)) : 0);
}

/** Row-wise softmax of x[m×n] into y (may alias). */
export function softmaxRows(x: usize, y: usize, m: i32, n: i32): void {
  for (let i = 0; i < m; i++) {
    const px = x + ((<usize>i * n) << 2), py = y + ((<usize>i * n) << 2);
    let mx = load<f32>(px);
    for (let j = 1; j < n; j++) mx = max<f32>(mx, load<f32>(px + (j << 2)));
    let s: f32 = 0;
    for (let j = 0; j < n; j++) { const e = Mathf.exp(load<f32>(px + (j << 2)) - mx); store<f32>(py + (j << 2), e); s += e; }
    const inv: f32 = 1 / s;
    for (let j = 0; j < n; j++) store<f32>(py + (j << 2), load<f32>(py + (j << 2)) * inv);
  }
}

/** MMoE mixture, one expert at a time: mix[i,:] (+)= gate[i·ne + e] · x[i,:]. */
export function mixAdd(gate: usize, ne: i32, e: i32, x: usize, mix: usize, rows: i32, width: i32, acc: i32): void {
  for (let i = 0; i < rows; i++) {
    const w = load<f32>(gate + ((<usize>i * ne + e) << 2)), wv = f32x4.splat(w);
    const px = x + ((<usize>i * width) << 2), pm = mix + ((<usize>i * width) << 2);
    let h = 0;
    for (; h + 4 <= width; h += 4) {
      const v = f32x4.mul(wv, v128.load(px + (h << 2)));
      v128.store(pm + (h << 2), acc ? f32x4.add(v128.load(pm + (h << 2)), v) : v);
    }
    for (; h < width; h++) {
      const v = w * load<f32>(px + (h << 2));
      store<f32>(pm + (h << 2), acc ? load<f32>(pm + (h << 2)) + v : v);
    }
  }
}

/** Mixture gradient for expert e: dGate[i·ne+e] = dMix[i,:]·x[i,:]; dx[i,:] (+)= gate[i·ne+e]·dMix[i,:]. */
export function mixBack(gate: usize, ne: i32, e: i32, x: usize, dMix: usize, dGate: usize, dx: usize, rows: i32, width: i32, acc: i32): void {
  for (let i = 0; i < rows; i++) {
    const gi = (<usize>i * ne + e) << 2, w = load<f32>(gate + gi), wv = f32x4.splat(w);
    const o = (<usize>i * width) << 2;
    let dot = f32x4.splat(0), tail: f32 = 0;
    let h = 0;
    for (; h + 4 <= width; h += 4) {
      const p = o + (h << 2), d = v128.load(dMix + p);
      dot = f32x4.add(dot, f32x4.mul(d, v128.load(x + p)));
      const v = f32x4.mul(wv, d);
      v128.store(dx + p, acc ? f32x4.add(v128.load(dx + p), v) : v);
    }
    for (; h < width; h++) {
      const p = o + (h << 2), d = load<f32>(dMix + p);
      tail += d * load<f32>(x + p);
      store<f32>(dx + p, acc ? load<f32>(dx + p) + w * d : w * d);
    }
    store<f32>(dGate + gi, f32x4.extract_lane(dot, 0) + f32x4.extract_lane(dot, 1) + f32x4.extract_lane(dot, 2) + f32x4.extract_lane(dot, 3) + tail);
  }
}
