// One simulated user, drawn from its own stream: public profile (UserSchema), hidden tastes over
// categories (sparse Dirichlet), a latent vector, a few favourite creators, and how often it opens the app.
import type { User } from '../../models/schemas.js';
import { round4, type Catalog } from './catalog.js';
import type { CatalogIndex } from './catalog-index.js';
import { LATENT_DIM, type UserSide } from './engagement.js';
import { cumulative, stream, type Stream } from './rng.js';
import { AGE_BUCKETS, AGE_SHARES, REGIONS } from './vocab.js';
import type { Device } from './types.js';

const DAY_MS = 86_400_000;
export type Activity = NonNullable<User['activity']>;

/** Sessions per day and mean impressions per session by activity level. */
export const ACTIVITY_RATES: Record<Activity, { sessionsPerDay: number; sessionLength: number }> = {
  high: { sessionsPerDay: 3, sessionLength: 18 },
  medium: { sessionsPerDay: 1.3, sessionLength: 12 },
  low: { sessionsPerDay: 0.4, sessionLength: 8 },
  new: { sessionsPerDay: 0.9, sessionLength: 6 },
};
const ACTIVITY_SHARES: [Activity, number][] = [['high', 0.15], ['medium', 0.35], ['low', 0.5]];
/** Share of users who sign up inside the window (they are the "new" users). */
export const NEW_USER_SHARE = 0.12;
/** Dirichlet concentration per category: well below 1, so most users love a handful of categories. */
export const TASTE_ALPHA = 0.3;

export type SimUser = {
  idx: number;
  row: User;
  side: UserSide & { taste: Float64Array; vec: Float64Array };
  region: number;
  /** Hidden creator affinities (creator index → logit boost). */
  favorites: Map<number, number>;
  sessionsPerDay: number;
  sessionLength: number;
};

/** Fields a real catalogue (KuaiRand) supplies; anything missing is drawn. */
export type UserBase = { user_id: string; activity: Activity; signup_ts: number };

const regionCum = cumulative(REGIONS.map((r) => r.share));
const ageCum = cumulative(AGE_SHARES);

export function makeUser(seed: number, idx: number, cat: Catalog, index: CatalogIndex, startMs: number, endMs: number, base?: UserBase, sessionScale = 1): SimUser {
  const s = stream(seed, 'user', idx);
  const region = s.pickCumulative(regionCum);
  const r = REGIONS[region]!;
  const devices = Object.entries(r.devices) as [Device, number][];
  const device = devices[s.pickCumulative(cumulative(devices.map((d) => d[1])))]![0];
  const signupInWindow = s.chance(NEW_USER_SHARE);
  const drawnSignup = signupInWindow ? startMs + s.float() * (endMs - startMs) : startMs - (1 + s.gamma(1.2) * 300) * DAY_MS;
  const signup_ts = Math.floor(base?.signup_ts ?? drawnSignup);
  const activity: Activity = base?.activity ?? (signupInWindow ? 'new' : ACTIVITY_SHARES[s.pickCumulative(cumulative(ACTIVITY_SHARES.map((a) => a[1])))]![0]);
  const taste = drawTaste(s, cat.categoryWeight);
  const vec = new Float64Array(LATENT_DIM);
  for (let k = 0; k < LATENT_DIM; k++) {
    let m = 0;
    for (let c = 0; c < taste.length; c++) m += taste[c]! * cat.centroids[c]![k]!;
    vec[k] = round4(0.5 * m + 0.7 * s.normal());
  }
  const favorites = new Map<number, number>();
  const tasteCum = cumulative(taste);
  for (let n = Math.min(8, s.poisson(2.5)); n > 0; n--) {
    const pool = index.creatorsByCategory[s.pickCumulative(tasteCum)]!;
    if (pool.length > 0) favorites.set(pool[s.int(pool.length)]!, round4(s.uniform(0.6, 2.0)));
  }
  const rates = ACTIVITY_RATES[activity];
  return {
    idx,
    row: {
      user_id: base?.user_id ?? `u${idx}`,
      region: r.id,
      language: r.language,
      device,
      signup_ts,
      activity,
      age_bucket: AGE_BUCKETS[s.pickCumulative(ageCum)]!,
    },
    side: { taste, vec, device, signup_ts, tz_hours: r.tzHours },
    region,
    favorites,
    // Individual rates vary around the level's mean (gamma, mean 1).
    sessionsPerDay: rates.sessionsPerDay * sessionScale * s.gamma(2) / 2,
    sessionLength: rates.sessionLength,
  };
}

/** Dirichlet(α·popularity) via normalised gammas. */
function drawTaste(s: Stream, weight: Float64Array): Float64Array {
  const total = weight.reduce((a, b) => a + b, 0);
  const g = Float64Array.from(weight, (w) => s.gamma(Math.max(0.02, (TASTE_ALPHA * w * weight.length) / total)) + 1e-9);
  const sum = g.reduce((a, b) => a + b, 0);
  return g.map((x) => Math.round((x / sum) * 1e6) / 1e6);
}
