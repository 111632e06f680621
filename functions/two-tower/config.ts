// Options of training and the model's fixed shape (stored with the weights so a loaded model rebuilds
// exactly the same towers and feature hashing).

export type TwoTowerOptions = {
  /** Output vector size of both towers. */
  dims: number;
  epochs: number;
  batchSize: number;
  /** Softmax temperature over cosine similarities: smaller is sharper. */
  temperature: number;
  learningRate: number;
  seed: number;
  /** Subtract log(in-batch sampling probability) from the logits (Yi et al. 2019). */
  logQ: boolean;
  /** Most recent positives mean-pooled into the user tower. */
  historyLength: number;
  /** Probability that a training item's id is replaced by the "unknown" row (teaches cold start). */
  idDropout: number;
};

export const DEFAULT_OPTIONS: TwoTowerOptions = {
  dims: 32, epochs: 5, batchSize: 256, temperature: 0.07, learningRate: 3e-3, seed: 1, logQ: true, historyLength: 20, idDropout: 0.2,
};

/** The model's shape: everything needed to rebuild inputs and layers from bytes. */
export type TwoTowerShape = {
  dims: number;
  historyLength: number;
  /** Width of the item-id embedding, shared by the history pool and the item tower. */
  idDim: number;
  /** Width of the small embeddings: profile fields, category, creator. */
  fieldDim: number;
  hidden: number;
  idBuckets: number;
  profileBuckets: number;
  creatorBuckets: number;
  /** Category vocabulary of training, in index order; index 0 of the category table means "other". */
  categories: string[];
};

export const FIELD_DIM = 8;
export const HIDDEN = 64;
export const PROFILE_BUCKETS = 1024;

/** Hashed id buckets: about 4× the distinct ids, a power of two, at least 1024 (few collisions). */
export const bucketsFor = (distinct: number) => Math.max(1024, 2 ** Math.ceil(Math.log2(4 * Math.max(distinct, 1))));

/** Input widths of the towers: user = 3 profile fields + history pool + category shares. */
export const userWidth = (s: TwoTowerShape) => 3 * s.fieldDim + s.idDim + s.categories.length + 1;
/** Item = id + category + creator embeddings + log duration + freshness. */
export const itemWidth = (s: TwoTowerShape) => s.idDim + 2 * s.fieldDim + 2;
