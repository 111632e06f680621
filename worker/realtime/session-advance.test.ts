import { describe, expect, it } from 'vitest';
import { applySessionEvent, newSession, SESSION_IDLE_MS, sessionView } from '../../models/light-ranker/session.js';
import { advanceSessions, type SessionBatchEvent } from './session-advance.js';

const ev = (id: string, user: string, type: string, ts: number, video = 'v1'): SessionBatchEvent =>
  ({ event_id: id, user_id: user, video_id: video, type, ts }) as SessionBatchEvent;
const refs = new Map([['v1', { creator_id: 'c1', category: 'music' }]]);

describe('advanceSessions', () => {
  it('applies a batch in time order whatever order it arrived in', () => {
    const { states, late } = advanceSessions(new Map(), [ev('b', 'u', 'skip', 2_000), ev('a', 'u', 'view', 1_000)], refs, 10_000);
    expect(late).toBe(0);
    const s = states.get('u')!;
    expect(s.sessionWatches).toBe(1);
    expect(s.sessionSkips).toBe(1);
    expect(s.lastActivityTs).toBe(2_000);
    expect(s.recent).toEqual([{ category: 'music', creator_id: 'c1', ts: 1_000 }]);
  });

  it('continues the stored state and skips events older than its last activity', () => {
    const stored = applySessionEvent(newSession(), { type: 'view', ts: 5_000, category: 'news', creator_id: 'c9' });
    const { states, late } = advanceSessions(new Map([['u', stored]]), [ev('a', 'u', 'skip', 4_000), ev('b', 'u', 'view', 6_000)], refs, 10_000);
    expect(late).toBe(1);
    expect(states.get('u')!.sessionWatches).toBe(2);
    expect(states.get('u')!.sessionSkips).toBe(0);
    expect(stored.sessionWatches).toBe(1); // the input is not changed
  });

  it('starts a new session after the idle gap, as the tracker does', () => {
    const { states } = advanceSessions(new Map(), [ev('a', 'u', 'skip', 1_000), ev('b', 'u', 'skip', 1_000 + SESSION_IDLE_MS + 1)], refs, 1e12);
    const view = sessionView(states.get('u')!, 1_000 + SESSION_IDLE_MS + 2);
    expect(view.sessionSkips).toBe(1);
    expect(view.sinceLastVisitMs).toBe(SESSION_IDLE_MS + 1);
  });

  it('clamps future timestamps to now and keeps users apart', () => {
    const { states } = advanceSessions(new Map(), [ev('a', 'u', 'view', 99_999), ev('b', 'w', 'skip', 500)], new Map(), 1_000);
    expect(states.get('u')!.lastActivityTs).toBe(1_000);
    expect(states.get('u')!.recent[0]).toEqual({ category: '', creator_id: '', ts: 1_000 });
    expect(states.get('w')!.sessionSkips).toBe(1);
    expect(states.get('w')!.sessionWatches).toBe(0);
  });
});
