// The vocabulary of a recommendation pipeline (product-mixer): candidate sources, filters and, in
// later stages, scorers and rerankers — each a one-method unit with a name.
import type { RankedItem, SourceName } from '../../models/candidates.js';
import type { Reranker } from '../rerankers/types.js';

/** A video on its way to a page, with the evidence of why it is there. */
export type Candidate = RankedItem & {
  /** The primary candidate source (one of `sources`, or the edge source's own kind). */
  source: SourceName;
  /** Short human explanation shown with the item. */
  reason: string;
  /** Name of the edge CandidateSource that produced it. */
  origin: string;
  /** Position in the concatenated source stream. */
  rank: number;
  /** Score by scorer name (the response's score parts); `score` is the last one applied. */
  parts?: Record<string, number>;
};
export type SourceItem = Omit<Candidate, 'rank'>;

/** What every pipeline query carries: the page being built and what earlier pages served (hashes). */
export type PageQuery = { n: number; served: ReadonlySet<number> };

/** Empty `items` is a miss; `detail` says why; `meta` carries facts for the response (e.g. region). */
export type SourceAnswer = { items: SourceItem[]; detail?: string; meta?: Record<string, string> };

export interface CandidateSource<Q> {
  readonly name: string;
  fetch(query: Q, signal: AbortSignal): Promise<SourceAnswer>;
}

export type FilterResult = { kept: Candidate[]; removed: Candidate[] };
export interface Filter<Q> {
  readonly name: string;
  filter(candidates: Candidate[], query: Q): FilterResult;
}

/**
 * When a source runs: `always`; `if-short` while the filtered stream cannot fill the page plus one
 * (so the page knows whether a next one exists); `if-empty` only when nothing was found before it.
 */
export type RunWhen = 'always' | 'if-short' | 'if-empty';

export type SourceStep<Q> = {
  source: CandidateSource<Q>;
  when: RunWhen;
  budgetMs: number;
  /** Fail open: a timeout or error degrades to the next source instead of failing the request. */
  failOpen: boolean;
  /** If this step delivers nothing, the answer is a fallback with reason `<fallbackReason>-<status>`. */
  fallbackReason?: string;
};

/** One score per candidate, in input order; async because models and stores are. */
export interface Scorer<Q> {
  readonly name: string;
  score(candidates: Candidate[], query: Q, signal: AbortSignal): Promise<ArrayLike<number>>;
}
/** A scorer that times out or fails (failOpen) leaves the scores it would have replaced. */
export type ScorerStep<Q> = { scorer: Scorer<Q>; budgetMs: number; failOpen: boolean };

export type Pipeline<Q extends PageQuery> = {
  name: string;
  sources: SourceStep<Q>[];
  /** Cheapest first; each sees what the previous one kept. */
  filters: Filter<Q>[];
  /** In order; after them the candidates are sorted by score. */
  scorers?: ScorerStep<Q>[];
  /** In order, on the scored candidates; the page is the first n they leave. */
  rerankers?: Reranker<Q>[];
};

export type StepStatus = 'ok' | 'miss' | 'timeout' | 'error' | 'skipped';
export type StepReport = { source: string; status: StepStatus; count: number; ms: number; detail?: string };
export type FilterReport = { filter: string; removed: number; ms: number };

export type StageReport = { stage: string; ms: number };

export type PipelineResult = {
  page: Candidate[];
  /** Whether candidates remain after this page. */
  hasMore: boolean;
  meta: Record<string, string>;
  report: {
    chain: StepReport[];
    filters: FilterReport[];
    scorers: StepReport[];
    rerankers: StageReport[];
    counts: { candidates_in: number; removed: Record<string, number>; out: number };
    total_ms: number;
  };
};
