// The WASM SIMD kernels: instantiates the committed kernels/simd.wasm (built by kernels/build.sh)
// on a thread's shared memory. Nothing is compiled from source at run time.
import { readFileSync } from 'node:fs';
import type { Kernels } from './backend.js';
import { ShapeError, WasmUnavailableError } from './errors.js';
import { wasmApi, type WasmMemory, type WasmModule } from './wasm-api.js';

type Exports = {
  gemm(a: number, sai: number, sak: number, b: number, c: number, m: number, n: number, k: number, acc: number): void;
  transpose(a: number, out: number, rows: number, cols: number): void;
  biasAdd(y: number, b: number, m: number, n: number): void;
  biasGrad(dy: number, db: number, m: number, n: number): void;
  relu(x: number, y: number, len: number): void;
  reluBackward(y: number, dy: number, dx: number, len: number): void;
  softmaxRows(x: number, y: number, m: number, n: number): void;
  mixAdd(gate: number, ne: number, e: number, x: number, mix: number, rows: number, width: number, acc: number): void;
  mixBack(gate: number, ne: number, e: number, x: number, dMix: number, dGate: number, dx: number, rows: number, width: number, acc: number): void;
};

let compiled: WasmModule | null | undefined;
function kernelModule(): WasmModule | null {
  if (compiled === undefined) {
    try {
      const api = wasmApi();
      compiled = api ? new api.Module(readFileSync(new URL('./kernels/simd.wasm', import.meta.url))) : null;
    } catch {
      compiled = null; // no SIMD / threads support, or the file is missing: the TS backend takes over
    }
  }
  return compiled;
}

export const wasmAvailable = () => kernelModule() !== null;

export function wasmKernels(memory: WasmMemory, scratch: Float32Array): Kernels {
  const mod = kernelModule();
  if (!mod) throw new WasmUnavailableError('WebAssembly SIMD kernels cannot be loaded');
  const x = new (wasmApi()!.Instance)(mod, { env: { memory } }).exports as unknown as Exports;
  const buf = memory.buffer;
  const p = (t: Float32Array) => {
    if (t.buffer !== buf) throw new ShapeError('tensor is not inside the WASM memory');
    return t.byteOffset;
  };
  const flag = (acc: boolean) => (acc ? 1 : 0);
  return {
    matmul: (a, b, c, m, k, n, acc) => x.gemm(p(a), k, 1, p(b), p(c), m, n, k, flag(acc)),
    matmulAT: (xs, dy, c, m, k, n, acc) => x.gemm(p(xs), 1, k, p(dy), p(c), k, n, m, flag(acc)),
    matmulBT(dy, w, c, m, n, k, acc) {
      // dY·Wᵀ = dY·(Wᵀ): transpose W[k×n] once into scratch, then the tuned row-major kernel.
      if (k * n > scratch.length) throw new ShapeError(`weight ${k}×${n} exceeds the transpose scratch`);
      x.transpose(p(w), p(scratch), k, n);
      x.gemm(p(dy), n, 1, p(scratch), p(c), m, k, n, flag(acc));
    },
    biasAdd: (y, b, m, n) => x.biasAdd(p(y), p(b), m, n),
    biasGrad: (dy, db, m, n) => x.biasGrad(p(dy), p(db), m, n),
    relu: (a, y, len) => x.relu(p(a), p(y), len),
    reluBackward: (y, dy, dx, len) => x.reluBackward(p(y), p(dy), p(dx), len),
    softmaxRows: (a, y, m, n) => x.softmaxRows(p(a), p(y), m, n),
    mixAdd: (g, ne, e, a, mix, rows, w, acc) => x.mixAdd(p(g), ne, e, p(a), p(mix), rows, w, flag(acc)),
    mixBack: (g, ne, e, a, dm, dg, dx, rows, w, acc) => x.mixBack(p(g), ne, e, p(a), p(dm), p(dg), p(dx), rows, w, flag(acc)),
  };
}
