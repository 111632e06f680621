// The point-in-time state: per-user, per-video, per-creator and global counters updated event by
// event in time order. Whatever reads it sees exactly the events applied so far, so a row built before
// applying the events at time t contains only events with ts < t. Memory per entity is constant.
import { watchRatio, type Event, type User, type Video } from '../schemas.js';
import { featureConfig as cfg } from './config.js';
import { smoothed } from './dense.js';
import { EventOrderError } from './errors.js';
import type { FeatureInputs, Priors, UserProfileInput } from './inputs.js';
import { newUser, userStats, type UserState } from './user-state.js';

type VideoState = { impressions: number; views: number; sumWatchRatio: number; likes: number; dislikes: number };
type CreatorState = { impressions: number; views: number };

const newVideo = (): VideoState => ({ impressions: 0, views: 0, sumWatchRatio: 0, likes: 0, dislikes: 0 });
const getOr = <K, V>(m: Map<K, V>, k: K, make: () => V): V => {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
};

/** Watch ratio of a view, from the event's duration or else the catalogue's. */
export const viewRatio = (e: Event, v: Video): number =>
  watchRatio(e) ?? Math.min(1, (e.watch_time_sec ?? 0) / v.duration_sec);

export class FeatureState {
  private readonly users = new Map<string, UserState>();
  private readonly videoStats = new Map<string, VideoState>();
  private readonly creators = new Map<string, CreatorState>();
  private readonly global = { impressions: 0, views: 0, sumWatchRatio: 0, likes: 0, dislikes: 0, skips: 0 };
  private lastTs = -Infinity;

  constructor(
    readonly videos: ReadonlyMap<string, Video>,
    readonly profiles: ReadonlyMap<string, User> = new Map(),
  ) {}

  get lastEventTs(): number {
    return this.lastTs;
  }

  /** Applies one event (of a catalogued video) at its time; events must come in time order. */
  apply(e: Event): void {
    if (e.ts < this.lastTs) throw new EventOrderError(`event ${e.event_id} at ${e.ts} after ${this.lastTs}`);
    this.lastTs = e.ts;
    const v = this.videos.get(e.video_id);
    if (!v) return;
    const u = getOr(this.users, e.user_id, newUser);
    const vs = getOr(this.videoStats, e.video_id, newVideo);
    const cs = getOr(this.creators, v.creator_id, () => ({ impressions: 0, views: 0 }));
    const g = this.global;
    switch (e.type) {
      case 'impression':
        u.impressions++;
        vs.impressions++;
        cs.impressions++;
        g.impressions++;
        break;
      case 'view': {
        const r = viewRatio(e, v);
        for (const c of [u, vs, cs, g]) c.views++;
        for (const c of [u, vs, g]) c.sumWatchRatio += r;
        u.hourly.add(e.ts);
        u.daily.add(e.ts);
        u.categories.upsert(v.category).count++;
        u.creators.upsert(v.creator_id).count++;
        if (r > cfg.finishRatio) {
          u.finishedViews++;
          u.sumLogDurationFinished += Math.log(v.duration_sec);
        }
        break;
      }
      case 'skip':
        u.skips++;
        g.skips++;
        break;
      case 'like':
        vs.likes++;
        g.likes++;
        u.creators.upsert(v.creator_id).likes++;
        break;
      case 'dislike':
        vs.dislikes++;
        g.dislikes++;
        break;
      case 'follow':
        u.creators.upsert(v.creator_id).followed = true;
        break;
      default: // share, comment: not used by the spec yet
    }
  }

  /** Global rates so far, smoothed toward the configured defaults while little has been seen. */
  priors(): Priors {
    const g = this.global;
    const d = cfg.defaultPriors;
    const P = cfg.priorPseudoCount;
    return {
      viewRate: smoothed(g.views, g.impressions, d.viewRate, P),
      watchRatio: smoothed(g.sumWatchRatio, g.views, d.watchRatio, P),
      likeRate: smoothed(g.likes, g.views, d.likeRate, P),
      dislikeRate: smoothed(g.dislikes, g.impressions, d.dislikeRate, P),
      skipRate: smoothed(g.skips, g.impressions, d.skipRate, P),
    };
  }

  /** Feature inputs for showing `video` to `userId` at `ts`, from the events applied so far. */
  inputsFor(userId: string, video: Video, ts: number, position: number, ctx: FeatureInputs['ctx'] = {}): FeatureInputs {
    return this.inputsForUser(userId, ts, position, ctx)(video);
  }

  /**
   * Feature inputs of many videos shown to one user at one time: the user's side (profile, windows,
   * category sketch, priors) is read once. The inputs are snapshots: later events do not change them.
   */
  inputsForUser(userId: string, ts: number, position: number, ctx: FeatureInputs['ctx'] = {}): (video: Video) => FeatureInputs {
    const p = this.profiles.get(userId);
    const user: UserProfileInput = p ? { user_id: userId, signup_ts: p.signup_ts, device: p.device, region: p.region, language: p.language } : { user_id: userId };
    const u = this.users.get(userId) ?? newUser();
    const stats = userStats(u, ts);
    const priors = this.priors();
    return (video) => {
      const vs = this.videoStats.get(video.video_id) ?? newVideo();
      const cs = this.creators.get(video.creator_id) ?? { impressions: 0, views: 0 };
      const link = u.creators.get(video.creator_id);
      return {
        ts,
        position,
        user,
        ctx,
        video,
        userStats: { ...stats, categoryViews: u.categories.get(video.category)?.count ?? 0 },
        videoStats: { ...vs },
        creatorStats: { ...cs },
        userCreator: { views: link?.count ?? 0, likes: link?.likes ?? 0, followed: link?.followed ?? false },
        priors,
      };
    };
  }
}
