// The demo page at GET /: one self-contained HTML document (inline style and script, nothing loaded
// from elsewhere, so it works offline and under a hash-only CSP). Static: everything it shows comes
// from the API at run time (/v1/feed, /v1/catalogue, /v1/events).
import { DEMO_SCRIPT } from './page-script.js';
import { DEMO_STYLE } from './page-style.js';

const ACTIONS = ['like', 'skip', 'dislike', 'follow'] as const;

const CARD = `<li class="card">
  <h2 data-field="title"></h2>
  <p><span data-field="creator"></span> · <span data-field="category"></span> · <span data-field="duration"></span></p>
  <p>why: <span data-field="reason"></span> · source: <span data-field="source"></span></p>
  <div class="actions">${ACTIONS.map((a) => `<button type="button" data-action="${a}">${a}</button>`).join('')}</div>
  <p class="done" data-field="done"></p>
</li>`;

const TITLE = 'Edgefeed demo';

/** The page; its <style> and <script> bodies are exactly DEMO_STYLE and DEMO_SCRIPT (the CSP hashes them). */
export function renderDemoPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${TITLE}</title><style>${DEMO_STYLE}</style></head>
<body>
<header>
  <h1>${TITLE}</h1>
  <label>User id <input id="user" autocomplete="off" spellcheck="false" placeholder="a user id"></label>
  <button type="button" data-action="new-user">New user</button>
  <button type="button" data-action="load">Load feed</button>
  <label>API key (for events) <input id="key" type="password" autocomplete="off"></label>
</header>
<p id="status" role="status" aria-live="polite" data-state="idle">Pick a user to see their feed; like, skip, dislike or follow a video, then refresh.</p>
<p id="notes" class="note"></p>
<ol id="feed" data-loads="0"></ol>
<nav>
  <button type="button" data-action="refresh">Refresh</button>
  <button type="button" id="next" data-action="next" disabled>Next page</button>
</nav>
<footer><a href="/report">Latest evaluation report</a> · <a href="/docs">API docs</a> · <a href="/healthz">Health</a></footer>
<template id="card">${CARD}</template>
<script>${DEMO_SCRIPT}</script>
</body></html>`;
}
