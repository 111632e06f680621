// The generic pipeline runner: sources under budgets and fail-open policies, then filters, then the
// page. It holds no product logic; that lives in the pipeline literals (feed-pipeline.ts...).
import { describeError, elapsedMs, withBudget } from '../budget.js';
import type { Candidate, Filter, FilterReport, PageQuery, Pipeline, PipelineResult, RunWhen, ScorerStep, StageReport, StepReport } from './types.js';

export function applyFilters<Q>(filters: Filter<Q>[], stream: Candidate[], query: Q) {
  const reports: FilterReport[] = [];
  let kept = stream;
  for (const f of filters) {
    const started = performance.now();
    const result = f.filter(kept, query);
    reports.push({ filter: f.name, removed: result.removed.length, ms: elapsedMs(started) });
    kept = result.kept;
  }
  return { kept, reports };
}

const shouldRun = (when: RunWhen, kept: number, n: number) =>
  when === 'always' || (when === 'if-short' ? kept <= n : kept === 0);

export async function runPipeline<Q extends PageQuery>(pipeline: Pipeline<Q>, query: Q): Promise<PipelineResult> {
  const started = performance.now();
  const stream: Candidate[] = [];
  const chain: StepReport[] = [];
  const meta: Record<string, string> = {};
  let kept = 0;
  for (const step of pipeline.sources) {
    const name = step.source.name;
    if (!shouldRun(step.when, kept, query.n)) {
      chain.push({ source: name, status: 'skipped', count: 0, ms: 0 });
      continue;
    }
    const outcome = await withBudget(step.budgetMs, (signal) => step.source.fetch(query, signal));
    if (outcome.status === 'ok') {
      const { items, detail } = outcome.value;
      for (const item of items) stream.push({ ...item, rank: stream.length });
      for (const [k, v] of Object.entries(outcome.value.meta ?? {})) meta[k] ??= v;
      const status = items.length > 0 ? 'ok' : 'miss';
      chain.push({ source: name, status, count: items.length, ms: outcome.ms, ...(detail && { detail }) });
      // Re-filter the whole stream: later sources are skipped once the filtered stream fills the page.
      kept = applyFilters(pipeline.filters, stream, query).kept.length;
      continue;
    }
    if (outcome.status === 'error' && !step.failOpen) throw outcome.error;
    const detail = outcome.status === 'timeout' ? `no answer within ${outcome.budgetMs} ms` : describeError(outcome.error);
    if (outcome.status === 'error') console.error(`[${pipeline.name}] source ${name} failed open: ${detail}`);
    chain.push({ source: name, status: outcome.status, count: 0, ms: outcome.ms, detail });
  }

  const { kept: survivors, reports } = applyFilters(pipeline.filters, stream, query);
  const scored = await applyScorers(pipeline.name, pipeline.scorers ?? [], survivors, query);
  let ordered = scored.candidates;
  const rerankers: StageReport[] = [];
  for (const r of pipeline.rerankers ?? []) {
    const t = performance.now();
    ordered = r.rerank(ordered, query);
    rerankers.push({ stage: r.name, ms: elapsedMs(t) });
  }
  const page = ordered.slice(0, query.n);
  return {
    page,
    hasMore: ordered.length > query.n,
    meta,
    report: {
      chain,
      filters: reports,
      scorers: scored.reports,
      rerankers,
      counts: {
        candidates_in: stream.length,
        removed: Object.fromEntries(reports.map((r) => [r.filter, r.removed])),
        out: page.length,
      },
      total_ms: elapsedMs(started),
    },
  };
}

/** Runs each scorer under its budget; then sorts by the final score (stable: ties keep stream order). */
export async function applyScorers<Q>(pipeline: string, steps: ScorerStep<Q>[], candidates: Candidate[], query: Q) {
  const reports: StepReport[] = [];
  let current = candidates;
  for (const step of steps) {
    const name = step.scorer.name;
    if (current.length === 0) {
      reports.push({ source: name, status: 'skipped', count: 0, ms: 0 });
      continue;
    }
    const outcome = await withBudget(step.budgetMs, (signal) => step.scorer.score(current, query, signal));
    if (outcome.status === 'ok') {
      const scores = outcome.value;
      if (scores.length !== current.length) throw new Error(`scorer ${name} returned ${scores.length} scores for ${current.length} candidates`);
      current = current.map((c, i) => ({ ...c, score: scores[i]!, parts: { ...c.parts, [name]: scores[i]! } }));
      reports.push({ source: name, status: 'ok', count: current.length, ms: outcome.ms });
      continue;
    }
    if (outcome.status === 'error' && !step.failOpen) throw outcome.error;
    const detail = outcome.status === 'timeout' ? `no answer within ${outcome.budgetMs} ms` : describeError(outcome.error);
    if (outcome.status === 'error') console.error(`[${pipeline}] scorer ${name} failed open: ${detail}`);
    reports.push({ source: name, status: outcome.status, count: 0, ms: outcome.ms, detail });
  }
  const ran = reports.some((r) => r.status === 'ok');
  return { candidates: ran ? current.map((c, i) => ({ c, i })).sort((a, b) => b.c.score - a.c.score || a.i - b.i).map((x) => x.c) : current, reports };
}
