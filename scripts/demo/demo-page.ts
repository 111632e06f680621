// Drives the demo page (worker/demo/) in a real browser through the attributes it promises: cards with
// data-video-id / data-creator-id / data-position, buttons with data-action, #feed counting finished
// loads in data-loads, #status carrying data-state. Every wait ends on success or on the page's own
// error state, whose text is then the failure.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (CI installs the package); playwright-core downloads no browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export const hasChromium = () => existsSync(CHROMIUM_PATH);

export const launchChromium = (timeoutMs: number): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: timeoutMs });

export type ShownCard = { videoId: string; creatorId: string; position: number; title: string; duration: string; reason: string; source: string };

export type DemoPage = {
  open(base: string, apiKey: string): Promise<void>;
  /** Types a user id and loads the first page. */
  enterUser(userId: string): Promise<ShownCard[]>;
  /** Presses "New user" (a random id) and returns it with its first page. */
  newUser(): Promise<{ userId: string; cards: ShownCard[] }>;
  /** The first page again (realtime effects apply). */
  refresh(): Promise<ShownCard[]>;
  nextPage(): Promise<ShownCard[]>;
  /** Presses like / skip / dislike / follow on a card; resolves once the event is accepted. */
  act(videoId: string, action: 'like' | 'skip' | 'dislike' | 'follow'): Promise<void>;
  /** What the page says about the last answer (fallbacks, realtime unavailable, missing titles). */
  notes(): Promise<string>;
};

export function demoPage(page: Page, timeoutMs: number): DemoPage {
  const attr = async (sel: string, name: string) => (await page.locator(sel).getAttribute(name)) ?? '';
  const statusText = async () => (await page.locator('#status').textContent()) ?? '';

  async function cards(): Promise<ShownCard[]> {
    const out: ShownCard[] = [];
    for (const card of await page.locator('#feed > .card').all()) {
      const field = async (f: string) => ((await card.locator(`[data-field="${f}"]`).textContent()) ?? '').trim();
      out.push({
        videoId: (await card.getAttribute('data-video-id')) ?? '',
        creatorId: (await card.getAttribute('data-creator-id')) ?? '',
        position: Number(await card.getAttribute('data-position')),
        title: await field('title'),
        duration: await field('duration'),
        reason: await field('reason'),
        source: await field('source'),
      });
    }
    return out;
  }

  /** Clicks `action` and waits for the next finished load (or the page's error state). */
  async function load(action: 'load' | 'refresh' | 'next' | 'new-user'): Promise<ShownCard[]> {
    const loads = Number(await attr('#feed', 'data-loads'));
    await page.locator(`button[data-action="${action}"]`).click({ timeout: timeoutMs });
    await page.waitForSelector(`#feed[data-loads="${loads + 1}"], #status[data-state="error"]`, { timeout: timeoutMs });
    if ((await attr('#status', 'data-state')) === 'error') throw new Error(`the page reports: ${await statusText()}`);
    return cards();
  }

  return {
    async open(base, apiKey) {
      await page.goto(`${base}/?key=${encodeURIComponent(apiKey)}`, { timeout: timeoutMs });
    },
    async enterUser(userId) {
      await page.locator('#user').fill(userId);
      return load('load');
    },
    async newUser() {
      const cards = await load('new-user');
      return { userId: await page.locator('#user').inputValue(), cards };
    },
    refresh: () => load('refresh'),
    nextPage: () => load('next'),
    async act(videoId, action) {
      const card = page.locator(`#feed > .card[data-video-id="${videoId}"]`);
      await card.locator(`button[data-action="${action}"]`).click({ timeout: timeoutMs });
      await page.waitForSelector(`#feed > .card[data-video-id="${videoId}"][data-state="${action}"], #status[data-state="error"]`, { timeout: timeoutMs });
      if ((await attr('#status', 'data-state')) === 'error') throw new Error(`the page reports: ${await statusText()}`);
      if ((await card.getAttribute('data-realtime')) === 'degraded') throw new Error(`${action} on ${videoId} was logged but missed the realtime state`);
    },
    notes: async () => (await page.locator('#notes').textContent()) ?? '',
  };
}
