// The generic pipeline runner: sources under budgets and fail-open policies, then filters, then the
// page. It holds no product logic; that lives in the pipeline literals (feed-pipeline.ts...).
import { describeError, elapsedMs, withBudget } from '../budget.js';
import type { Candidate, Filter, FilterReport, PageQuery, Pipeline, PipelineResult, RunWhen, StepReport } from './types.js';

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
  const page = survivors.slice(0, query.n);
  const last = page.at(-1);
  return {
    page,
    nextOffset: survivors.length > query.n && last ? last.rank + 1 : null,
    meta,
    report: {
      chain,
      filters: reports,
      counts: {
        candidates_in: stream.length,
        removed: Object.fromEntries(reports.map((r) => [r.filter, r.removed])),
        out: page.length,
      },
      total_ms: elapsedMs(started),
    },
  };
}
