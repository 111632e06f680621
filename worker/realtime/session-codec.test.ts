import { describe, expect, it } from 'vitest';
import { applySessionEvent, newSession } from '../../models/light-ranker/session.js';
import { decodeSession, encodeSession } from './session-codec.js';

describe('session codec', () => {
  it("round-trips a new session's -Infinity times", () => {
    const s = newSession();
    expect(encodeSession(s)).toContain('"lastActivityTs":null');
    expect(decodeSession(encodeSession(s))).toEqual(s);
  });

  it('round-trips an advanced session', () => {
    const s = newSession();
    applySessionEvent(s, { type: 'view', ts: 1_000, category: 'music', creator_id: 'c1' });
    applySessionEvent(s, { type: 'skip', ts: 2_000 });
    const back = decodeSession(encodeSession(s));
    expect(back).toEqual(s);
    expect(back.sessionSkips).toBe(1);
    expect(back.recent[0]).toEqual({ category: 'music', creator_id: 'c1', ts: 1_000 });
  });

  it('throws on a value of another shape', () => {
    expect(() => decodeSession('{"recent":"x"}')).toThrow();
    expect(() => decodeSession('not json')).toThrow();
  });
});
