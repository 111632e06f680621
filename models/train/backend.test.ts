import { describe, expect, it } from 'vitest';
import { ARENA_BASE_BYTES, createArena, createSharedMemory } from './arena.js';
import { ArenaFullError, ShapeError } from './errors.js';
import { createBackend, SCRATCH_FLOATS, type Backend } from './backend.js';
import { seededRng } from './rng.js';

const memory = createSharedMemory(8 << 20, true);
const arena = createArena(memory.buffer);
const wasm = createBackend('wasm', memory, arena.f32(SCRATCH_FLOATS));
const ts = createBackend('ts', memory, arena.f32(0));
const rng = seededRng(7);
const rand = (n: number) => {
  const t = arena.f32(n);
  for (let i = 0; i < n; i++) t[i] = rng.normal();
  return t;
};
const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

/** Runs `op` on both backends with identical fresh outputs (pre-filled, so `acc` is exercised) and compares. */
function agree(outLen: number, op: (be: Backend, out: Float32Array) => void) {
  const init = rand(outLen);
  const [a, b] = [arena.f32(outLen), arena.f32(outLen)];
  a.set(init);
  b.set(init);
  op(ts, a);
  op(wasm, b);
  expect(maxDiff(a, b)).toBeLessThan(1e-5);
  return a;
}

describe('TS and WASM SIMD backends', () => {
  it('loads the committed WASM kernels', () => expect(wasm.kind).toBe('wasm'));

  const shapes = [[1, 1, 1], [3, 5, 7], [4, 8, 8], [9, 13, 6], [17, 3, 11], [8, 64, 33], [5, 2, 4], [12, 31, 19]] as const;
  for (const [m, k, n] of shapes) {
    it(`matmul variants agree on ${m}×${k}×${n}`, () => {
      const x = rand(m * k), w = rand(k * n), dy = rand(m * n);
      for (const acc of [false, true]) {
        const y = agree(m * n, (be, out) => be.matmul(x, w, out, m, k, n, acc));
        // the TS reference itself is checked against a direct sum at one cell
        let s = 0;
        for (let kk = 0; kk < k; kk++) s += x[(m - 1) * k + kk]! * w[kk * n + n - 1]!;
        if (!acc) expect(y[m * n - 1]).toBeCloseTo(s, 4);
        agree(m * k, (be, out) => be.matmulBT(dy, w, out, m, n, k, acc));
        agree(k * n, (be, out) => be.matmulAT(x, dy, out, m, k, n, acc));
      }
      agree(m * n, (be, out) => be.biasAdd(out, w.subarray(0, n), m, n));
      agree(n, (be, out) => be.biasGrad(dy, out, m, n));
      agree(m * n, (be, out) => be.relu(dy, out, m * n));
      const y = rand(m * n);
      agree(m * n, (be, out) => be.reluBackward(y, dy, out, m * n));
      const sm = agree(m * n, (be, out) => be.softmaxRows(dy, out, m, n));
      for (let i = 0; i < m; i++) expect(sm.subarray(i * n, i * n + n).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    });
  }

  for (const [rows, ne, width] of [[3, 2, 5], [8, 4, 64], [7, 3, 9]] as const) {
    it(`mixture kernels agree on ${rows} rows × ${ne} experts × ${width}`, () => {
      const gate = rand(rows * ne), x = rand(rows * width), dMix = rand(rows * width), dGate = [arena.f32(rows * ne), arena.f32(rows * ne)];
      for (const acc of [false, true]) {
        agree(rows * width, (be, out) => be.mixAdd(gate, ne, ne - 1, x, out, rows, width, acc));
        agree(rows * width, (be, out) => be.mixBack(gate, ne, 1, x, dMix, dGate[be.kind === 'ts' ? 0 : 1]!, out, rows, width, acc));
        expect(maxDiff(dGate[0]!, dGate[1]!)).toBeLessThan(1e-5);
      }
    });
  }

  it('falls back to TS when the memory is not a WebAssembly.Memory', () => {
    const plain = createSharedMemory(1 << 20, false);
    const be = createBackend('wasm', plain, createArena(plain.buffer).f32(16));
    expect(be.kind).toBe('ts');
    expect(plain.wasm).toBeUndefined();
  });

  it('the WASM backend refuses tensors outside its memory, and the arena refuses to overflow', () => {
    const outside = new Float32Array(4);
    expect(() => wasm.relu(outside, outside, 4)).toThrow(ShapeError);
    const small = createArena(new SharedArrayBuffer(ARENA_BASE_BYTES + 64));
    small.f32(16);
    expect(() => small.f32(1)).toThrow(ArenaFullError);
  });

  it('relu kernels may run in place', () => {
    const x = rand(10);
    const ref = x.map((v) => Math.max(v, 0));
    wasm.relu(x, x, 10);
    expect(Array.from(x)).toEqual(Array.from(ref));
  });
});
