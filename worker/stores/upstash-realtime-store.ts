// RealtimeStore over the Upstash REST protocol (@upstash/redis, its fetch-based Workers build). Every
// method is one HTTP round trip: reads are pipelines, the batch write is one atomic script
// (worker/realtime/apply-script.ts). What each event changes is planned in worker/realtime/.
import { Redis } from '@upstash/redis/cloudflare';
import { GLOBAL_REGION } from '../../models/keys.js';
import { sessionView, newSession, type SessionState } from '../../models/light-ranker/session.js';
import type { Event, Video } from '../../models/schemas.js';
import { describeError, withBudget } from '../budget.js';
import { APPLY_PLAN_LUA, encodePlan } from '../realtime/apply-script.js';
import { uniqueEvents } from '../realtime/event-batch.js';
import { needsVideoRef, planEventWrites } from '../realtime/event-effects.js';
import { decodeFreshMembers, encodeFreshMember } from '../realtime/fresh-codec.js';
import * as L from '../realtime/limits.js';
import * as K from '../realtime/redis-keys.js';
import { counter, counterHash, decodeVideoRef, encodeVideoRef, flagList, nullableList, stringList } from '../realtime/redis-replies.js';
import { advanceSessions } from '../realtime/session-advance.js';
import { decodeSession } from '../realtime/session-codec.js';
import { decayTrending, recentHours } from '../realtime/trending-decay.js';
import { CorruptValueError, StoreTimeoutError, StoreUnavailableError } from './errors.js';
import type { ExplorationCounts, RealtimeStore, RecordOptions, VideoRef, VideoRefLookup } from './realtime-store.js';

const NAME = 'Upstash';

export type UpstashRealtimeOptions = {
  url: string;
  token: string;
  /** Budget of each round trip; one attempt, no retries. */
  requestBudgetMs: number;
  /** Asked for the refs of videos the store does not know (dislikes, follows, views need them). */
  lookup?: VideoRefLookup;
};

