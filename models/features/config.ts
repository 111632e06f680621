// Constants that shape feature values. They are hashed into FEATURE_SPEC_VERSION (spec.ts): changing
// one changes what a feature means, so old normalisation stats and models must be refused.
export const featureConfig = {
  /** Labels of an impression are joined from events up to this long after it (delayed feedback). */
  labelWindowMs: 3_600_000,
  /** A view with watch ratio above this counts as a finish (label and completed-view stats). */
  finishRatio: 0.8,
  /** A user younger than this at impression time is new. */
  newUserDays: 7,
  /** Categories counted per user (bounded sketch; exact while a user has seen at most this many). */
  userTopCategories: 16,
  /** Creators remembered per user (least-viewed one is evicted). */
  userTopCreators: 32,
  /** Pseudo-counts of the Bayesian smoothing toward global priors. */
  smoothing: { videoImpressions: 50, videoViews: 20, creatorImpressions: 100, userImpressions: 20, userViews: 10 },
  /** Global priors used until enough events have been seen to estimate them. */
  defaultPriors: { viewRate: 0.3, watchRatio: 0.5, likeRate: 0.05, dislikeRate: 0.01, skipRate: 0.7 },
  /** Pseudo-count of the default priors inside the running global priors. */
  priorPseudoCount: 1000,
  /** Position fed to the model at serving (position-bias correction: rank as if at the top). */
  servingPosition: 0,
} as const;
export type FeatureConfig = typeof featureConfig;
