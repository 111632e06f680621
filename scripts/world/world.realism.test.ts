// The small seeded world shows what real short-video logs show: concentrated tastes, position bias,
// mostly-low watch ratios with a tail of full views, rare likes after long watches, follows that
// lift later engagement, regional daily trends, and new users who watch less but longer.
import { beforeAll, describe, expect, it } from 'vitest';
import { NEW_USER_DAYS } from './engagement.js';
import { impressionOutcomes, loadWorld, rate, type LoadedWorld } from './test-world.js';

let w: LoadedWorld;
let imps: ReturnType<typeof impressionOutcomes>;
beforeAll(async () => {
  w = await loadWorld();
  imps = impressionOutcomes(w.events);
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('generated world: realism', () => {
  it('gives users concentrated tastes: the top 3 of 24 categories hold most of the mass', () => {
    const top3 = [...w.truth.users.values()].map((u) => [...Array.from(u.taste)].sort((a, b) => b - a).slice(0, 3).reduce((a, b) => a + b, 0));
    expect(median(top3)).toBeGreaterThan(0.6);
  });

  it('shows position bias: view rate decays with feed position', () => {
    const band = (lo: number, hi: number) => rate(imps.filter((i) => i.position >= lo && i.position <= hi).map((i) => i.viewed));
    const curve = [band(0, 0), band(1, 2), band(3, 5), band(6, 10), band(11, 80)];
    for (let k = 1; k < curve.length; k++) expect(curve[k]).toBeLessThan(curve[k - 1]!);
    expect(curve[0]! / curve[4]!).toBeGreaterThan(1.7);
  });

  it('has mostly low watch ratios (median < 0.5) and a tail of full views', () => {
    const ratios = imps.filter((i) => i.viewed).map((i) => i.ratio!);
    expect(median(ratios)).toBeLessThan(0.5);
    expect(ratios.filter((r) => r >= 0.95).length / ratios.length).toBeGreaterThan(0.1);
    expect(w.result.summary.median_watch_ratio).toBeLessThan(0.5);
  });

  it('makes likes rare and far more likely after long watches', () => {
    const views = imps.filter((i) => i.viewed);
    const likePerView = rate(views.map((i) => i.liked));
    expect(likePerView).toBeGreaterThan(0.01);
    expect(likePerView).toBeLessThan(0.1);
    const long = rate(views.filter((i) => i.ratio! > 0.8).map((i) => i.liked));
    const short = rate(views.filter((i) => i.ratio! < 0.2).map((i) => i.liked));
    expect(long).toBeGreaterThan(4 * short);
  });

  it('makes dislikes rare and likelier on categories the user does not care for', () => {
    const tasteOf = (i: (typeof imps)[number]) => {
      const u = w.truth.users.get(i.user)!;
      return u.taste[w.truth.videos.get(i.video)!.category]! * u.taste.length;
    };
    expect(rate(imps.map((i) => i.disliked))).toBeLessThan(0.03);
    const low = rate(imps.filter((i) => tasteOf(i) < 0.5).map((i) => i.disliked));
    const high = rate(imps.filter((i) => tasteOf(i) > 2).map((i) => i.disliked));
    expect(low).toBeGreaterThan(2 * high);
  });

  it('lifts engagement with a creator after the user follows them', () => {
    const follows = w.truth.follows;
    expect(follows.size).toBeGreaterThan(30);
    const followed = new Set([...follows.keys()].map((k) => k.split('|')[1]!));
    const before: boolean[] = [];
    const after: boolean[] = [];
    const others: boolean[] = [];
    // The view that led to a follow is viewed by construction; leave those videos out of "before".
    const trigger = new Set(w.events.filter((e) => e.type === 'follow').map((e) => `${e.user_id}|${e.video_id}`));
    for (const i of imps) {
      const creator = w.truth.videos.get(i.video)!.creator_id;
      if (!followed.has(creator) || trigger.has(`${i.user}|${i.video}`)) continue;
      const at = follows.get(`${i.user}|${creator}`);
      (at === undefined ? others : i.ts > at ? after : before).push(i.viewed);
    }
    expect(after.length).toBeGreaterThan(100);
    // Position bias caps any view rate near the mean examination (~0.5), which compresses the lift.
    expect(rate(after)).toBeGreaterThan(1.12 * rate(before));
    expect(rate(after)).toBeGreaterThan(1.8 * rate(others));
  });

  it('has regional trends: the most viewed videos differ by day and by region', () => {
    const views = new Map<string, Map<string, number>>(); // region|day → video → views
    const userRegion = new Map(w.users.map((u) => [u.user_id, u.region]));
    for (const e of w.events.filter((x) => x.type === 'view')) {
      const key = `${userRegion.get(e.user_id)}|${e.day}`;
      const m = views.get(key) ?? views.set(key, new Map()).get(key)!;
      m.set(e.video_id, (m.get(e.video_id) ?? 0) + 1);
    }
    const top = (region: string, day: string) => [...(views.get(`${region}|${day}`) ?? [])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    const days = w.result.days;
    const regions = ['us', 'br', 'in', 'jp'];
    const differ = (pairs: [string | undefined, string | undefined][]) => pairs.filter(([a, b]) => a !== b).length / pairs.length;
    const acrossDays = regions.flatMap((r) => days.slice(1).map((d, k): [string | undefined, string | undefined] => [top(r, d), top(r, days[k]!)]));
    const acrossRegions = days.flatMap((d) => regions.slice(1).map((r, k): [string | undefined, string | undefined] => [top(r, d), top(regions[k]!, d)]));
    expect(differ(acrossDays)).toBeGreaterThan(0.6);
    expect(differ(acrossRegions)).toBeGreaterThan(0.6);
    // the trend lists are what moves the top: a region's top video of the day is usually trending there
    const tops = regions.flatMap((r) => days.map((d) => w.truth.trends.has(`${r}|${d}|${top(r, d)}`)));
    expect(rate(tops)).toBeGreaterThan(0.5);
  });

  it('has new users (signed up in the last week) with fewer views but higher watch ratios', () => {
    const cutoff = w.result.end_ts - NEW_USER_DAYS * 86_400_000;
    const isNew = new Set(w.users.filter((u) => (u.signup_ts as number) >= cutoff).map((u) => u.user_id));
    expect(isNew.size).toBeGreaterThan(15);
    const views = imps.filter((i) => i.viewed);
    const perUser = (nu: boolean) => views.filter((i) => isNew.has(i.user) === nu).length / (nu ? isNew.size : w.users.length - isNew.size);
    expect(perUser(true)).toBeLessThan(0.5 * perUser(false));
    const meanRatio = (nu: boolean) => {
      const r = views.filter((i) => isNew.has(i.user) === nu).map((i) => i.ratio!);
      return r.reduce((a, b) => a + b, 0) / r.length;
    };
    expect(meanRatio(true)).toBeGreaterThan(meanRatio(false) + 0.05);
  });
});
