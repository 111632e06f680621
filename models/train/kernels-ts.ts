// Plain TypeScript kernels: the reference the WASM ones are tested against, and the fallback.
import type { Kernels } from './backend.js';
import { gemmTs } from './kernels-ts-gemm.js';

export const tsKernels: Kernels = {
  matmul: (a, b, c, m, k, n, acc) => gemmTs(a, k, 1, b, n, 1, c, m, n, k, acc),
  // dY[m×n]·W[k×n]ᵀ: B(j, kk) = W[kk·n + j]
  matmulBT: (dy, w, c, m, n, k, acc) => gemmTs(dy, n, 1, w, 1, n, c, m, k, n, acc),
  // X[m×k]ᵀ·dY[m×n]: A(kk, i) = X[i·k + kk]
  matmulAT: (x, dy, c, m, k, n, acc) => gemmTs(x, 1, k, dy, n, 1, c, k, n, m, acc),
  biasAdd(y, b, m, n) {
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) y[i * n + j]! += b[j]!;
  },
  biasGrad(dy, db, m, n) {
    db.fill(0, 0, n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) db[j]! += dy[i * n + j]!;
  },
  relu(x, y, len) {
    for (let i = 0; i < len; i++) y[i] = x[i]! > 0 ? x[i]! : 0;
  },
  reluBackward(y, dy, dx, len) {
    for (let i = 0; i < len; i++) dx[i] = y[i]! > 0 ? dy[i]! : 0;
  },
  softmaxRows(x, y, m, n) {
    for (let i = 0; i < m; i++) {
      const o = i * n;
      let mx = -Infinity;
      for (let j = 0; j < n; j++) mx = Math.max(mx, x[o + j]!);
      let s = 0;
      for (let j = 0; j < n; j++) s += y[o + j] = Math.exp(x[o + j]! - mx);
      for (let j = 0; j < n; j++) y[o + j]! /= s;
    }
  },
  mixAdd(gate, ne, e, x, mix, rows, width, acc) {
    for (let i = 0; i < rows; i++) {
      const w = gate[i * ne + e]!, o = i * width;
      for (let h = 0; h < width; h++) mix[o + h] = (acc ? mix[o + h]! : 0) + w * x[o + h]!;
    }
  },
  mixBack(gate, ne, e, x, dMix, dGate, dx, rows, width, acc) {
    for (let i = 0; i < rows; i++) {
      const w = gate[i * ne + e]!, o = i * width;
      let dot = 0;
      for (let h = 0; h < width; h++) {
        const d = dMix[o + h]!;
        dot += d * x[o + h]!;
        dx[o + h] = (acc ? dx[o + h]! : 0) + w * d;
      }
      dGate[i * ne + e] = dot;
    }
  },
};
