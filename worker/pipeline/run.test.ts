import { describe, expect, it } from 'vitest';
import { dedupe } from '../filters/dedupe.js';
import { servedInCursor } from '../filters/served-in-cursor.js';
import { servedHash } from '../routes/cursor.js';
import { fallbackFromChain } from './fallback.js';
import { runPipeline } from './run.js';
import type { Candidate, CandidateSource, PageQuery, Pipeline, SourceItem } from './types.js';

const items = (origin: string, ...ids: string[]): SourceItem[] =>
  ids.map((video_id, i) => ({ video_id, creator_id: 'c', category: 'k', sources: ['popular'], source: 'popular', score: 1 - i / 10, reason: origin, origin }));

const fixed = (name: string, ...ids: string[]): CandidateSource<PageQuery> => ({ name, fetch: async () => ({ items: items(name, ...ids) }) });

/** Answers only when aborted: a dependency slower than any budget (the fault is the point). */
const stalled = (aborted: string[]): CandidateSource<PageQuery> => ({
  name: 'Stalled',
  fetch: (_q, signal) =>
    new Promise((resolve) => signal.addEventListener('abort', () => (aborted.push('Stalled'), resolve({ items: items('Stalled', 'late') })))),
});
const broken: CandidateSource<PageQuery> = {
  name: 'Broken',
  fetch: async () => {
    throw new TypeError('bug in a source');
  },
};

const pipeline = (sources: Pipeline<PageQuery>['sources']): Pipeline<PageQuery> => ({ name: 'test', sources, filters: [dedupe(), servedInCursor()] });

describe('runPipeline', () => {
  it('fails open on a timeout: the stalled source is aborted and the next one serves', async () => {
    const aborted: string[] = [];
    const p = pipeline([
      { source: stalled(aborted), when: 'always', budgetMs: 20, failOpen: true, fallbackReason: 'primary' },
      { source: fixed('Backup', 'b1', 'b2'), when: 'if-short', budgetMs: 1000, failOpen: true },
    ]);
    const result = await runPipeline(p, { n: 5, served: new Set<number>() });
    expect(result.page.map((c) => c.video_id)).toEqual(['b1', 'b2']);
    expect(result.report.chain.map((s) => s.status)).toEqual(['timeout', 'ok']);
    expect(result.report.chain[0]!.ms).toBeGreaterThanOrEqual(15);
    expect(aborted).toEqual(['Stalled']);
    expect(fallbackFromChain(p.sources, result.report.chain)).toEqual({
      reason: 'primary-timeout',
      detail: 'Stalled timeout (no answer within 20 ms); served by Backup',
    });
  });

  it('fails open on an error only when the policy says so', async () => {
    const open = pipeline([
      { source: broken, when: 'always', budgetMs: 100, failOpen: true },
      { source: fixed('Backup', 'b1'), when: 'if-short', budgetMs: 100, failOpen: true },
    ]);
    const result = await runPipeline(open, { n: 1, served: new Set<number>() });
    expect(result.report.chain[0]).toMatchObject({ status: 'error', detail: 'TypeError: bug in a source' });
    expect(result.page.map((c) => c.video_id)).toEqual(['b1']);
    const closed = pipeline([{ source: broken, when: 'always', budgetMs: 100, failOpen: false }]);
    await expect(runPipeline(closed, { n: 1, served: new Set<number>() })).rejects.toThrow('bug in a source');
  });

  it('runs if-short sources until the filtered stream can fill the page plus one', async () => {
    const p = pipeline([
      { source: fixed('A', 'a1', 'a2', 'a3'), when: 'always', budgetMs: 100, failOpen: true },
      { source: fixed('B', 'a3', 'b1'), when: 'if-short', budgetMs: 100, failOpen: true },
      { source: fixed('C', 'c1'), when: 'if-short', budgetMs: 100, failOpen: true },
    ]);
    const first = await runPipeline(p, { n: 2, served: new Set<number>() });
    expect(first.report.chain.map((s) => s.status)).toEqual(['ok', 'skipped', 'skipped']);
    expect(first.hasMore).toBe(true);
    const second = await runPipeline(p, { n: 2, served: new Set(['a1', 'a2'].map(servedHash)) });
    // Stream: a1 a2 a3 | a3(dup) b1 | c1; a1 and a2 were served, so the page is a3, b1.
    expect(second.page.map((c) => [c.video_id, c.rank])).toEqual([['a3', 2], ['b1', 4]]);
    expect(second.report.counts).toEqual({ candidates_in: 6, removed: { Dedupe: 1, ServedInCursor: 2 }, out: 2 });
    expect(second.hasMore).toBe(true);
    const last = await runPipeline(p, { n: 2, served: new Set(['a1', 'a2', 'a3', 'b1'].map(servedHash)) });
    expect(last.page.map((c) => c.video_id)).toEqual(['c1']);
    expect(last.hasMore).toBe(false);
  });

  it('skips if-empty sources once anything was found', async () => {
    const p = pipeline([
      { source: fixed('A', 'a1'), when: 'always', budgetMs: 100, failOpen: true, fallbackReason: 'a' },
      { source: fixed('B', 'b1'), when: 'if-empty', budgetMs: 100, failOpen: true },
    ]);
    const result = await runPipeline(p, { n: 5, served: new Set<number>() });
    expect(result.page.map((c) => c.video_id)).toEqual(['a1']);
    expect(result.report.chain[1]!.status).toBe('skipped');
    expect(fallbackFromChain(p.sources, result.report.chain)).toBeNull();
  });
});

