// Per-user realtime session state, updated event by event: the last few watches (category, creator,
// time), skips and watches in the current session, last activity. A session ends after 30 min idle.
// Pure and serialisable, so the replay (training) and the edge (realtime events) run the same code.
import { SessionOrderError } from './errors.js';

export const SESSION_IDLE_MS = 30 * 60_000;
/** Watches remembered per user (across sessions: recent interests outlive a session). */
export const RECENT_WATCHES = 3;

/** The narrow event the tracker needs; view/skip carry the video's category and creator. */
export type SessionEvent = { type: string; ts: number; category?: string; creator_id?: string };
export type RecentWatch = { category: string; creator_id: string; ts: number };

export type SessionState = {
  /** Most recent first, at most RECENT_WATCHES. */
  recent: RecentWatch[];
  sessionStartTs: number;
  lastActivityTs: number;
  /** Idle gap before the current session began (ms); null for a user's first session. */
  gapBeforeSessionMs: number | null;
  sessionSkips: number;
  sessionWatches: number;
};

/** What a request at `nowMs` sees: the session it belongs to (a new one after 30 min idle). */
export type SessionView = {
  recent: readonly RecentWatch[];
  sessionSkips: number;
  sessionWatches: number;
  /** Idle time before the session this request belongs to (ms); null if the user was never seen. */
  sinceLastVisitMs: number | null;
  isNewSession: boolean;
};

export const newSession = (): SessionState => ({
  recent: [],
  sessionStartTs: -Infinity,
  lastActivityTs: -Infinity,
  gapBeforeSessionMs: null,
  sessionSkips: 0,
  sessionWatches: 0,
});

/** Applies one event in place. Every event type counts as activity; views and skips also count. */
export function applySessionEvent(s: SessionState, e: SessionEvent): SessionState {
  if (e.ts < s.lastActivityTs) throw new SessionOrderError(`session event at ${e.ts} after ${s.lastActivityTs}`);
  if (e.ts - s.lastActivityTs > SESSION_IDLE_MS) {
    s.gapBeforeSessionMs = Number.isFinite(s.lastActivityTs) ? e.ts - s.lastActivityTs : null;
    s.sessionStartTs = e.ts;
    s.sessionSkips = 0;
    s.sessionWatches = 0;
  }
  s.lastActivityTs = e.ts;
  if (e.type === 'skip') s.sessionSkips++;
  if (e.type === 'view') {
    s.sessionWatches++;
    s.recent.unshift({ category: e.category ?? '', creator_id: e.creator_id ?? '', ts: e.ts });
    if (s.recent.length > RECENT_WATCHES) s.recent.length = RECENT_WATCHES;
  }
  return s;
}

export function sessionView(s: SessionState, nowMs: number): SessionView {
  const seen = Number.isFinite(s.lastActivityTs);
  const idle = nowMs - s.lastActivityTs > SESSION_IDLE_MS;
  if (!seen || idle) {
    return { recent: s.recent, sessionSkips: 0, sessionWatches: 0, sinceLastVisitMs: seen ? nowMs - s.lastActivityTs : null, isNewSession: true };
  }
  return { recent: s.recent, sessionSkips: s.sessionSkips, sessionWatches: s.sessionWatches, sinceLastVisitMs: s.gapBeforeSessionMs, isNewSession: false };
}

/** Many users' sessions (the replay's view of the whole log). */
export function sessionTracker() {
  const users = new Map<string, SessionState>();
  return {
    name: 'SessionTracker',
    apply(userId: string, e: SessionEvent): void {
      let s = users.get(userId);
      if (!s) users.set(userId, (s = newSession()));
      applySessionEvent(s, e);
    },
    view(userId: string, nowMs: number): SessionView {
      return sessionView(users.get(userId) ?? newSession(), nowMs);
    },
    get users(): number {
      return users.size;
    },
  };
}
