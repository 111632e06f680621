// GET / in workerd: a 200 HTML page with the controls the demo needs, nothing loaded from elsewhere,
// and a CSP whose hashes are those of the page's own inline script and style.
import { describe, expect, it } from 'vitest';
import { cspHash } from './csp.js';
import { demoRoute } from './route.js';

const fetchPage = async () => {
  const res = await demoRoute.request('/');
  return { res, html: await res.text() };
};
const inline = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);

describe('GET / (demo page)', () => {
  it('answers 200 HTML with the user, key, feed and action controls', async () => {
    const { res, html } = await fetchPage();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    for (const control of ['id="user"', 'id="key"', 'id="feed"', 'id="status"', 'id="next"', 'id="card"', 'href="/report"'])
      expect(html, control).toContain(control);
    const actions = [...html.matchAll(/data-action="([\w-]+)"/g)].map((m) => m[1]);
    expect(new Set(actions)).toEqual(new Set(['new-user', 'load', 'refresh', 'next', 'like', 'skip', 'dislike', 'follow']));
    // The card template carries what the script fills in.
    for (const field of ['title', 'creator', 'category', 'duration', 'reason', 'source']) expect(html).toContain(`data-field="${field}"`);
  });

  it('loads nothing from elsewhere: no src or stylesheet attribute, no remote URL', async () => {
    const { html } = await fetchPage();
    expect(html).not.toMatch(/\ssrc=|rel="stylesheet"|https?:\/\/|url\(/);
  });

  it("sends a CSP whose only inline sources are the hashes of the page's one script and one style", async () => {
    const { res, html } = await fetchPage();
    const csp = res.headers.get('content-security-policy') ?? '';
    const [script, style] = [inline(html, 'script'), inline(html, 'style')];
    expect([script.length, style.length]).toEqual([1, 1]);
    expect(csp).toContain(`script-src ${await cspHash(script[0]!)};`);
    expect(csp).toContain(`style-src ${await cspHash(style[0]!)};`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('serves the same page and policy on every request', async () => {
    const [a, b] = [await fetchPage(), await fetchPage()];
    expect(b.html).toBe(a.html);
    expect(b.res.headers.get('content-security-policy')).toBe(a.res.headers.get('content-security-policy'));
  });

  it('answers /favicon.ico with an empty 204', async () => {
    const res = await demoRoute.request('/favicon.ico');
    expect([res.status, await res.text()]).toEqual([204, '']);
  });
});
