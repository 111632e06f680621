// The generator's exact engagement model, as pure functions of the true latents. The simulator draws
// every outcome from these probabilities, so an "oracle" recommender reading truth/ can score
// (user, video, time) with the very same function.
import type { Device } from './types.js';

export const LATENT_DIM = 8;
const DAY_MS = 86_400_000;
export const NEW_USER_DAYS = 7;

/** What the model needs about a user (truth/users rows carry exactly these fields). */
export type UserSide = { taste: ArrayLike<number>; vec: ArrayLike<number>; device: Device; signup_ts: number; tz_hours: number };
/** What the model needs about a video (truth/videos rows carry these; category is its index). */
export type VideoSide = { category: number; quality: number; duration_sec: number; upload_ts: number; vec: ArrayLike<number> };
export type ImpressionContext = {
  ts: number;
  position: number;
  /** The user's hidden affinity to the video's creator (truth/users `creators`), 0 when none. */
  creatorAffinity: number;
  /** Whether the user followed the creator before `ts` (truth/follows). */
  followed: boolean;
  /** The regional trend boost of the video on ts's day in the user's region (truth/trends), else 0. */
  trendBoost: number;
  /** Per-session mood the simulator draws; unknown to an oracle, which leaves it at 0. */
  mood?: number;
};

export type Engagement = {
  /** P(view | impression), position bias included. */
  view: number;
  /** P(watch ratio ≥ 0.95 | view). */
  full: number;
  /** Kumaraswamy(1, b) shape of the partial watch ratio (0..0.95) when not a full view. */
  partialB: number;
  /** Terms reused by the post-view actions. */
  catAff: number;
  qLogit: number;
  lat: number;
};

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/** Position bias: the chance a user examines slot `position` of a feed page, decaying then flattening. */
export const examination = (position: number) => 0.3 + 0.7 / (1 + position / 4);

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Local hour of a timestamp for a user in a fixed offset time zone. */
export const localHour = (ts: number, tzHours: number) => (((Math.floor(ts / 3_600_000) + tzHours) % 24) + 24) % 24;

export function engagement(u: UserSide, v: VideoSide, c: ImpressionContext): Engagement {
  const catAff = Math.log(u.taste[v.category]! * u.taste.length + 0.2);
  const lat = dot(u.vec, v.vec) / Math.sqrt(LATENT_DIM);
  const qLogit = logit(Math.min(0.98, Math.max(0.02, v.quality)));
  const fresh = Math.exp(-Math.max(0, c.ts - v.upload_ts) / (1.5 * DAY_MS));
  const durLog = Math.log(v.duration_sec / 20);
  const device = u.device === 'tv' ? 0.2 + 0.3 * durLog : u.device === 'web' ? -0.2 - 0.1 * durLog : u.device === 'other' ? 0 : -0.25 * durLog;
  const hour = localHour(c.ts, u.tz_hours);
  const hourTerm = hour >= 19 ? 0.25 : hour <= 5 ? -0.25 : 0;
  const isNew = c.ts - u.signup_ts < NEW_USER_DAYS * DAY_MS ? 1 : 0;
  const followed = c.followed ? 1 : 0;
  const mood = c.mood ?? 0;

  const viewLogit =
    -1.9 + 1.8 * catAff + 0.9 * lat + 1.3 * qLogit + 1.2 * c.creatorAffinity + 1.6 * followed + 1.0 * fresh + c.trendBoost + device + hourTerm - 0.3 * isNew + mood;
  const engage = 0.5 * catAff + 0.35 * lat + 0.45 * qLogit + 0.6 * c.creatorAffinity + 0.4 * followed + 0.8 * isNew + (u.device === 'tv' ? 0.3 : 0) + 0.5 * mood;
  return {
    view: examination(c.position) * sigmoid(viewLogit),
    full: sigmoid(-3.1 + 1.5 * engage - 1.4 * durLog),
    partialB: 3.5 * Math.exp(-0.4 * engage),
    catAff,
    qLogit,
    lat,
  };
}

/** Partial watch ratio for a uniform draw: Kumaraswamy(1, b) quantile, scaled into [0, 0.95). */
export const partialRatio = (e: Pick<Engagement, 'partialB'>, u: number) => 0.95 * (1 - Math.pow(1 - u, 1 / e.partialB));

export type AfterView = { like: number; share: number; comment: number; follow: number; dislike: number };

/** Probabilities of the actions that follow a view with watch ratio r (follow only if not yet following). */
export function afterView(e: Engagement, c: ImpressionContext, r: number): AfterView {
  const followed = c.followed ? 1 : 0;
  return {
    like: sigmoid(-7.5 + 3.4 * r + 0.8 * e.catAff + 0.7 * e.qLogit + 1.0 * c.creatorAffinity + 0.6 * followed),
    share: sigmoid(-7.2 + 2.6 * r + 0.6 * e.qLogit + 0.3 * e.catAff),
    comment: sigmoid(-6.6 + 2.2 * r + 0.4 * e.qLogit + 0.5 * c.creatorAffinity),
    follow: c.followed ? 0 : sigmoid(-6.3 + 1.6 * c.creatorAffinity + 2.2 * r + 0.4 * e.catAff),
    // After a view, "not interested" comes from the same dislike of the topic or the video, sharpened:
    // a ranker masks its dislike head to viewed rows, so that is where the signal has to be learnable.
    dislike: sigmoid(-2.0 - 1.4 * e.catAff - 0.8 * e.qLogit - 0.4 * e.lat - 2.0 * r),
  };
}

/** P(dislike) of an impression that was not viewed ("not interested" on a swipe). */
export const dislikeOnSkip = (e: Engagement) => sigmoid(dislikeLogit(e));
const dislikeLogit = (e: Engagement) => -5.4 - 1.0 * e.catAff - 0.5 * e.qLogit - 0.3 * e.lat;

/** Expected per-impression rates for an oracle: integrates the watch-ratio mixture by quadrature. */
export function expectedOutcomes(u: UserSide, v: VideoSide, c: ImpressionContext) {
  const e = engagement(u, v, c);
  const q = 16;
  const acc = { like: 0, share: 0, comment: 0, follow: 0, dislikeViewed: 0, ratio: 0 };
  const add = (r: number, w: number) => {
    const a = afterView(e, c, r);
    acc.like += w * a.like;
    acc.share += w * a.share;
    acc.comment += w * a.comment;
    acc.follow += w * a.follow;
    acc.dislikeViewed += w * a.dislike;
    acc.ratio += w * r;
  };
  add(0.975, e.full);
  for (let i = 0; i < q; i++) add(partialRatio(e, (i + 0.5) / q), (1 - e.full) / q);
  return {
    view: e.view,
    fullGivenView: e.full,
    ratioGivenView: acc.ratio,
    likeGivenView: acc.like,
    shareGivenView: acc.share,
    commentGivenView: acc.comment,
    followGivenView: acc.follow,
    dislikeGivenView: acc.dislikeViewed,
    dislike: e.view * acc.dislikeViewed + (1 - e.view) * dislikeOnSkip(e),
  };
}
