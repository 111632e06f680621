import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { measureOutdir, WORKER_SIZE_LIMITS_GZIP_BYTES } from './bundle-size.js';

describe('measureOutdir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-size-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const js = Buffer.from('export default {};\n'.repeat(500));
  const wasm = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
  writeFileSync(join(dir, 'index.js'), js);
  writeFileSync(join(dir, 'abc-ort.wasm'), wasm);
  writeFileSync(join(dir, 'index.js.map'), '{}');
  writeFileSync(join(dir, 'README.md'), 'not uploaded');
  const m = measureOutdir(dir);

  it('splits the uploaded modules into JS and wasm, raw and gzip level 9', () => {
    expect(m.js).toMatchObject({ modules: 1, bytes: js.length, gzip_bytes: gzipSync(js, { level: 9 }).length });
    expect(m.wasm).toMatchObject({ modules: 1, bytes: wasm.length, gzip_bytes: gzipSync(wasm, { level: 9 }).length });
    expect(m.total.bytes).toBe(js.length + wasm.length);
    expect(m.not_uploaded).toEqual(['README.md', 'index.js.map']);
  });

  it('compares one gzip stream over all modules with each plan limit', () => {
    const gz = gzipSync(Buffer.concat([wasm, js]), { level: 9 }).length;
    expect(m.total.concatenated_gzip_bytes).toBe(gz);
    expect(m.limits.free).toEqual({ limit_gzip_bytes: WORKER_SIZE_LIMITS_GZIP_BYTES.free, used_percent: Math.round((gz / WORKER_SIZE_LIMITS_GZIP_BYTES.free) * 1000) / 10, fits: true });
  });
});
