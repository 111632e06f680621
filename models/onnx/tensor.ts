// Typed arrays → ONNX TensorProto initializers. Values go in raw_data (little-endian bytes): smaller and
// faster to encode than the repeated float_data field. Every platform we run on (x86, ARM, wasm) is LE.
import type { onnx } from 'onnx-proto';
import { TensorShapeError } from './errors.js';

export type DType = 'float32' | 'int32' | 'int64' | 'bool';

/** TensorProto.DataType codes (onnx.proto3), the ones this builder emits. */
export const DATA_TYPE: Record<DType, number> = { float32: 1, int32: 6, int64: 7, bool: 9 };

export type TensorData = Float32Array | Int32Array | BigInt64Array | Uint8Array;

/** bool tensors are passed as Uint8Array of 0/1 (ONNX stores bool as one byte per element). */
export function dtypeOf(data: TensorData): DType {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof BigInt64Array) return 'int64';
  return 'bool';
}

export function tensorProto(name: string, data: TensorData, dims: readonly number[]): onnx.ITensorProto {
  const expected = dims.reduce((a, d) => a * d, 1);
  if (expected !== data.length) throw new TensorShapeError(name, expected, data.length);
  // Copy: a view of a larger buffer would otherwise serialise bytes outside the tensor.
  const rawData = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  return { name, dims: [...dims], dataType: DATA_TYPE[dtypeOf(data)], rawData };
}

/** int64 tensor from plain numbers: shapes, axes and indices are int64 in ONNX. */
export const int64s = (values: readonly number[]): BigInt64Array => BigInt64Array.from(values, (v) => BigInt(v));
