// Type of the ORT runtime binary imported as a module: wrangler and vitest-pool-workers turn a `.wasm`
// import into a compiled WebAssembly.Module (Workers may not compile WASM from bytes at runtime).
declare module 'onnxruntime-web/ort-wasm-simd-threaded.wasm' {
  const compiled: WebAssembly.Module;
  export default compiled;
}
