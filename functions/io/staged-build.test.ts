import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDir, readBuildInfo, sealBuild } from './staged-build.js';
import { worldFiles } from './world-files.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sealBuild', () => {
  it('records sha256 and size of every listed file and KV list file, then marks the build complete', async () => {
    const files = worldFiles(mkdtempSync(join(tmpdir(), 'edgefeed-world-')));
    const dir = buildDir(files, 's1');
    mkdirSync(dir, { recursive: true });
    const model = new Uint8Array([3, 1, 4, 1, 5]);
    const lists = new TextEncoder().encode('not parsed when sealing');
    writeFileSync(join(dir, 'ranker.onnx'), model);
    writeFileSync(join(dir, 'candidates.ndjson.gz'), lists);
    const info = { version: 's1', created_at: new Date().toISOString(), build: { job: 'test' }, layers_over: 's0' };
    const sealed = await sealBuild(dir, { ...info, files: { ranker: { file: 'ranker.onnx', content_type: 'application/octet-stream' } } });
    expect(sealed).toMatchObject({ ...info, complete: true });
    expect(sealed.files!.ranker).toEqual({ file: 'ranker.onnx', content_type: 'application/octet-stream', sha256: sha(model), bytes: 5 });
    expect(sealed.lists).toEqual({ candidates: { file: 'candidates.ndjson.gz', sha256: sha(lists), bytes: lists.length } });
    expect(readBuildInfo(files, 's1')).toEqual(sealed);
    expect(JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8')).complete).toBe(true);
    expect(existsSync(join(dir, 'build.json.tmp'))).toBe(false);
  });

  it('refuses to seal a build whose listed file is missing, and writes no build.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgefeed-build-'));
    const info = { version: 's2', created_at: new Date().toISOString(), build: {}, files: { ranker: { file: 'gone.onnx', content_type: 'x' } } };
    await expect(sealBuild(dir, info)).rejects.toThrow(`cannot seal build s2: gone.onnx (ranker) is not in ${dir}`);
    expect(existsSync(join(dir, 'build.json'))).toBe(false);
  });
});
