// Percentiles and status counts over a run of feed samples: what the feed-cost report prints per
// variant (sequential, concurrent).
import type { FeedSample } from './feed-sample.js';

export type Spread = { p50: number; p90: number; p99: number; max: number; mean: number; n: number };

/** Linear-interpolated percentile (q in [0, 1]) of already sorted values. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

const round = (x: number) => Math.round(x * 100) / 100;

export function spread(values: readonly number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { p50: round(percentile(s, 0.5)), p90: round(percentile(s, 0.9)), p99: round(percentile(s, 0.99)), max: round(s.at(-1) ?? Number.NaN), mean: round(mean), n: s.length };
}

/** How many samples had each value. */
export function countBy<T>(xs: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) {
    const k = key(x);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** Per stage name, the spread of its ms over the samples that ran it. */
function stageSpreads(samples: readonly FeedSample[], kind: 'sources' | 'filters' | 'scorers' | 'rerankers') {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s[kind])))];
  return Object.fromEntries(names.map((n) => [n, spread(samples.flatMap((s) => (n in s[kind] ? [s[kind][n]!] : [])))]));
}

export function summariseSamples(samples: readonly FeedSample[], light = 'LightRanker') {
  const scorerNames = [...new Set(samples.flatMap((s) => Object.keys(s.scorerStatus)))];
  const ranLight = samples.filter((s) => s.scorerStatus[light] === 'ok');
  return {
    client_ms: spread(samples.map((s) => s.clientMs)),
    worker_total_ms: spread(samples.map((s) => s.totalMs)),
    worker_pipeline_ms: spread(samples.map((s) => s.pipelineMs)),
    // Only calls where the light ranker answered: a timeout's ms is the budget, not the model's cost.
    light_ranker_ms_when_ok: spread(ranLight.map((s) => s.scorers[light]!)),
    light_ranker_ok: ranLight.length,
    scorer_status: Object.fromEntries(scorerNames.map((n) => [n, countBy(samples, (s) => s.scorerStatus[n] ?? 'absent')])),
    fallbacks: countBy(samples, (s) => s.fallback ?? 'none'),
    candidates_in: spread(samples.map((s) => s.candidatesIn)),
    items_out: spread(samples.map((s) => s.items)),
    timings_ms: {
      sources: stageSpreads(samples, 'sources'),
      filters: stageSpreads(samples, 'filters'),
      scorers: stageSpreads(samples, 'scorers'),
      rerankers: stageSpreads(samples, 'rerankers'),
    },
  };
}
