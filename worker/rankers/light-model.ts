// Loads the published light model: R2 bytes → sha256 against the manifest → layout version from the
// model's metadata against this worker's lightInputs → an ORT session. Uncached; light-model-cache.ts
// keeps one per isolate. Every failure is a typed LightScoringError so the feed can fail open.
import { LIGHT_LAYOUT_META_KEY } from '../../models/light-ranker/export-onnx.js';
import { LIGHT_LAYOUT_VERSION } from '../../models/light-ranker/layout.js';
import type { Artifact, Manifest } from '../../models/schemas.js';
import {
  LightModelFetchError, LightModelLayoutError, LightModelLoadError, LightModelMissingError, LightModelShaMismatchError,
} from './errors.js';
import { sha256Hex } from '../stores/artifact-cache.js';
import { createOrtSession, readModelMetadata, type OrtSession } from './ort.js';

export { sha256Hex };

/** The manifest entry the train-ranker job publishes (R2 `models/<version>/light-ranker.onnx`). */
export const LIGHT_ARTIFACT = 'light_ranker_onnx';

export type ArtifactBucket = Pick<R2Bucket, 'get'>;

export type LightModel = {
  /** R2 key and sha256 of the bytes: together, the model's identity. */
  key: string;
  sha256: string;
  bytes: number;
  layout: string;
  session: OrtSession;
  /** Fetch + verify + session creation, in ms. */
  loadMs: number;
};

/** The light model's manifest entry; throws LightModelMissingError if it is not an R2 artifact. */
export function lightArtifact(manifest: Manifest): Artifact {
  const a = manifest.artifacts[LIGHT_ARTIFACT];
  if (!a) throw new LightModelMissingError(LIGHT_ARTIFACT, `manifest ${manifest.version} does not publish it`);
  if (a.store !== 'r2') throw new LightModelMissingError(LIGHT_ARTIFACT, `manifest ${manifest.version} puts it in ${a.store}, not r2`);
  return a;
}


async function fetchBytes(bucket: ArtifactBucket, key: string): Promise<Uint8Array> {
  try {
    const object = await bucket.get(key);
    if (object) return new Uint8Array(await object.arrayBuffer());
  } catch (cause) {
    throw new LightModelFetchError(key, cause);
  }
  throw new LightModelMissingError(LIGHT_ARTIFACT, `no R2 object at '${key}'`);
}

export async function loadLightModel(artifact: Artifact, bucket: ArtifactBucket): Promise<LightModel> {
  const started = performance.now();
  const { key } = artifact;
  const bytes = await fetchBytes(bucket, key);
  const sha256 = await sha256Hex(bytes);
  if (sha256 !== artifact.sha256) throw new LightModelShaMismatchError(key, artifact.sha256, sha256);
  let layout: string;
  try {
    layout = readModelMetadata(bytes)[LIGHT_LAYOUT_META_KEY] ?? '';
  } catch (cause) {
    throw new LightModelLoadError(key, cause);
  }
  if (layout !== LIGHT_LAYOUT_VERSION) throw new LightModelLayoutError(key, LIGHT_LAYOUT_VERSION, layout);
  let session: OrtSession;
  try {
    session = await createOrtSession(bytes);
  } catch (cause) {
    throw new LightModelLoadError(key, cause);
  }
  return { key, sha256, bytes: bytes.length, layout, session, loadMs: performance.now() - started };
}