export function upstashRealtimeStore(opts: UpstashRealtimeOptions): RealtimeStore {
  const redis = new Redis({
    url: opts.url,
    token: opts.token,
    // One attempt per call: the caller's budget, not the client's backoff, decides when to give up.
    retry: { retries: 0 },
    enableTelemetry: false,
    // Raw replies: automatic JSON parsing would turn an id such as "1e5" into a number.
    automaticDeserialization: false,
    signal: () => AbortSignal.timeout(opts.requestBudgetMs),
  });
  const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      const name = (err as { name?: string } | null)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new StoreTimeoutError(NAME, opts.requestBudgetMs);
      throw new StoreUnavailableError(NAME, `${what} failed: ${describeError(err)}`, { cause: err });
    }
  };
  const decoded = <T>(key: string, raw: string, decode: (raw: string) => T): T => {
    try {
      return decode(raw);
    } catch (cause) {
      throw new CorruptValueError(NAME, key, cause);
    }
  };

  async function lookupMissing(ids: string[]): Promise<ReadonlyMap<string, VideoRef>> {
    if (!opts.lookup || ids.length === 0) return new Map();
    const lookup = opts.lookup;
    const found = await withBudget(opts.requestBudgetMs, () => lookup(ids));
    return found.status === 'ok' ? found.value : new Map(); // fail open: counted as unknown creators
  }

  return {
    name: NAME,
    async ping() {
      await call('PING', () => redis.ping());
    },

    async prepareEvents(events: readonly Event[], o: RecordOptions) {
      const unique = uniqueEvents(events);
      const users = [...new Set(unique.map((e) => e.user_id))];
      const videos = [...new Set(unique.filter((e) => needsVideoRef(e.type)).map((e) => e.video_id))];
      const p = redis.pipeline().mget(...unique.map((e) => K.eventIdKey(e.event_id))).mget(...users.map(K.sessionKey));
      if (videos.length > 0) p.mget(...videos.map(K.videoRefKey));
      const replies = unique.length === 0 ? [] : await call('prepare events', () => p.exec<unknown[]>());
      const [markers, sessions, refReplies] = [0, 1, 2].map((i) => nullableList(replies[i] ?? []));

      const fresh = unique.filter((_, i) => markers![i] === null);
      const stored = new Map<string, SessionState>();
      users.forEach((u, i) => {
        const raw = sessions![i];
        if (raw) stored.set(u, decoded(K.sessionKey(u), raw, decodeSession));
      });
      const refs = new Map<string, VideoRef>();
      videos.forEach((v, i) => {
        const raw = refReplies![i];
        if (raw) refs.set(v, decoded(K.videoRefKey(v), raw, decodeVideoRef));
      });
      const freshVideos = new Set(fresh.map((e) => e.video_id));
      for (const [id, ref] of await lookupMissing(videos.filter((v) => !refs.has(v) && freshVideos.has(v)))) refs.set(id, ref);

      const { states, late } = advanceSessions(stored, fresh, refs, o.nowMs);
      const { plan, unknownCreators } = planEventWrites({ events: fresh, refs, sessions: states, nowMs: o.nowMs, defaultRegion: o.defaultRegion });
      return {
        fresh,
        duplicates: events.length - fresh.length,
        async commit() {
          if (fresh.length === 0) return { applied: 0, raced: 0, lateForSession: 0, unknownCreators: 0 };
          const { keys, args } = encodePlan(plan);
          const flags = await call('record events', () => redis.eval<string[], unknown>(APPLY_PLAN_LUA, keys, args));
          const applied = flagList(flags).filter((f) => f === 1).length;
          return { applied, raced: fresh.length - applied, lateForSession: late, unknownCreators };
        },
      };
    },

    async readVideoRefs(videoIds) {
      const out = new Map<string, VideoRef>();
      if (videoIds.length === 0) return out;
      const keys = videoIds.map(K.videoRefKey);
      const raw = nullableList(await call('read video refs', () => redis.mget<unknown[]>(...keys)));
      videoIds.forEach((id, i) => {
        const r = raw[i];
        if (r) out.set(id, decoded(keys[i]!, r, decodeVideoRef));
      });
      return out;
    },

    async rememberVideos(refs) {
      if (refs.size === 0) return;
      const p = redis.pipeline();
      for (const [id, ref] of refs) p.set(K.videoRefKey(id), encodeVideoRef(ref), { ex: L.VIDEO_REF_TTL_SECONDS });
      await call('remember videos', () => p.exec());
    },

    async readUser(userId, nowMs) {
      const since = nowMs - L.SEEN_WINDOW_SECONDS * 1000;
      const replies = await call('read user', () =>
        redis
          .pipeline()
          .zrange(K.seenKey(userId), since, '+inf', { byScore: true })
          .zrange(K.dislikedVideosKey(userId), 0, -1)
          .zrange(K.dislikedCreatorsKey(userId), 0, -1)
          .zrange(K.followedCreatorsKey(userId), 0, -1)
          .get(K.sessionKey(userId))
          .exec<unknown[]>(),
      );
      const raw = nullableList([replies[4]])[0];
      const session = raw ? decoded(K.sessionKey(userId), raw, decodeSession) : newSession();
      return {
        seen: stringList(replies[0]),
        dislikedVideos: stringList(replies[1]),
        dislikedCreators: stringList(replies[2]),
        followedCreators: stringList(replies[3]),
        session: sessionView(session, nowMs),
      };
    },

    async readExploration(videoIds) {
      const ids = [...new Set(videoIds)];
      const out = new Map<string, ExplorationCounts>();
      if (ids.length === 0) return out;
      const p = redis.pipeline();
      for (const id of ids) p.hmget(K.explorationKey(id), K.EXPLORATION_FIELDS.impressions, K.EXPLORATION_FIELDS.engagements);
      const replies = await call('read exploration', () => p.exec<unknown[]>());
      ids.forEach((id, i) => {
        const [imp = null, eng = null] = nullableList(replies[i] ?? [null, null]);
        out.set(id, { impressions: counter(imp), engagements: counter(eng) });
      });
      return out;
    },

    async readTrending(region, q) {
      const hours = recentHours(q.nowMs, Math.min(q.hours, L.TRENDING_RETENTION_SECONDS / L.TRENDING_BUCKET_SECONDS));
      if (hours.length === 0) return [];
      const p = redis.pipeline();
      for (const h of hours) p.hgetall(K.trendingBucketKey(region, h));
      const replies = await call('read trending', () => p.exec<unknown[]>());
      const buckets = hours.map((hour, i) => ({ hour, counts: counterHash(replies[i]) }));
      return decayTrending(buckets, q.nowMs, q.halfLifeHours ?? L.TRENDING_HALF_LIFE_HOURS_DEFAULT, q.limit);
    },

    async addFresh(video: Video, nowMs) {
      const score = Math.min(video.upload_ts, nowMs);
      const oldest = nowMs - L.FRESH_WINDOW_SECONDS * 1000;
      const pooled = score > oldest;
      const regions = [...new Set([video.region, GLOBAL_REGION])];
      const p = redis.pipeline();
      for (const region of regions) {
        const key = K.freshPoolKey(region);
        if (pooled) p.zadd(key, { score, member: encodeFreshMember(video) });
        p.zremrangebyscore(key, '-inf', oldest).zremrangebyrank(key, 0, -(L.FRESH_POOL_MAX + 1)).expire(key, L.FRESH_WINDOW_SECONDS);
      }
      p.set(K.videoRefKey(video.video_id), encodeVideoRef(video), { ex: L.VIDEO_REF_TTL_SECONDS });
      await call('add fresh video', () => p.exec());
      return { pooled, regions, freshUntilMs: score + L.FRESH_WINDOW_SECONDS * 1000 };
    },

    async listFresh(region, { limit, nowMs }) {
      const key = K.freshPoolKey(region);
      const oldest = nowMs - L.FRESH_WINDOW_SECONDS * 1000;
      // Twice the limit: a video posted again may hold two members.
      const count = Math.min(L.FRESH_POOL_MAX, limit * 2);
      if (limit <= 0) return [];
      const reply = await call('list fresh', () => redis.zrange(key, '+inf', `(${oldest}`, { byScore: true, rev: true, offset: 0, count }));
      try {
        return decodeFreshMembers(stringList(reply), limit);
      } catch (cause) {
        throw new CorruptValueError(NAME, key, cause);
      }
    },
  };
}
