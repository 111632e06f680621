import { describe, expect, it } from 'vitest';
import { newSession } from '../../models/light-ranker/session.js';
import { EventSchema, type EventInput } from '../../models/schemas.js';
import { ENGAGEMENT_WEIGHT } from '../../models/engagement.js';
import { planEventWrites } from './event-effects.js';
import { SEEN_WINDOW_SECONDS, TRENDING_RETENTION_SECONDS } from './limits.js';
import * as K from './redis-keys.js';
import type { KeyCommand } from './write-plan.js';

const NOW = Date.UTC(2026, 5, 1, 12, 30);
const HOUR = Math.floor(NOW / 3_600_000);
const ev = (e: Partial<EventInput> & Pick<EventInput, 'type'>) =>
  EventSchema.parse({ event_id: `e-${e.type}`, user_id: 'u1', video_id: 'v1', ts: NOW - 1000, ...e });
const refs = new Map([['v1', { creator_id: 'c1', category: 'music' }]]);
const plan = (events: ReturnType<typeof ev>[], r = refs) =>
  planEventWrites({ events, refs: r, sessions: new Map([['u1', newSession()]]), nowMs: NOW, defaultRegion: 'eu' });
const line = (c: KeyCommand) => [c.name, c.key, ...c.args].join(' ');

describe('planEventWrites', () => {
  it('guards each event by its own event_id marker', () => {
    const { plan: p } = plan([ev({ type: 'impression' }), ev({ type: 'skip', event_id: 'e2' })]);
    expect(p.events.map((e) => e.marker)).toEqual([K.eventIdKey('e-impression'), K.eventIdKey('e2')]);
    expect(p.events[1]!.commands.map(line)).toEqual([`HINCRBYFLOAT ${K.trendingBucketKey('eu', HOUR)} v1 ${ENGAGEMENT_WEIGHT.skip}`, `HINCRBYFLOAT ${K.trendingBucketKey('global', HOUR)} v1 ${ENGAGEMENT_WEIGHT.skip}`]);
  });

  it('hides an impressed video and counts the impression, trimming the seen window once per batch', () => {
    const { plan: p } = plan([ev({ type: 'impression' })]);
    expect(p.events[0]!.commands.map(line)).toEqual([`ZADD ${K.seenKey('u1')} GT ${NOW - 1000} v1`, `HINCRBY ${K.explorationKey('v1')} i 1`]);
    expect(p.always.map(line)).toContain(`ZREMRANGEBYSCORE ${K.seenKey('u1')} -inf (${NOW - SEEN_WINDOW_SECONDS * 1000}`);
    expect(p.always.map(line)).toContain(`EXPIRE ${K.seenKey('u1')} ${SEEN_WINDOW_SECONDS}`);
  });

  it("puts a disliked video and its creator into the user's disliked sets", () => {
    const { plan: p, unknownCreators } = plan([ev({ type: 'dislike' })]);
    const lines = p.events[0]!.commands.map(line);
    expect(lines).toContain(`ZADD ${K.dislikedVideosKey('u1')} GT ${NOW - 1000} v1`);
    expect(lines).toContain(`ZADD ${K.dislikedCreatorsKey('u1')} GT ${NOW - 1000} c1`);
    expect(unknownCreators).toBe(0);
  });

  it('counts dislikes and follows whose creator is unknown, still recording the video', () => {
    const { plan: p, unknownCreators } = plan([ev({ type: 'dislike' }), ev({ type: 'follow', event_id: 'f' })], new Map());
    expect(unknownCreators).toBe(2);
    expect(p.events[0]!.commands.map(line)).toContain(`ZADD ${K.dislikedVideosKey('u1')} GT ${NOW - 1000} v1`);
    expect(p.events[1]!.commands.some((c) => c.key === K.followedCreatorsKey('u1'))).toBe(false);
  });

  it('counts a view toward the trending bucket of its hour in its region and globally', () => {
    const { plan: p } = plan([ev({ type: 'view', region: 'us', watch_time_sec: 30, video_duration_sec: 60 })]);
    const lines = p.events[0]!.commands.map(line);
    expect(lines).toContain(`HINCRBYFLOAT ${K.trendingBucketKey('us', HOUR)} v1 ${ENGAGEMENT_WEIGHT.view + 0.5}`);
    expect(lines).toContain(`HINCRBYFLOAT ${K.trendingBucketKey('global', HOUR)} v1 ${ENGAGEMENT_WEIGHT.view + 0.5}`);
    expect(lines).toContain(`HINCRBY ${K.explorationKey('v1')} e 1`);
    expect(p.always.map(line)).toContain(`EXPIREAT ${K.trendingBucketKey('us', HOUR)} ${(HOUR + 1) * 3600 + TRENDING_RETENTION_SECONDS}`);
  });

  it('leaves events older than the trending retention out of trending, and clamps future times to now', () => {
    const old = plan([ev({ type: 'like', ts: NOW - TRENDING_RETENTION_SECONDS * 1000 - 1 })]);
    expect(old.plan.events[0]!.commands).toEqual([]);
    const future = plan([ev({ type: 'impression', ts: NOW + 86_400_000 })]);
    expect(future.plan.events[0]!.commands.map(line)[0]).toBe(`ZADD ${K.seenKey('u1')} GT ${NOW} v1`);
  });

  it("writes each user's advanced session once", () => {
    const { plan: p } = plan([ev({ type: 'skip' }), ev({ type: 'skip', event_id: 's2' })]);
    expect(p.always.filter((c) => c.key === K.sessionKey('u1'))).toHaveLength(1);
  });
});
