import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VectorsFileError } from './errors.js';
import { decodeVectors, encodeVectors, readVectorsFile, writeVectorsFile } from './vectors-file.js';

const sample = {
  dims: 3,
  ids: ['v_1', 'vidéo-é', 'u"quote'],
  data: Float32Array.from([0.1, -2.5, 3e-8, 1, 0, -0, 7.25, 3.4e38, -1e-3]),
};

describe('vectors file', () => {
  it('round-trips ids and float32 values bit-for-bit through disk', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vectors-')), 'items.f32');
    await writeVectorsFile(path, sample);
    const back = await readVectorsFile(path);
    expect(back.dims).toBe(3);
    expect(back.ids).toEqual(sample.ids);
    expect(new Uint32Array(back.data.buffer)).toEqual(new Uint32Array(sample.data.buffer));
  });

  it('lays out a 20-byte header, the padded id map, then little-endian floats', () => {
    const bytes = encodeVectors({ dims: 2, ids: ['a'], data: Float32Array.from([1, -2]) });
    const view = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('EFVC');
    expect([view.getUint32(4, true), view.getUint32(8, true), view.getUint32(12, true), view.getUint32(16, true)]).toEqual([1, 2, 1, 5]);
    expect(bytes.length).toBe(20 + 8 + 8); // '["a"]' is 5 bytes, padded to 8
    expect([view.getFloat32(28, true), view.getFloat32(32, true)]).toEqual([1, -2]);
  });

  it('rejects truncated, foreign or inconsistent files', () => {
    const bytes = encodeVectors(sample);
    expect(() => decodeVectors(bytes.subarray(0, bytes.length - 4))).toThrow(VectorsFileError);
    const foreign = bytes.slice();
    foreign[0] = 0x58;
    expect(() => decodeVectors(foreign)).toThrow(/magic/);
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(4, 2, true);
    expect(() => decodeVectors(newer)).toThrow(/version/);
    expect(() => encodeVectors({ dims: 4, ids: ['a'], data: new Float32Array(3) })).toThrow(VectorsFileError);
  });
});