describe('scorers and rerankers', () => {
  const source = fixed('A', 'a1', 'a2', 'a3', 'a4');
  const base = (extra: Partial<Pipeline<PageQuery>>): Pipeline<PageQuery> => ({
    ...pipeline([{ source, when: 'always', budgetMs: 100, failOpen: true }]),
    ...extra,
  });
  const byId: Record<string, number> = { a1: 0.1, a2: 0.9, a3: 0.5, a4: 0.7 };
  const light = { name: 'Light', score: async (cs: { video_id: string }[]) => cs.map((c) => byId[c.video_id]!) };

  it('orders by the last scorer and keeps each score as a part', async () => {
    const result = await runPipeline(base({ scorers: [{ scorer: light, budgetMs: 100, failOpen: true }] }), { n: 3, served: new Set<number>() });
    expect(result.page.map((c) => c.video_id)).toEqual(['a2', 'a4', 'a3']);
    expect(result.page[0]!.parts).toEqual({ Light: 0.9 });
    expect(result.hasMore).toBe(true);
    expect(result.report.scorers).toMatchObject([{ source: 'Light', status: 'ok', count: 4 }]);
  });

  it('fails open when a scorer is slower than its budget: the stream order stands', async () => {
    const slow = { name: 'Slow', score: (_c: unknown, _q: unknown, signal: AbortSignal) => new Promise<number[]>((resolve) => signal.addEventListener('abort', () => resolve([]))) };
    const result = await runPipeline(base({ scorers: [{ scorer: slow, budgetMs: 20, failOpen: true }] }), { n: 4, served: new Set<number>() });
    expect(result.page.map((c) => c.video_id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(result.report.scorers[0]).toMatchObject({ source: 'Slow', status: 'timeout' });
  });

  it('serves the first n of what the rerankers leave, in their order', async () => {
    const reverse = { name: 'Reverse', rerank: (cs: Candidate[]) => [...cs].reverse() };
    const result = await runPipeline(base({ rerankers: [reverse] }), { n: 2, served: new Set<number>() });
    expect(result.page.map((c) => c.video_id)).toEqual(['a4', 'a3']);
    expect(result.report.rerankers.map((r) => r.stage)).toEqual(['Reverse']);
  });
});
