// Loading the published light model from the real R2 binding: the happy path, and each typed failure
// the feed fails open on (missing artifact or object, R2 outage, sha mismatch, layout, corrupt bytes).
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { LIGHT_LAYOUT_VERSION } from '../../models/light-ranker/layout.js';
import {
  LightModelFetchError, LightModelLayoutError, LightModelLoadError, LightModelMissingError, LightModelShaMismatchError, LightScoringError,
} from './errors.js';
import { lightModelBytes, lightModelKey, manifestWith, otherLayoutModelBytes, publishLight } from './fixtures/publish-light.js';
import { lightArtifact, loadLightModel, sha256Hex, type ArtifactBucket } from './light-model.js';

// A bucket with a fault injected on purpose: R2 throwing.
const failingBucket: ArtifactBucket = { get: (async () => Promise.reject(new Error('R2 GET failed: 503'))) as never };

const loadFrom = (manifest: ReturnType<typeof manifestWith>, bucket: ArtifactBucket = env.ARTIFACTS) => loadLightModel(lightArtifact(manifest), bucket);

describe('loadLightModel', () => {
  it('loads, verifies and opens the published model', async () => {
    const bytes = lightModelBytes();
    const manifest = await publishLight(env.ARTIFACTS, 'lm1', bytes);
    const model = await loadFrom(manifest);
    expect(model).toMatchObject({ key: lightModelKey('lm1'), sha256: await sha256Hex(bytes), bytes: bytes.length, layout: LIGHT_LAYOUT_VERSION });
    expect(model.session.outputNames).toEqual(['score']);
    await model.session.release();
  });

  it('a manifest without the light model, or an entry not in R2, is a missing model', () => {
    expect(() => lightArtifact(manifestWith('lm2', null))).toThrow(LightModelMissingError);
    const inKv = manifestWith('lm2', { key: 'x', sha256: '0'.repeat(64), bytes: 1 });
    inKv.artifacts.light_ranker_onnx!.store = 'kv';
    expect(() => lightArtifact(inKv)).toThrow(/puts it in kv, not r2/);
  });

  it('no object at the key is a missing model; R2 throwing is a fetch error', async () => {
    const manifest = manifestWith('lm3', { key: lightModelKey('lm3-never-written'), sha256: '0'.repeat(64), bytes: 1 });
    await expect(loadFrom(manifest)).rejects.toThrow(LightModelMissingError);
    const published = await publishLight(env.ARTIFACTS, 'lm3', lightModelBytes());
    const err = await loadFrom(published, failingBucket).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LightModelFetchError);
    expect((err as Error).cause).toMatchObject({ message: 'R2 GET failed: 503' });
  });

  it('bytes that are not the sealed ones raise LightModelShaMismatchError', async () => {
    const bytes = lightModelBytes();
    const tampered = bytes.slice();
    tampered[tampered.length - 1]! ^= 1;
    const manifest = await publishLight(env.ARTIFACTS, 'lm4', tampered, bytes);
    const err = await loadFrom(manifest).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LightModelShaMismatchError);
    expect(err).toMatchObject({ expected: await sha256Hex(bytes), actual: await sha256Hex(tampered) });
  });

  it('a model of another layout raises LightModelLayoutError', async () => {
    const manifest = await publishLight(env.ARTIFACTS, 'lm5', otherLayoutModelBytes());
    const err = await loadFrom(manifest).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LightModelLayoutError);
    expect(err).toMatchObject({ expected: LIGHT_LAYOUT_VERSION, actual: 'light-v0' });
  });

  it('corrupt bytes (sealed as they are) raise LightModelLoadError, all of them LightScoringErrors', async () => {
    const good = lightModelBytes();
    for (const [i, corrupt] of [good.subarray(0, good.length - 40), new Uint8Array(256).fill(0x7a)].entries()) {
      const err = await loadFrom(await publishLight(env.ARTIFACTS, `lm6-${i}`, corrupt)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LightModelLoadError);
      expect(err).toBeInstanceOf(LightScoringError);
    }
  });
});
