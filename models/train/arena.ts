// One linear memory per training run: a shared WebAssembly.Memory when the WASM kernels are used (its
// buffer is a SharedArrayBuffer), a plain SharedArrayBuffer otherwise. Workers replay the same
// allocation sequence, so every party derives identical views without sending offsets around.
import { ArenaFullError, WasmUnavailableError } from './errors.js';
import { wasmApi, type WasmMemory } from './wasm-api.js';

const PAGE_BYTES = 65536;
/** Bytes below this stay untouched: the WASM module's own static area. */
export const ARENA_BASE_BYTES = PAGE_BYTES;

export type Arena = {
  buffer: ArrayBufferLike;
  /** 16-byte aligned Float32 view of n elements, zero-filled at creation of the memory. */
  f32(n: number): Float32Array;
  i32(n: number): Int32Array;
  /** Bytes handed out so far (including the reserved base). */
  used(): number;
};

export function createArena(buffer: ArrayBufferLike, startBytes = ARENA_BASE_BYTES): Arena {
  let top = startBytes;
  const take = (bytes: number) => {
    const at = top;
    top = at + Math.ceil(bytes / 16) * 16;
    if (top > buffer.byteLength) throw new ArenaFullError(top, buffer.byteLength);
    return at;
  };
  return {
    buffer,
    f32: (n) => new Float32Array(buffer, take(n * 4), n),
    i32: (n) => new Int32Array(buffer, take(n * 4), n),
    used: () => top,
  };
}

/** Runs an allocation plan against a counting arena (views alias one throwaway buffer) to learn its size. */
export function measure(plan: (a: Arena) => void): number {
  let top = ARENA_BASE_BYTES;
  let junk = new ArrayBuffer(0);
  const view = (n: number) => {
    top += Math.ceil((n * 4) / 16) * 16;
    if (junk.byteLength < n * 4) junk = new ArrayBuffer(n * 4);
    return junk;
  };
  plan({
    buffer: junk,
    f32: (n) => new Float32Array(view(n), 0, n),
    i32: (n) => new Int32Array(view(n), 0, n),
    used: () => top,
  });
  return top;
}

export type SharedMemory = { buffer: SharedArrayBuffer; wasm?: WasmMemory };

/** Shared memory of at least `bytes`, a WebAssembly.Memory when `wasm` is asked for. */
export function createSharedMemory(bytes: number, wasm: boolean): SharedMemory {
  const pages = Math.ceil(bytes / PAGE_BYTES) + 1;
  if (!wasm) return { buffer: new SharedArrayBuffer(pages * PAGE_BYTES) };
  const api = wasmApi();
  if (!api) throw new WasmUnavailableError('this runtime has no WebAssembly');
  const memory = new api.Memory({ initial: pages, maximum: pages, shared: true });
  return { buffer: memory.buffer as SharedArrayBuffer, wasm: memory };
}
