// The slice of the WebAssembly JS API the trainer uses. Node has it at run time, but the project's
// tsconfig (no DOM lib) does not type it, so it is typed here rather than pulling DOM types in globally.
export type WasmMemory = { readonly buffer: ArrayBuffer | SharedArrayBuffer };
export type WasmModule = object;
type WasmApi = {
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (m: WasmModule, imports: object) => { exports: Record<string, unknown> };
};

export const wasmApi = (): WasmApi | undefined => (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
