// What each event type changes in the realtime state, declared as data (cheapest to read first), and
// the planner that turns a batch of new events into a WritePlan. A view or impression hides the video
// (seen); a dislike demotes the video and its creator; a follow adds the creator; every event with an
// engagement weight counts toward its region's and the global trending bucket of its hour.
import { GLOBAL_REGION } from '../../models/keys.js';
import type { SessionState } from '../../models/light-ranker/session.js';
import type { Event, EventType } from '../../models/schemas.js';
import type { VideoRef } from '../stores/realtime-store.js';
import { engagement } from '../../models/engagement.js';
import * as L from './limits.js';
import * as K from './redis-keys.js';
import { encodeSession } from './session-codec.js';
import { cmd, onceEach, type KeyCommand, type WritePlan } from './write-plan.js';

export type Effect = 'seen' | 'dislikedVideo' | 'dislikedCreator' | 'followedCreator' | 'exploreImpression' | 'exploreEngagement';

/** Trending is not listed: it follows from the engagement weight (engagement.ts). */
export const EVENT_EFFECTS: Readonly<Record<EventType, readonly Effect[]>> = {
  impression: ['seen', 'exploreImpression'],
  view: ['seen', 'exploreEngagement'],
  like: [],
  share: [],
  comment: [],
  dislike: ['dislikedVideo', 'dislikedCreator'],
  follow: ['followedCreator'],
  skip: [],
};

/** Whether applying the event needs its video's creator or category (a view feeds the session's recent watches). */
export const needsVideoRef = (type: EventType): boolean =>
  type === 'view' || EVENT_EFFECTS[type].includes('dislikedCreator') || EVENT_EFFECTS[type].includes('followedCreator');

export type PlanInput = {
  /** New events only: each is applied if its marker is still free. */
  events: readonly Event[];
  refs: ReadonlyMap<string, VideoRef>;
  /** Advanced session of every user in `events`. */
  sessions: ReadonlyMap<string, SessionState>;
  nowMs: number;
  defaultRegion: string;
};

const HOUR_MS = L.TRENDING_BUCKET_SECONDS * 1000;
/** A capped sorted set keeps its newest members: drop ranks 0 .. -(max+1). */
const capped = (key: string, max: number, ttlSeconds: number): KeyCommand[] => [
  cmd('ZREMRANGEBYRANK', key, 0, -(max + 1)),
  cmd('EXPIRE', key, ttlSeconds),
];

export function planEventWrites(input: PlanInput): { plan: WritePlan; unknownCreators: number } {
  const always = onceEach();
  let unknownCreators = 0;
  const events = input.events.map((e) => {
    const ts = Math.min(e.ts, input.nowMs);
    const creator = input.refs.get(e.video_id)?.creator_id;
    const commands: KeyCommand[] = [];
    const toSet = (key: string, member: string, max: number, ttl: number) => {
      commands.push(cmd('ZADD', key, 'GT', ts, member));
      capped(key, max, ttl).forEach(always.add);
    };
    for (const effect of EVENT_EFFECTS[e.type]) {
      switch (effect) {
        case 'seen': {
          const key = K.seenKey(e.user_id);
          commands.push(cmd('ZADD', key, 'GT', ts, e.video_id));
          always.add(cmd('ZREMRANGEBYSCORE', key, '-inf', `(${input.nowMs - L.SEEN_WINDOW_SECONDS * 1000}`));
          capped(key, L.SEEN_MAX, L.SEEN_WINDOW_SECONDS).forEach(always.add);
          break;
        }
        case 'dislikedVideo':
          toSet(K.dislikedVideosKey(e.user_id), e.video_id, L.DISLIKED_VIDEOS_MAX, L.DISLIKED_VIDEOS_TTL_SECONDS);
          break;
        case 'dislikedCreator':
        case 'followedCreator': {
          if (creator === undefined) {
            unknownCreators++;
            break;
          }
          if (effect === 'dislikedCreator') toSet(K.dislikedCreatorsKey(e.user_id), creator, L.DISLIKED_CREATORS_MAX, L.DISLIKED_CREATORS_TTL_SECONDS);
          else toSet(K.followedCreatorsKey(e.user_id), creator, L.FOLLOWED_CREATORS_MAX, L.FOLLOWED_CREATORS_TTL_SECONDS);
          break;
        }
        case 'exploreImpression':
        case 'exploreEngagement': {
          const key = K.explorationKey(e.video_id);
          const field = effect === 'exploreImpression' ? K.EXPLORATION_FIELDS.impressions : K.EXPLORATION_FIELDS.engagements;
          commands.push(cmd('HINCRBY', key, field, 1));
          always.add(cmd('EXPIRE', key, L.EXPLORATION_TTL_SECONDS));
          break;
        }
      }
    }
    const weight = Math.round(engagement(e) * 1e4) / 1e4;
    if (weight !== 0 && ts > input.nowMs - L.TRENDING_RETENTION_SECONDS * 1000) {
      const hour = Math.floor(ts / HOUR_MS);
      const expireAt = ((hour + 1) * HOUR_MS) / 1000 + L.TRENDING_RETENTION_SECONDS;
      for (const region of new Set([e.region ?? input.defaultRegion, GLOBAL_REGION])) {
        const key = K.trendingBucketKey(region, hour);
        commands.push(cmd('HINCRBYFLOAT', key, e.video_id, weight));
        always.add(cmd('EXPIREAT', key, expireAt));
      }
    }
    return { marker: K.eventIdKey(e.event_id), commands };
  });
  for (const [userId, state] of input.sessions) {
    always.add(cmd('SET', K.sessionKey(userId), encodeSession(state), 'EX', L.SESSION_TTL_SECONDS));
  }
  return { plan: { markerTtlSeconds: L.EVENT_ID_TTL_SECONDS, events, always: always.list() }, unknownCreators };
}
