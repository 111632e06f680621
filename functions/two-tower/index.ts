// The two-tower retrieval model: train on time-ordered positives, serve user and item vectors.
export type { TwoTowerOptions, TwoTowerShape } from './config.js';
export { DEFAULT_OPTIONS } from './config.js';
export type { Positive, TwoTowerTrainInput } from './examples.js';
export { categoryShares } from './features.js';
export type { TwoTowerModel } from './model.js';
export { loadTwoTower } from './load.js';
export { isPositive, positivesFrom } from './positives.js';
export { trainTwoTower, type TrainingReport, type TrainOptions } from './train.js';
export { TwoTowerBytesError, TwoTowerError, TwoTowerInputError } from './errors.js';
