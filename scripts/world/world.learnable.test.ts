// The signal is learnable but not trivial: scoring impressions with the generator's own model
// (truth/ + engagement.ts, the oracle) separates outcomes well, so a ranker on observable features has
// room to reach useful AUCs; the Bernoulli draws and the per-session mood keep it below perfect.
import { beforeAll, describe, expect, it } from 'vitest';
import { oracleScore } from './truth-reader.js';
import { auc, impressionOutcomes, loadWorld, type LoadedWorld } from './test-world.js';

let w: LoadedWorld;
let scored: { o: NonNullable<ReturnType<typeof oracleScore>>; i: ReturnType<typeof impressionOutcomes>[number] }[];
beforeAll(async () => {
  w = await loadWorld();
  scored = impressionOutcomes(w.events).map((i) => ({ i, o: oracleScore(w.truth, i.user, i.video, i.ts, i.position)! }));
});

describe('generated world: learnability', () => {
  it('the oracle separates views from skips (AUC well above a ranker target of 0.78, below 0.95)', () => {
    const a = auc(scored.map((s) => s.o.view), scored.map((s) => s.i.viewed));
    expect(a).toBeGreaterThan(0.82);
    expect(a).toBeLessThan(0.95);
  });

  it('the oracle predicts likes, finishes and dislikes', () => {
    const views = scored.filter((s) => s.i.viewed);
    expect(auc(views.map((s) => s.o.likeGivenView), views.map((s) => s.i.liked))).toBeGreaterThan(0.78);
    expect(auc(views.map((s) => s.o.fullGivenView), views.map((s) => s.i.ratio! >= 0.95))).toBeGreaterThan(0.76);
    expect(auc(scored.map((s) => s.o.dislike), scored.map((s) => s.i.disliked))).toBeGreaterThan(0.76);
  });

  it('observable features carry the signal: a user-category history count alone ranks views', () => {
    // Per user, views so far in each category (strictly before the impression): what a ranker sees.
    const history = new Map<string, Map<number, number>>();
    const scores: number[] = [];
    const labels: boolean[] = [];
    for (const { i } of [...scored].sort((a, b) => a.i.ts - b.i.ts)) {
      const cat = w.truth.videos.get(i.video)!.category;
      const h = history.get(i.user) ?? history.set(i.user, new Map()).get(i.user)!;
      const total = [...h.values()].reduce((a, b) => a + b, 0);
      scores.push(((h.get(cat) ?? 0) + 0.1) / (total + 1) / (1 + i.position / 4));
      labels.push(i.viewed);
      if (i.viewed) h.set(cat, (h.get(cat) ?? 0) + 1);
    }
    expect(auc(scores, labels)).toBeGreaterThan(0.68);
  });

  it('the expected per-impression rates match the simulated ones (calibration within 10%)', () => {
    const sum = (f: (s: (typeof scored)[number]) => number) => scored.reduce((a, s) => a + f(s), 0);
    const expectedViews = sum((s) => s.o.view);
    const actualViews = sum((s) => (s.i.viewed ? 1 : 0));
    expect(Math.abs(expectedViews / actualViews - 1)).toBeLessThan(0.1);
    const expectedLikes = sum((s) => s.o.view * s.o.likeGivenView);
    const actualLikes = sum((s) => (s.i.liked ? 1 : 0));
    expect(Math.abs(expectedLikes / actualLikes - 1)).toBeLessThan(0.15);
  });
});
