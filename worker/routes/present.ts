// The JSON shapes of feed-like responses: items with their evidence, and the ?debug=1 section.
import type { Fallback } from '../pipeline/fallback.js';
import type { Candidate, PipelineResult } from '../pipeline/types.js';
import type { ManifestRead } from '../stores/manifest-reader.js';

export type ItemJson = {
  video_id: string;
  creator_id: string;
  category: string;
  source: string;
  sources: string[];
  score: number;
  /** 0-based slot in this page (the `position` events report). */
  position: number;
  reason: string;
  /** The score after each scorer. */
  score_parts?: Record<string, number>;
};

export const itemJson = (c: Candidate, position: number): ItemJson => ({
  video_id: c.video_id,
  creator_id: c.creator_id,
  category: c.category,
  source: c.source,
  sources: c.sources.length > 0 ? c.sources : [c.source],
  score: c.score,
  position,
  reason: c.reason,
  ...(c.parts && { score_parts: c.parts }),
});

export function debugJson(manifest: ManifestRead, result: PipelineResult | null, extra: Record<string, unknown> = {}) {
  const report = result?.report;
  return {
    manifest: { status: manifest.status, version: manifest.manifest?.version ?? null, ...('detail' in manifest && { detail: manifest.detail }) },
    chain: report?.chain ?? [],
    scorers: report?.scorers ?? [],
    counts: report?.counts ?? { candidates_in: 0, removed: {}, out: 0 },
    timings_ms: {
      manifest: manifest.ms,
      sources: Object.fromEntries((report?.chain ?? []).map((s) => [s.source, s.ms])),
      filters: Object.fromEntries((report?.filters ?? []).map((f) => [f.filter, f.ms])),
      scorers: Object.fromEntries((report?.scorers ?? []).map((s) => [s.source, s.ms])),
      rerankers: Object.fromEntries((report?.rerankers ?? []).map((r) => [r.stage, r.ms])),
      pipeline: report?.total_ms ?? 0,
    },
    ...extra,
  };
}

/** The manifest's own failure, when there is no version to read lists from. */
export function manifestFallback(read: ManifestRead): Fallback | null {
  if (read.status === 'ok') return null;
  if (read.status === 'missing') return { reason: 'nothing-published', detail: 'no manifest has been published yet' };
  if (read.status === 'stale') return { reason: 'manifest-stale', detail: `serving the last manifest read (${read.detail})` };
  return { reason: `manifest-${read.status}`, detail: read.detail };
}
