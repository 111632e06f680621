import { beforeAll, describe, expect, it } from 'vitest';
import type { Video } from '../../models/schemas.js';
import { holdoutEval, type HoldoutReport } from './holdout-eval.js';
import { categoryShares, loadTwoTower, trainTwoTower, TwoTowerBytesError, type TwoTowerModel } from './index.js';
import { dotScores, pairwiseAuc } from './retrieval-eval.js';
import { tasteWorld } from './taste-world.js';

// Users prefer one category; the last 20% of positives (in time) are held out.
const w = tasteWorld();
const cut = Math.floor(w.positives.length * 0.8);
const train = w.positives.slice(0, cut), heldOut = w.positives.slice(cut);
const nowMs = train.at(-1)!.ts;
const input = { videos: w.videos, users: w.users, positives: train, nowMs };
const opts = { epochs: 8, batchSize: 128, seed: 3 };
const evaluate = (m: TwoTowerModel) =>
  holdoutEval(m, { candidates: [...w.videos.values()], videos: w.videos, users: w.users, train, heldOut, nowMs, k: 20, popularTop: 10 });

let on: Awaited<ReturnType<typeof trainTwoTower>>, off: TwoTowerModel, evalOn: HoldoutReport, evalOff: HoldoutReport;
beforeAll(async () => {
  on = await trainTwoTower(input, { ...opts, logQ: true });
  off = await trainTwoTower(input, { ...opts, logQ: false });
  [evalOn, evalOff] = [evaluate(on), evaluate(off)];
});

const historyOf = (user: string) => train.filter((p) => p.user_id === user).map((p) => p.video_id).reverse();
const userVec = (m: TwoTowerModel, user: string) => m.userVector(w.users.get(user), historyOf(user), categoryShares(historyOf(user), w.videos));

describe('two-tower on a world with known tastes', () => {
  it('training loss decreases', () => {
    const l = on.training.epochLosses;
    expect(l).toHaveLength(opts.epochs);
    expect(l.at(-1)!).toBeLessThan(l[0]! - 0.1);
  });

  it('recall@20 on later positives clearly beats popularity', () => {
    expect(evalOn.users).toBeGreaterThan(100);
    expect(evalOn.recall).toBeGreaterThan(1.5 * evalOn.popularityRecall);
  });

  it('log-Q correction stops over-penalising popular items: more of them in the lists, recall kept', () => {
    // Uncorrected in-batch softmax learns log p(item|user) − log q(item), which under-ranks popular items.
    expect(evalOn.popularShare).toBeGreaterThan(evalOff.popularShare);
    expect(evalOn.recall).toBeGreaterThan(0.9 * evalOff.recall);
  });

  it('ranks never-trained videos of a user\'s favourite category above other new videos', () => {
    const cold = on.itemVectors(w.cold, nowMs);
    const aucs = [...w.users.keys()].map((u) => {
      const s = dotScores(cold, on.dims, userVec(on, u)), fav = w.favourite.get(u);
      return pairwiseAuc(w.cold.flatMap((v, i) => (v.category === fav ? [s[i]!] : [])), w.cold.flatMap((v, i) => (v.category !== fav ? [s[i]!] : [])));
    });
    expect(aucs.reduce((a, b) => a + b, 0) / aucs.length).toBeGreaterThan(0.7);
  });

  it('gives a new user without history a vector from profile alone that matches their region\'s taste', () => {
    // In this world a user's region names their favourite category 70%+ of the time.
    const cold = on.itemVectors(w.cold, nowMs);
    const aucs = ['cat0', 'cat1', 'cat2', 'cat3', 'cat4', 'cat5'].map((c, k) => {
      const s = dotScores(cold, on.dims, on.userVector({ user_id: 'new', region: `r${k}`, language: 'en', device: 'ios', signup_ts: nowMs }, []));
      return pairwiseAuc(w.cold.flatMap((v, i) => (v.category === c ? [s[i]!] : [])), w.cold.flatMap((v, i) => (v.category !== c ? [s[i]!] : [])));
    });
    expect(Math.min(...aucs)).toBeGreaterThan(0.7);
  });

  it('an unseen id contributes nothing of its own: two new ids with equal content get equal vectors, a trained id does not', () => {
    const base = w.videos.get(train[0]!.video_id)!;
    const twin = (id: string): Video => ({ ...base, video_id: id });
    const [a, b, trained] = [0, 1, 2].map((i) => on.itemVectors([[twin('brand-new-1'), twin('brand-new-2'), base][i]!], nowMs));
    expect([...a!]).toEqual([...b!]);
    expect([...trained!]).not.toEqual([...a!]);
  });

  it('toBytes → loadTwoTower restores identical vectors and rejects corrupt bytes', () => {
    const bytes = on.toBytes(), back = loadTwoTower(bytes);
    const user = [...w.users.keys()][5]!;
    expect([...back.userVector(w.users.get(user), historyOf(user), categoryShares(historyOf(user), w.videos))]).toEqual([...userVec(on, user)]);
    expect([...back.itemVectors([...w.videos.values(), ...w.cold], nowMs)]).toEqual([...on.itemVectors([...w.videos.values(), ...w.cold], nowMs)]);
    expect([...back.toBytes()]).toEqual([...bytes]);
    expect(() => loadTwoTower(bytes.subarray(0, bytes.length - 4))).toThrow(TwoTowerBytesError);
    const bad = bytes.slice();
    bad[0] = 0;
    expect(() => loadTwoTower(bad)).toThrow(TwoTowerBytesError);
  });

  it('is reproducible for a seed on one thread, and the seed matters', async () => {
    const small = { ...opts, epochs: 1, backend: 'ts' as const };
    const few = { ...input, positives: train.slice(0, 2048) };
    const [a, b, c] = await Promise.all([1, 1, 2].map((seed) => trainTwoTower(few, { ...small, seed })));
    expect([...a!.toBytes()]).toEqual([...b!.toBytes()]);
    expect([...a!.toBytes()]).not.toEqual([...c!.toBytes()]);
  });
});
