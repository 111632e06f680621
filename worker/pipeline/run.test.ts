import { describe, expect, it } from 'vitest';
import { dedupe } from '../filters/dedupe.js';
import { seenInCursor } from '../filters/seen-in-cursor.js';
import { fallbackFromChain } from './fallback.js';
import { runPipeline } from './run.js';
import type { CandidateSource, PageQuery, Pipeline, SourceItem } from './types.js';

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

const pipeline = (sources: Pipeline<PageQuery>['sources']): Pipeline<PageQuery> => ({ name: 'test', sources, filters: [dedupe(), seenInCursor()] });

describe('runPipeline', () => {
  it('fails open on a timeout: the stalled source is aborted and the next one serves', async () => {
    const aborted: string[] = [];
    const p = pipeline([
      { source: stalled(aborted), when: 'always', budgetMs: 20, failOpen: true, fallbackReason: 'primary' },
      { source: fixed('Backup', 'b1', 'b2'), when: 'if-short', budgetMs: 1000, failOpen: true },
    ]);
    const result = await runPipeline(p, { n: 5, offset: 0 });
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
    const result = await runPipeline(open, { n: 1, offset: 0 });
    expect(result.report.chain[0]).toMatchObject({ status: 'error', detail: 'TypeError: bug in a source' });
    expect(result.page.map((c) => c.video_id)).toEqual(['b1']);
    const closed = pipeline([{ source: broken, when: 'always', budgetMs: 100, failOpen: false }]);
    await expect(runPipeline(closed, { n: 1, offset: 0 })).rejects.toThrow('bug in a source');
  });

  it('runs if-short sources until the filtered stream can fill the page plus one', async () => {
    const p = pipeline([
      { source: fixed('A', 'a1', 'a2', 'a3'), when: 'always', budgetMs: 100, failOpen: true },
      { source: fixed('B', 'a3', 'b1'), when: 'if-short', budgetMs: 100, failOpen: true },
      { source: fixed('C', 'c1'), when: 'if-short', budgetMs: 100, failOpen: true },
    ]);
    const first = await runPipeline(p, { n: 2, offset: 0 });
    expect(first.report.chain.map((s) => s.status)).toEqual(['ok', 'skipped', 'skipped']);
    expect(first.nextOffset).toBe(2);
    const second = await runPipeline(p, { n: 2, offset: 2 });
    // Stream: a1 a2 a3 | a3(dup) b1 | c1 → ranks 0..5; the page after offset 2 is a3 (2), b1 (4).
    expect(second.page.map((c) => [c.video_id, c.rank])).toEqual([['a3', 2], ['b1', 4]]);
    expect(second.report.counts).toEqual({ candidates_in: 6, removed: { Dedupe: 1, SeenInCursor: 2 }, out: 2 });
    expect(second.nextOffset).toBe(5);
    const last = await runPipeline(p, { n: 2, offset: 5 });
    expect(last.page.map((c) => c.video_id)).toEqual(['c1']);
    expect(last.nextOffset).toBeNull();
  });

  it('skips if-empty sources once anything was found', async () => {
    const p = pipeline([
      { source: fixed('A', 'a1'), when: 'always', budgetMs: 100, failOpen: true, fallbackReason: 'a' },
      { source: fixed('B', 'b1'), when: 'if-empty', budgetMs: 100, failOpen: true },
    ]);
    const result = await runPipeline(p, { n: 5, offset: 0 });
    expect(result.page.map((c) => c.video_id)).toEqual(['a1']);
    expect(result.report.chain[1]!.status).toBe('skipped');
    expect(fallbackFromChain(p.sources, result.report.chain)).toBeNull();
  });
});
