// The one edge file that imports onnxruntime-web. Workers forbid compiling WASM from bytes, so the
// runtime binary is imported as a module (compiled at deploy time) and ORT's instantiation of its
// placeholder bytes is redirected to that module. Single-threaded, no proxy worker: an isolate has
// neither threads nor workers. Everything ORT-specific stays here; callers see Float32Arrays.
import * as ort from 'onnxruntime-web/wasm';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm';
import { decodeModel, modelMetadata } from '../../models/onnx/model.js';

// ORT only checks that wasmBinary is set (so it skips fetching the .wasm); these bytes are never
// compiled: the wrapper below recognises them by identity and instantiates the imported module.
const placeholder = new ArrayBuffer(8);
const instantiate = WebAssembly.instantiate.bind(WebAssembly);
const isPlaceholder = (source: unknown) =>
  source === placeholder || (ArrayBuffer.isView(source) && source.buffer === placeholder);

WebAssembly.instantiate = (async (source: unknown, imports?: WebAssembly.Imports) => {
  if (!isPlaceholder(source)) return instantiate(source as never, imports);
  // Called with bytes, ORT expects the bytes form of the answer: { instance, module }.
  return { instance: await instantiate(ortWasm, imports), module: ortWasm };
}) as typeof WebAssembly.instantiate;

ort.env.wasm.numThreads = 1;
ort.env.wasm.proxy = false;
ort.env.wasm.wasmBinary = placeholder;

export type OrtSession = {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  /** Runs one float32 [batch, dims] input; returns the named (default: first) output's data. */
  runFloat(input: Float32Array, batch: number, dims: number, output?: string): Promise<Float32Array>;
  release(): Promise<void>;
};

export async function createOrtSession(bytes: Uint8Array): Promise<OrtSession> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const inputName = session.inputNames[0]!;
  // ORT's session id is a heap address that a later session may reuse: a released handle must not run.
  let released = false;
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async runFloat(input, batch, dims, output = session.outputNames[0]!) {
      if (released) throw new Error('the session was released');
      const out = await session.run({ [inputName]: new ort.Tensor('float32', input, [batch, dims]) });
      const tensor = out[output];
      if (!tensor || tensor.type !== 'float32') throw new TypeError(`model output '${output}' is ${tensor ? tensor.type : 'missing'}, not float32`);
      return tensor.data as Float32Array;
    },
    async release() {
      if (released) return;
      released = true;
      await session.release();
    },
  };
}

/**
 * The model's metadata_props. onnxruntime-web does not expose them, so the ModelProto is parsed with
 * the same onnx-proto codec that wrote it (models/onnx/model.ts). Throws on bytes that are not a model.
 */
export const readModelMetadata = (bytes: Uint8Array): Record<string, string> => modelMetadata(decodeModel(bytes));
