// One feed call as the benchmark records it: the client's wall time and what the worker's ?debug=1
// section says about itself (total_ms, per-stage timings, each scorer's status). Read with zod, so a
// change in the debug shape fails the benchmark loudly instead of reporting zeros.
import { z } from 'zod';

const Timings = z.record(z.string(), z.number());
const DebugBody = z.object({
  version: z.string().nullable(),
  items: z.array(z.unknown()),
  fallback: z.object({ reason: z.string() }).optional(),
  debug: z.object({
    total_ms: z.number(),
    scorers: z.array(z.object({ source: z.string(), status: z.string(), count: z.number(), ms: z.number() })),
    counts: z.object({ candidates_in: z.number() }),
    timings_ms: z.object({ sources: Timings, filters: Timings, scorers: Timings, rerankers: Timings, pipeline: z.number() }),
  }),
});

export type FeedSample = {
  clientMs: number;
  totalMs: number;
  pipelineMs: number;
  candidatesIn: number;
  items: number;
  version: string | null;
  fallback: string | null;
  /** Stage name → ms, per stage kind. */
  sources: Record<string, number>;
  filters: Record<string, number>;
  scorers: Record<string, number>;
  rerankers: Record<string, number>;
  /** Scorer name → its status in this call ('ok', 'timeout', 'error', 'skipped'). */
  scorerStatus: Record<string, string>;
};

/** The sample of one 200 answer; throws naming the field when the body is not a debug feed. */
export function feedSample(clientMs: number, body: unknown): FeedSample {
  const parsed = DebugBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`feed answer is not a debug feed: ${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  const { debug: d, ...b } = parsed.data;
  return {
    clientMs,
    totalMs: d.total_ms,
    pipelineMs: d.timings_ms.pipeline,
    candidatesIn: d.counts.candidates_in,
    items: b.items.length,
    version: b.version,
    fallback: b.fallback?.reason ?? null,
    sources: d.timings_ms.sources,
    filters: d.timings_ms.filters,
    scorers: d.timings_ms.scorers,
    rerankers: d.timings_ms.rerankers,
    scorerStatus: Object.fromEntries(d.scorers.map((s) => [s.source, s.status])),
  };
}
