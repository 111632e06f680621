// The realtime-state port (Upstash Redis in production, the local gateway in development): what users
// just saw, disliked and followed, their session, regional trending counters, exploration counters and
// the fresh-upload pool. Every call is one round trip under the store's time budget; a failure throws
// a StoreError (worker/stores/errors.ts) and the caller decides whether to fail open.
import type { SessionView } from '../../models/light-ranker/session.js';
import type { Event, Video } from '../../models/schemas.js';

/** What a dislike, follow or view needs to know about a video when the event carries only video_id. */
export type VideoRef = { creator_id: string; category: string };
/** Looks up refs the store does not hold (e.g. from the published catalogue); ids it does not know are absent. */
export type VideoRefLookup = (videoIds: readonly string[]) => Promise<ReadonlyMap<string, VideoRef>>;

export type RecordOptions = {
  nowMs: number;
  /** Trending region of events that carry none. */
  defaultRegion: string;
};

/** The first phase of recording a batch: which events are new, with everything their write needs. */
export type PreparedEvents = {
  /** The first event of each event_id not recorded before, in input order: what the event log gets. */
  readonly fresh: readonly Event[];
  /** Events already recorded, or repeated within the batch. */
  readonly duplicates: number;
  /** Applies `fresh` in one atomic round trip; each event only if its event_id is still unrecorded. */
  commit(): Promise<RecordSummary>;
};

export type RecordSummary = {
  /** Events applied. */
  applied: number;
  /** Events another request recorded between prepare and commit (skipped). */
  raced: number;
  /** Events older than their user's last activity: recorded, but not applied to the session. */
  lateForSession: number;
  /** Dislikes and follows whose video's creator is unknown: the video is recorded, the creator is not. */
  unknownCreators: number;
};

/** One user's realtime state, as a feed call reads it. Ids are oldest first. */
export type UserRealtimeState = {
  /** Videos impressed or viewed within the seen window. */
  seen: string[];
  dislikedVideos: string[];
  dislikedCreators: string[];
  followedCreators: string[];
  session: SessionView;
};

export type ExplorationCounts = { impressions: number; engagements: number };
export type TrendingScore = { video_id: string; score: number };
export type TrendingQuery = { hours: number; nowMs: number; halfLifeHours?: number; limit?: number };
export type FreshAdded = { pooled: boolean; regions: string[]; freshUntilMs: number };

export interface RealtimeStore {
  readonly name: string;
  /** Resolves when the store answered; rejects on any transport or auth failure. */
  ping(): Promise<void>;

  /** Reads which events are new, their users' sessions and their videos' refs. Writes nothing. */
  prepareEvents(events: readonly Event[], opts: RecordOptions): Promise<PreparedEvents>;
  /** Caches creator and category of videos (e.g. the candidates a feed served) for later events. */
  rememberVideos(refs: ReadonlyMap<string, VideoRef>): Promise<void>;
  /** The remembered creator and category of each id asked for; unknown ids are absent. */
  readVideoRefs(videoIds: readonly string[]): Promise<Map<string, VideoRef>>;

  readUser(userId: string, nowMs: number): Promise<UserRealtimeState>;
  /** Counters of each id asked for, zero when none were recorded. */
  readExploration(videoIds: readonly string[]): Promise<Map<string, ExplorationCounts>>;
  /** Engagement per video over the last `hours` hourly buckets, each decayed by its age; best first. */
  readTrending(region: string, q: TrendingQuery): Promise<TrendingScore[]>;

  /** Adds an upload to its region's and the global fresh pool (and remembers its ref). */
  addFresh(video: Video, nowMs: number): Promise<FreshAdded>;
  /** The region's uploads younger than the fresh window, newest first. */
  listFresh(region: string, opts: { limit: number; nowMs: number }): Promise<Video[]>;
}

/** Prepare and commit in one go, for callers with no event log to write in between. */
export async function recordEvents(store: RealtimeStore, events: readonly Event[], opts: RecordOptions) {
  const prepared = await store.prepareEvents(events, opts);
  return { duplicates: prepared.duplicates, fresh: prepared.fresh.length, ...(await prepared.commit()) };
}
