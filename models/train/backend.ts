// The kernels every layer calls, behind one interface with two implementations: plain TS and WASM SIMD.
// No maintained npm library trains fast on CPU in Node (onnxruntime has no training API), so we write them.
import type { SharedMemory } from './arena.js';
import { tsKernels } from './kernels-ts.js';
import { wasmKernels, wasmAvailable } from './kernels-wasm.js';

export type BackendKind = 'wasm' | 'ts';

/** All matrices row-major; `acc` adds into the output instead of overwriting it. */
export type Kernels = {
  /** C[m×n] (+)= A[m×k]·B[k×n] — forward X·W. */
  matmul(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, acc: boolean): void;
  /** C[m×k] (+)= dY[m×n]·W[k×n]ᵀ — input gradient. */
  matmulBT(dy: Float32Array, w: Float32Array, c: Float32Array, m: number, n: number, k: number, acc: boolean): void;
  /** C[k×n] (+)= X[m×k]ᵀ·dY[m×n] — weight gradient. */
  matmulAT(x: Float32Array, dy: Float32Array, c: Float32Array, m: number, k: number, n: number, acc: boolean): void;
  biasAdd(y: Float32Array, b: Float32Array, m: number, n: number): void;
  /** db = Σ_rows dY (overwrites). */
  biasGrad(dy: Float32Array, db: Float32Array, m: number, n: number): void;
  relu(x: Float32Array, y: Float32Array, len: number): void;
  reluBackward(y: Float32Array, dy: Float32Array, dx: Float32Array, len: number): void;
  softmaxRows(x: Float32Array, y: Float32Array, m: number, n: number): void;
  /** MMoE mixture for expert e of ne: mix[i,:] (+)= gate[i·ne+e]·x[i,:]. */
  mixAdd(gate: Float32Array, ne: number, e: number, x: Float32Array, mix: Float32Array, rows: number, width: number, acc: boolean): void;
  /** dGate[i·ne+e] = dMix[i,:]·x[i,:] and dx[i,:] (+)= gate[i·ne+e]·dMix[i,:]. */
  mixBack(
    gate: Float32Array, ne: number, e: number, x: Float32Array, dMix: Float32Array, dGate: Float32Array, dx: Float32Array, rows: number, width: number, acc: boolean,
  ): void;
};

export type Backend = Kernels & { kind: BackendKind };

/**
 * The backend for one thread. The WASM one needs every tensor inside `memory.wasm` and a private
 * scratch region (for transposes); it falls back to TS when WebAssembly SIMD or the memory is missing.
 */
export function createBackend(kind: BackendKind, memory: SharedMemory, scratch: Float32Array): Backend {
  if (kind === 'wasm' && memory.wasm && wasmAvailable()) return { kind: 'wasm', ...wasmKernels(memory.wasm, scratch) };
  return { kind: 'ts', ...tsKernels };
}

/** Floats of scratch a thread's backend needs: the largest weight matrix it transposes. */
export const SCRATCH_FLOATS = 1 << 16;
