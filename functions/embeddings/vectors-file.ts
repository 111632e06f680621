// Binary vectors file: a 20-byte header, the ids as a JSON array, then count×dims little-endian float32.
// Layout: "EFVC" | u32 version | u32 dims | u32 count | u32 idsBytes | ids JSON (padded to 4) | floats.
import { readFile, writeFile } from 'node:fs/promises';
import { VectorsFileError } from './errors.js';

const MAGIC = 'EFVC';
export const VECTORS_FILE_VERSION = 1;
const HEADER_BYTES = 20;

export interface Vectors {
  dims: number;
  ids: string[];
  /** ids.length × dims, row i belongs to ids[i]. */
  data: Float32Array;
}

export function encodeVectors(v: Vectors): Uint8Array {
  if (v.data.length !== v.ids.length * v.dims)
    throw new VectorsFileError(`data has ${v.data.length} floats, expected ${v.ids.length}×${v.dims}`);
  const ids = new TextEncoder().encode(JSON.stringify(v.ids));
  const idsPadded = Math.ceil(ids.length / 4) * 4;
  const out = new Uint8Array(HEADER_BYTES + idsPadded + v.data.length * 4);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, VECTORS_FILE_VERSION, true);
  view.setUint32(8, v.dims, true);
  view.setUint32(12, v.ids.length, true);
  view.setUint32(16, ids.length, true);
  out.set(ids, HEADER_BYTES);
  const base = HEADER_BYTES + idsPadded;
  for (let k = 0; k < v.data.length; k++) view.setFloat32(base + 4 * k, v.data[k]!, true);
  return out;
}

export function decodeVectors(bytes: Uint8Array): Vectors {
  if (bytes.length < HEADER_BYTES) throw new VectorsFileError(`file is ${bytes.length} bytes, shorter than the header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic !== MAGIC) throw new VectorsFileError(`bad magic ${JSON.stringify(magic)}`);
  const version = view.getUint32(4, true);
  if (version !== VECTORS_FILE_VERSION) throw new VectorsFileError(`unsupported version ${version}`);
  const dims = view.getUint32(8, true), count = view.getUint32(12, true), idsBytes = view.getUint32(16, true);
  const base = HEADER_BYTES + Math.ceil(idsBytes / 4) * 4;
  if (bytes.length !== base + count * dims * 4)
    throw new VectorsFileError(`file is ${bytes.length} bytes, header says ${base + count * dims * 4}`);
  const ids: unknown = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + idsBytes)));
  if (!Array.isArray(ids) || ids.length !== count || !ids.every((id) => typeof id === 'string'))
    throw new VectorsFileError(`id map is not ${count} strings`);
  const data = new Float32Array(count * dims);
  for (let k = 0; k < data.length; k++) data[k] = view.getFloat32(base + 4 * k, true);
  return { dims, ids, data };
}

export const writeVectorsFile = (path: string, v: Vectors) => writeFile(path, encodeVectors(v));
export const readVectorsFile = async (path: string) => decodeVectors(new Uint8Array(await readFile(path)));
