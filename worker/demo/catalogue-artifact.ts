// Loads the video catalogue a build published (manifest artifact 'catalogue', R2 gzip NDJSON of
// models/schemas.ts Video): R2 bytes → sha256 against the manifest → gunzip → one video per line.
// Only the fields a page shows are kept. Uncached; catalogue-cache.ts keeps one per isolate.
import type { z } from 'zod';
import { VideoSchema, type Artifact, type Manifest } from '../../models/schemas.js';
import { CatalogueCorruptError, CatalogueError, CatalogueFetchError, CatalogueMissingError, CatalogueShaMismatchError } from './errors.js';
import { sha256Hex } from '../stores/artifact-cache.js';
import { textLines } from './text-lines.js';

/** The manifest entry each build publishes (functions/rebuild/seal.ts, R2 `models/<version>/catalogue.ndjson.gz`). */
export const CATALOGUE_ARTIFACT = 'catalogue';

export const CatalogueVideoSchema = VideoSchema.pick({ video_id: true, title: true, creator_id: true, category: true, duration_sec: true, upload_ts: true });
export type CatalogueVideo = z.infer<typeof CatalogueVideoSchema>;

export type CatalogueBucket = Pick<R2Bucket, 'get'>;

export type Catalogue = {
  /** R2 key and sha256 of the bytes: together, the catalogue's identity. */
  key: string;
  sha256: string;
  bytes: number;
  videos: ReadonlyMap<string, CatalogueVideo>;
  /** Fetch + verify + decode, in ms. */
  loadMs: number;
};

/** The catalogue's manifest entry; throws CatalogueMissingError if it is not an R2 artifact. */
export function catalogueArtifact(manifest: Manifest): Artifact {
  const a = manifest.artifacts[CATALOGUE_ARTIFACT];
  if (!a) throw new CatalogueMissingError(`manifest ${manifest.version} does not publish '${CATALOGUE_ARTIFACT}'`);
  if (a.store !== 'r2') throw new CatalogueMissingError(`manifest ${manifest.version} puts '${CATALOGUE_ARTIFACT}' in ${a.store}, not r2`);
  return a;
}

async function fetchBytes(bucket: CatalogueBucket, key: string): Promise<Uint8Array> {
  let object: R2ObjectBody | null;
  try {
    object = await bucket.get(key);
    if (object) return new Uint8Array(await object.arrayBuffer());
  } catch (cause) {
    throw new CatalogueFetchError(key, cause);
  }
  throw new CatalogueMissingError(`no R2 object at '${key}'`);
}

/** Decodes gzip NDJSON into videos by id; the first line that is not a video throws CatalogueCorruptError. */
export async function decodeCatalogue(key: string, gz: Uint8Array): Promise<Map<string, CatalogueVideo>> {
  const text = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip')).pipeThrough(new TextDecoderStream());
  const videos = new Map<string, CatalogueVideo>();
  try {
    for await (const { line, lineNo } of textLines(text)) {
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new CatalogueCorruptError(key, `line ${lineNo} is not JSON`);
      }
      const parsed = CatalogueVideoSchema.safeParse(row);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new CatalogueCorruptError(key, `line ${lineNo}: ${issue?.path.join('.') || 'video'}: ${issue?.message ?? 'not a video'}`);
      }
      videos.set(parsed.data.video_id, parsed.data);
    }
  } catch (err) {
    if (err instanceof CatalogueError) throw err;
    throw new CatalogueCorruptError(key, `not gzip NDJSON (${err instanceof Error ? err.message : String(err)})`, err);
  }
  return videos;
}

export async function loadCatalogue(artifact: Artifact, bucket: CatalogueBucket): Promise<Catalogue> {
  const started = performance.now();
  const { key } = artifact;
  const bytes = await fetchBytes(bucket, key);
  const sha256 = await sha256Hex(bytes);
  if (sha256 !== artifact.sha256) throw new CatalogueShaMismatchError(key, artifact.sha256, sha256);
  const videos = await decodeCatalogue(key, bytes);
  return { key, sha256, bytes: bytes.length, videos, loadMs: performance.now() - started };
}
