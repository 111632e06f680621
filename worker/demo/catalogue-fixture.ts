// Test fixture: a small catalogue written as the rebuild writes it (gzip NDJSON of Video rows) into
// the real R2 binding, and its manifest entry with the true sha256.
import type { Artifact, Video } from '../../models/schemas.js';

export const fixtureVideo = (id: string, i: number): Video => ({
  video_id: id,
  creator_id: `creator-${id}`,
  category: i % 2 === 0 ? 'music' : 'news',
  tags: ['fixture'],
  duration_sec: 30 + 7 * i,
  upload_ts: Date.UTC(2026, 0, 1) + i * 3_600_000,
  region: 'global',
  language: 'en',
  title: `Title of ${id}`,
});

export async function gzipText(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Puts `bytes` at `key` and returns the manifest entry that seals them. */
export async function putArtifact(bucket: R2Bucket, key: string, bytes: Uint8Array): Promise<Artifact> {
  await bucket.put(key, bytes);
  return { key, store: 'r2', sha256: await sha256Hex(bytes), bytes: bytes.length, content_type: 'application/gzip' };
}

export const putCatalogue = async (bucket: R2Bucket, key: string, videos: Video[]) => putArtifact(bucket, key, await gzipText(ndjson(videos)));
