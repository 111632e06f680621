// What the feature extractors read: plain numbers about one (user, video, context) at one instant.
// Training fills it from the point-in-time state (state.ts); serving fills it from its stores.
import type { Device } from './device.js';

export type UserProfileInput = { user_id: string; signup_ts?: number; device?: Device; region?: string; language?: string };
export type VideoInput = { video_id: string; creator_id: string; category: string; duration_sec: number; upload_ts: number; language?: string };

/** The user's behaviour before the impression. */
export type UserStatsInput = {
  impressions: number;
  views: number;
  skips: number;
  sumWatchRatio: number;
  views24h: number;
  views7d: number;
  /** Views in this video's category, in the favourite category, and the entropy of the distribution. */
  categoryViews: number;
  topCategoryViews: number;
  categoryEntropy: number;
  /** Total views the category counts cover (the denominator of the shares). */
  categoryTotal: number;
  finishedViews: number;
  sumLogDurationFinished: number;
};
export type VideoStatsInput = { impressions: number; views: number; sumWatchRatio: number; likes: number; dislikes: number };
export type CreatorStatsInput = { impressions: number; views: number };
export type UserCreatorInput = { views: number; likes: number; followed: boolean };
export type Priors = { viewRate: number; watchRatio: number; likeRate: number; dislikeRate: number; skipRate: number };

export type FeatureInputs = {
  ts: number;
  /** Feed slot the video was shown at (training); serving passes featureConfig.servingPosition. */
  position: number;
  user: UserProfileInput;
  ctx: { device?: Device; region?: string };
  video: VideoInput;
  userStats: UserStatsInput;
  videoStats: VideoStatsInput;
  creatorStats: CreatorStatsInput;
  userCreator: UserCreatorInput;
  priors: Priors;
  /** Dot product of collaborative user/video embeddings, when a later stage provides them. */
  embDot?: number;
};

export const emptyUserStats = (): UserStatsInput => ({
  impressions: 0,
  views: 0,
  skips: 0,
  sumWatchRatio: 0,
  views24h: 0,
  views7d: 0,
  categoryViews: 0,
  topCategoryViews: 0,
  categoryEntropy: 0,
  categoryTotal: 0,
  finishedViews: 0,
  sumLogDurationFinished: 0,
});
