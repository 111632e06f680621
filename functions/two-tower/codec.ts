// Model bytes: "EFTT", format version, header length, a JSON header (shape and array lengths), then the
// dense weights, the embedding tables (float32) and the known-id fingerprints (uint32), little-endian.
import type { TwoTowerShape } from './config.js';
import { TwoTowerBytesError } from './errors.js';
import { denseParamCount, tableParamCount } from './params.js';

const MAGIC = 0x54544645; // "EFTT" read as a little-endian uint32
export const TWO_TOWER_FORMAT_VERSION = 1;

type Header = { shape: TwoTowerShape; dense: number; tables: number; owners: number };
export type DecodedModel = { shape: TwoTowerShape; dense: Float32Array; tables: Float32Array; owners: Uint32Array };

export function encodeModel(shape: TwoTowerShape, dense: Float32Array, tables: Float32Array, owners: Uint32Array): Uint8Array {
  const header: Header = { shape, dense: dense.length, tables: tables.length, owners: owners.length };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = Math.ceil(json.length / 4) * 4; // keeps the arrays 4-byte aligned
  const out = new Uint8Array(12 + headerBytes + 4 * (dense.length + tables.length + owners.length));
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, TWO_TOWER_FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  let at = 12 + headerBytes;
  for (const arr of [dense, tables]) for (let i = 0; i < arr.length; i++, at += 4) view.setFloat32(at, arr[i]!, true);
  for (let i = 0; i < owners.length; i++, at += 4) view.setUint32(at, owners[i]!, true);
  return out;
}

export function decodeModel(bytes: Uint8Array): DecodedModel {
  if (bytes.length < 12) throw new TwoTowerBytesError(`${bytes.length} bytes: too short for a two-tower model`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new TwoTowerBytesError('not a two-tower model (bad magic)');
  const version = view.getUint32(4, true);
  if (version !== TWO_TOWER_FORMAT_VERSION) throw new TwoTowerBytesError(`format version ${version}, this build reads ${TWO_TOWER_FORMAT_VERSION}`);
  const jsonBytes = view.getUint32(8, true);
  if (12 + jsonBytes > bytes.length) throw new TwoTowerBytesError('truncated header');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonBytes))) as Header;
  } catch {
    throw new TwoTowerBytesError('header is not valid JSON');
  }
  const { shape } = header;
  if (header.dense !== denseParamCount(shape) || header.tables !== tableParamCount(shape) || header.owners !== shape.idBuckets)
    throw new TwoTowerBytesError('header array lengths disagree with its shape');
  let at = 12 + Math.ceil(jsonBytes / 4) * 4;
  if (at + 4 * (header.dense + header.tables + header.owners) !== bytes.length) throw new TwoTowerBytesError('body length disagrees with the header');
  const floats = (n: number) => Float32Array.from({ length: n }, (_, i) => view.getFloat32(at + 4 * i, true));
  const dense = floats(header.dense);
  at += 4 * header.dense;
  const tables = floats(header.tables);
  at += 4 * header.tables;
  const owners = Uint32Array.from({ length: header.owners }, (_, i) => view.getUint32(at + 4 * i, true));
  return { shape, dense, tables, owners };
}
