// The demo page's script, inlined in the page and allowed by the CSP through its sha256. Plain
// browser JS in a string (not a serialised TS function: the bundler may rewrite a function's body).
// Everything it shows goes through textContent, never innerHTML. Tests drive it by attributes:
// cards carry data-video-id / data-creator-id, buttons data-action, #feed counts loads in data-loads.

/** Videos per page the demo asks the feed for. */
export const DEMO_PAGE_SIZE = 10;
/** The page's note when the feed answered without the user's realtime state (fail-open). */
export const REALTIME_MISSING_NOTE = 'realtime signals unavailable';

export const DEMO_SCRIPT = `
'use strict';
(() => {
  const PAGE_SIZE = ${DEMO_PAGE_SIZE};
  const KEY_STORE = 'edgefeed.demo.apiKey';
  const USER_STORE = 'edgefeed.demo.user';
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  let cursor = null;
  let page = 0;
  let loads = 0;

  const status = (text, state) => {
    $('status').textContent = text;
    $('status').dataset.state = state;
  };
  const fail = (err) => status('Request failed: ' + err.message, 'error');
  const errorText = (res, body) => {
    const e = body && body.error;
    return 'HTTP ' + res.status + (e ? ': ' + e.message : '');
  };
  const randomId = (prefix) =>
    prefix + '-' + Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
  const duration = (sec) => {
    const s = Math.round(sec);
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  };

  async function getJson(url, init) {
    const res = await fetch(url, init);
    const body = await res.json().catch(() => null);
    return { res, body };
  }

  /** Titles and durations of the page's videos; a missing catalogue leaves the ids showing. */
  async function catalogue(ids) {
    if (ids.length === 0) return { videos: new Map(), note: '' };
    const { res, body } = await getJson('/v1/catalogue?ids=' + ids.map(encodeURIComponent).join(','));
    if (!res.ok) return { videos: new Map(), note: 'titles unavailable: ' + errorText(res, body) };
    const note = body.fallback ? 'titles unavailable: ' + body.fallback.reason : '';
    return { videos: new Map(body.videos.map((v) => [v.video_id, v])), note };
  }

  function card(item, video) {
    const el = $('card').content.firstElementChild.cloneNode(true);
    el.dataset.videoId = item.video_id;
    el.dataset.creatorId = item.creator_id;
    el.dataset.position = String(item.position);
    const fill = (field, text) => (el.querySelector('[data-field=' + field + ']').textContent = text);
    fill('title', video ? video.title : item.video_id);
    fill('creator', item.creator_id);
    fill('category', item.category);
    fill('duration', video ? duration(video.duration_sec) : '?:??');
    fill('reason', item.reason);
    fill('source', item.source);
    return el;
  }

  async function load(next) {
    const user = $('user').value.trim();
    if (!user) return status('Enter a user id, or press "New user".', 'error');
    localStorage.setItem(USER_STORE, user);
    const query = new URLSearchParams({ user_id: user, n: String(PAGE_SIZE) });
    if (next && cursor) query.set('cursor', cursor);
    status('Loading…', 'loading');
    const { res, body } = await getJson('/v1/feed?' + query);
    if (!res.ok) return status(errorText(res, body), 'error');
    const cat = await catalogue(body.items.map((i) => i.video_id));
    page = next ? page + 1 : 1;
    cursor = body.next_cursor;
    const feed = $('feed');
    feed.replaceChildren(...body.items.map((i) => card(i, cat.videos.get(i.video_id))));
    feed.dataset.user = user;
    feed.dataset.loads = String(++loads);
    $('next').disabled = !cursor;
    const notes = [];
    if (body.fallback) notes.push('fallback: ' + body.fallback.reason);
    if (res.headers.get('x-edgefeed-realtime') === 'degraded') notes.push('${REALTIME_MISSING_NOTE}');
    if (cat.note) notes.push(cat.note);
    $('notes').textContent = notes.join(' · ');
    status('Page ' + page + ' for ' + user + ': ' + body.items.length + ' videos (build ' + body.version + ').', 'ready');
  }

  async function act(button) {
    const el = button.closest('.card');
    const type = button.dataset.action;
    const key = $('key').value.trim();
    if (!key) return status('Events need an API key: open the page with ?key=… or fill in "API key".', 'error');
    const event = {
      event_id: randomId('demo'), user_id: $('feed').dataset.user, video_id: el.dataset.videoId,
      type, ts: Date.now(), position: Number(el.dataset.position), surface: 'feed',
    };
    const headers = { 'content-type': 'application/json', 'x-api-key': key };
    const { res, body } = await getJson('/v1/events', { method: 'POST', headers, body: JSON.stringify({ events: [event] }) });
    if (res.status !== 202) return status(errorText(res, body), 'error');
    el.dataset.state = type;
    // Logged, but the realtime state missed it: the next page will not show its effect.
    const degraded = res.headers.get('x-edgefeed-realtime') === 'degraded';
    if (degraded) el.dataset.realtime = 'degraded';
    el.querySelector('[data-field=done]').textContent = type + ' recorded' + (degraded ? ' (realtime state not updated)' : '');
    status(type + ' on ' + el.dataset.videoId + ' recorded: refresh to see what it changed.', 'ready');
  }

  const actions = {
    'new-user': () => ($('user').value = randomId('demo-user'), load(false)),
    load: () => load(false),
    refresh: () => load(false),
    next: () => load(true),
    like: act, skip: act, dislike: act, follow: act,
  };

  document.addEventListener('click', async (e) => {
    const button = e.target.closest('button[data-action]');
    const run = button && actions[button.dataset.action];
    if (!run) return;
    button.disabled = true;
    try {
      await run(button);
    } catch (err) {
      fail(err);
    } finally {
      button.disabled = button.id === 'next' && !cursor;
    }
  });
  $('user').addEventListener('keydown', (e) => e.key === 'Enter' && load(false).catch(fail));
  $('key').addEventListener('change', () => localStorage.setItem(KEY_STORE, $('key').value.trim()));

  $('key').value = params.get('key') || localStorage.getItem(KEY_STORE) || '';
  $('user').value = params.get('user') || localStorage.getItem(USER_STORE) || '';
  if ($('user').value) load(false).catch(fail);
})();
`;
