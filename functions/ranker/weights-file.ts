// The heavy ranker's weights as a build stages them beside the ONNX export, for central scoring on
// the training core's WASM kernels: "EFMW" | u32 header bytes | JSON config | f32 dense params |
// f32 embedding tables (the training core's flat layouts, models/train/mmoe-params.ts).
import type { MmoeConfig, MmoeWeights } from '../../models/ranker/mmoe-weights.js';
import { WeightsFileError } from './errors.js';
import { denseParamCount, denseViews, exportWeights, importWeights, tableOffsets, tableViews } from '../../models/train/mmoe-params.js';

const MAGIC = 'EFMW';
export const RANKER_WEIGHTS_FILE = 'ranker-weights.bin';

export function encodeMmoeWeights(w: MmoeWeights): Uint8Array {
  const c = w.config;
  const dense = new Float32Array(denseParamCount(c));
  const tables = new Float32Array(tableOffsets(c).at(-1)!);
  importWeights(denseViews(c, dense), tableViews(c, tables), w);
  const header = new TextEncoder().encode(JSON.stringify(c));
  const headerBytes = Math.ceil(header.length / 4) * 4;
  const out = new Uint8Array(8 + headerBytes + 4 * (dense.length + tables.length));
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, header.length, true);
  out.set(header, 8);
  out.set(new Uint8Array(dense.buffer), 8 + headerBytes);
  out.set(new Uint8Array(tables.buffer), 8 + headerBytes + 4 * dense.length);
  return out;
}

export function decodeMmoeWeights(bytes: Uint8Array): MmoeWeights {
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new WeightsFileError('not a ranker weights file');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const c = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as MmoeConfig;
  const at = 8 + Math.ceil(headerLength / 4) * 4;
  const nDense = denseParamCount(c);
  const nTables = tableOffsets(c).at(-1)!;
  if (bytes.length !== at + 4 * (nDense + nTables)) throw new WeightsFileError(`weights file is ${bytes.length} bytes, its config needs ${at + 4 * (nDense + nTables)}`);
  // Copies: the floats start at a 4-byte boundary of the file, not necessarily of its buffer.
  const floats = new Float32Array(bytes.slice(at).buffer);
  return exportWeights(c, denseViews(c, floats.subarray(0, nDense)), tableViews(c, floats.subarray(nDense)));
}
