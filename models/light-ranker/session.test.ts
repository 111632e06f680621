import { describe, expect, it } from 'vitest';
import { SessionOrderError } from './errors.js';
import { applySessionEvent, newSession, RECENT_WATCHES, SESSION_IDLE_MS, sessionTracker, sessionView } from './session.js';

const MIN = 60_000;
const T = 1_800_000_000_000;
const view = (ts: number, category: string, creator_id = 'c0') => ({ type: 'view', ts, category, creator_id });

describe('session tracker', () => {
  it('counts skips and watches within a session and starts a new one after 30 min idle', () => {
    const s = newSession();
    for (const e of [{ type: 'impression', ts: T }, view(T + MIN, 'music'), { type: 'skip', ts: T + 2 * MIN }, { type: 'skip', ts: T + 3 * MIN }]) applySessionEvent(s, e);
    expect(sessionView(s, T + 4 * MIN)).toMatchObject({ sessionSkips: 2, sessionWatches: 1, isNewSession: false, sinceLastVisitMs: null });
    // exactly 30 min idle is still the same session; one ms more is a new one
    expect(sessionView(s, T + 3 * MIN + SESSION_IDLE_MS).isNewSession).toBe(false);
    const fresh = sessionView(s, T + 3 * MIN + SESSION_IDLE_MS + 1);
    expect(fresh).toMatchObject({ sessionSkips: 0, sessionWatches: 0, isNewSession: true, sinceLastVisitMs: SESSION_IDLE_MS + 1 });

    // the next event opens the new session; requests inside it see the gap that preceded it
    const t2 = T + 3 * MIN + 2 * 60 * MIN;
    applySessionEvent(s, { type: 'skip', ts: t2 });
    expect(sessionView(s, t2 + 5 * MIN)).toMatchObject({ sessionSkips: 1, sessionWatches: 0, isNewSession: false, sinceLastVisitMs: 2 * 60 * MIN });
    // recent watches survive the session boundary
    expect(sessionView(s, t2 + 5 * MIN).recent.map((w) => w.category)).toEqual(['music']);
  });

  it(`keeps the last ${RECENT_WATCHES} watches, newest first`, () => {
    const s = newSession();
    ['a', 'b', 'c', 'd', 'e'].forEach((cat, i) => applySessionEvent(s, view(T + i * MIN, cat, `c${i}`)));
    expect(s.recent.map((w) => [w.category, w.creator_id, w.ts])).toEqual([
      ['e', 'c4', T + 4 * MIN],
      ['d', 'c3', T + 3 * MIN],
      ['c', 'c2', T + 2 * MIN],
    ]);
    expect(s.sessionWatches).toBe(5);
  });

  it('a never-seen user is a new session with no last visit; events must come in time order', () => {
    const tr = sessionTracker();
    expect(tr.view('nobody', T)).toEqual({ recent: [], sessionSkips: 0, sessionWatches: 0, sinceLastVisitMs: null, isNewSession: true });
    tr.apply('u1', view(T, 'x'));
    tr.apply('u2', { type: 'skip', ts: T });
    expect(tr.users).toBe(2);
    expect(tr.view('u1', T + MIN).sessionWatches).toBe(1);
    expect(tr.view('u2', T + MIN).sessionWatches).toBe(0);
    expect(() => tr.apply('u1', { type: 'skip', ts: T - 1 })).toThrow(SessionOrderError);
  });
});
