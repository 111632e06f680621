// Wraps a graph into a serialised ModelProto. Opset 13 / IR 8 is what onnx-proto 8 describes and what
// onnxruntime-web runs without a conversion pass.
import proto, { type onnx } from 'onnx-proto';
import type { Graph } from './graph.js';

// onnx-proto is CommonJS; a default import works both in Node's ESM loader and in bundlers.
const { onnx: onnxRuntime } = proto;

export const ONNX_OPSET = 13;
export const ONNX_IR_VERSION = 8;
export const ONNX_PRODUCER = 'edgefeed';

export type ModelOptions = {
  /** Free-form key/values carried in metadata_props (feature spec version, task order ...). */
  metadata?: Record<string, string>;
  producerVersion?: string;
  docString?: string;
};

export function encodeModel(graph: Graph, opts: ModelOptions = {}): Uint8Array {
  const model: onnx.IModelProto = {
    irVersion: ONNX_IR_VERSION,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    producerName: ONNX_PRODUCER,
    producerVersion: opts.producerVersion ?? '',
    docString: opts.docString ?? '',
    graph: graph.build(),
    metadataProps: Object.entries(opts.metadata ?? {}).map(([key, value]) => ({ key, value })),
  };
  return onnxRuntime.ModelProto.encode(model).finish();
}

/** Parse bytes back (tests and inspection tools read metadata and initializers this way). */
export function decodeModel(bytes: Uint8Array): onnx.ModelProto {
  return onnxRuntime.ModelProto.decode(bytes);
}

export const modelMetadata = (m: onnx.IModelProto): Record<string, string> =>
  Object.fromEntries((m.metadataProps ?? []).map((p) => [p.key ?? '', p.value ?? '']));
