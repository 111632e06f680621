// The demo page end to end: the real local stack (wrangler dev + workerd, local KV/R2, redis-server
// behind the Upstash gateway) with a synthetic version and its catalogue published by the central
// publisher, driven in headless Chromium. A user's feed shows with titles from /v1/catalogue; a
// dislike pressed on the first card removes that video and demotes its creator on refresh; the next
// page follows the cursor; "New user" gets a page. Skipped only when /usr/bin/chromium is missing
// (CI installs it). Needs demoRoute and catalogueRoute mounted in worker/app.ts.
//
// The demotion is measured against a control: a twin user with the same list whose copy of the video
// is hidden by an impression instead (same session effect, no creator signal). Comparing with the
// page before the dislike would not do: with the video gone, MMR stops spacing its creator's other
// videos away from it, which can lift them past what the demotion takes away.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGE_SIZE, REALTIME_MISSING_NOTE } from '../../worker/demo/page-script.js';
import { CHROMIUM_PATH, demoPage, hasChromium, launchChromium, type ShownCard } from './demo-page.js';
import { startDemoStack, type DemoStack } from './demo-stack.js';
import { feedPage, postEvents, waitForScorers, withRealtime } from './feed-api.js';

const USER = 'bu0';
const CONTROL = 'bu0-control';
/** One browser step (a click and the answer it waits for) on a busy 2-core machine. */
const STEP_TIMEOUT_MS = 60_000;
const SETUP_TIMEOUT_MS = 240_000;

const personal = (items: { videoId: string; reason: string }[]) => items.filter((i) => i.reason !== 'exploring').map((i) => i.videoId);
const mmss = (sec: number) => `${Math.floor(Math.round(sec) / 60)}:${String(Math.round(sec) % 60).padStart(2, '0')}`;
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const chromiumThere = hasChromium();
if (!chromiumThere) console.warn(`demo.e2e skipped: no browser at ${CHROMIUM_PATH} (install Debian's chromium package)`);

describe.skipIf(!chromiumThere)('demo page in headless Chromium on the local stack', () => {
  let workDir: string | null = null;
  let demo: DemoStack | null = null;
  let browser: Browser | null = null;
  let stopNow: (() => void) | null = null;
  // wrangler, once imported, exits the process on signals: an 'exit' handler still stops what we started.
  const onExit = () => {
    stopNow?.();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  };

  beforeAll(async () => {
    process.on('exit', onExit);
    workDir = mkdtempSync(join(tmpdir(), 'edgefeed-demo-e2e-'));
    const started = performance.now();
    // A whole-feed budget the busy machine cannot overrun: past it the feed answers trending instead.
    demo = await startDemoStack({ workDir, onSpawned: (fn) => (stopNow = fn), settings: { FEED_BUDGET_MS: '10000' }, twins: { [CONTROL]: USER } });
    const base = demo.stack.base;
    for (const path of ['/', `/v1/catalogue?ids=${demo.catalogue[0]!.video_id}`]) {
      const res = await fetch(base + path);
      if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}; worker/app.ts must mount demoRoute at '/' and catalogueRoute at '/v1/catalogue'`);
    }
    const calls = await waitForScorers(base, 'bu3', SETUP_TIMEOUT_MS / 2);
    browser = await launchChromium(STEP_TIMEOUT_MS);
    console.log(`demo.e2e: stack up, scorers ready after ${calls} call(s), browser launched in ${seconds(started)} s`);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await demo?.stack.stop();
      stopNow = null;
      if (workDir) rmSync(workDir, { recursive: true, force: true });
      process.off('exit', onExit);
    }
  }, STEP_TIMEOUT_MS);

  it('shows titled cards; a dislike removes the video and demotes its creator; next page follows the cursor; a new user gets a page', async () => {
    const { stack, apiKey, catalogue } = demo!;
    const started = performance.now();
    const context = await browser!.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && problems.push(`console: ${m.text()}`));
    const ui = demoPage(page, STEP_TIMEOUT_MS);
    await ui.open(stack.base, apiKey);

    const before = await ui.enterUser(USER);
    expect(before).toHaveLength(DEMO_PAGE_SIZE);
    const titles = new Map(catalogue.map((v) => [v.video_id, v]));
    for (const card of before) {
      const video = titles.get(card.videoId);
      expect(card.title, card.videoId).toBe(video?.title);
      expect(card.duration, card.videoId).toBe(mmss(video!.duration_sec));
      expect(card.creatorId).toBe(video!.creator_id);
      expect(card.reason && card.source).toBeTruthy();
    }
    const disliked = before[0]!;

    // The control: same list, the same video hidden by an impression (no creator signal).
    await feedPage(stack.base, CONTROL, DEMO_PAGE_SIZE);
    await postEvents(stack.base, apiKey, [{ event_id: `e2e-${Date.now()}`, user_id: CONTROL, video_id: disliked.videoId, type: 'impression', ts: Date.now(), position: 0 }]);
    const controlPage = await withRealtime(() => feedPage(stack.base, CONTROL, DEMO_PAGE_SIZE), (p) => p.realtimeDegraded);
    const control = controlPage.items.map((i) => ({ videoId: i.video_id, creatorId: i.creator_id, reason: i.reason }));

    await ui.act(disliked.videoId, 'dislike');
    // A page served without realtime state (its read has a 100 ms budget) is fail-open by design: load it again.
    const after = await withRealtime(() => ui.refresh(), async () => (await ui.notes()).includes(REALTIME_MISSING_NOTE));
    const notes = await ui.notes();
    const shown = (cards: { videoId: string }[]) => cards.map((c) => c.videoId).join(' ');
    expect(notes, 'the page reports a degraded answer').toBe('');
    expect(controlPage.realtimeDegraded, 'the control page was served without realtime state').toBe(false);
    expect(after.map((c) => c.videoId)).not.toContain(disliked.videoId);
    expect(control.map((c) => c.videoId)).not.toContain(disliked.videoId);

    // Every video of the disliked creator the control shows ranks lower for the user, or is gone.
    const siblings = control.filter((c) => c.creatorId === disliked.creatorId && c.reason !== 'exploring').map((c) => c.videoId);
    expect(siblings.length, `the control page shows no other video of ${disliked.creatorId}: nothing to compare (${shown(control)})`).toBeGreaterThan(0);
    const [mine, theirs] = [personal(after), personal(control)];
    for (const id of siblings) {
      const rank = mine.indexOf(id);
      expect(rank === -1 || rank > theirs.indexOf(id), `${id} of ${disliked.creatorId}: rank ${rank} for ${USER} vs ${theirs.indexOf(id)} for the control\n${shown(after)}\n${shown(control)}`).toBe(true);
    }

    const next: ShownCard[] = await ui.nextPage();
    expect(next.length).toBeGreaterThan(0);
    expect(next.filter((c) => after.some((a) => a.videoId === c.videoId))).toEqual([]);
    // A new user has no list of their own: the onboarding mix (trending, well-finished videos) fills the page.
    const fresh = await ui.newUser();
    expect(fresh.userId).toMatch(/^demo-user-[0-9a-f]+$/);
    expect(fresh.cards.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
    console.log(`demo.e2e: browser flow in ${seconds(started)} s`);
  }, 300_000);
});
