// The vocabulary of candidate generation: each source is a named unit that, for one user, returns
// scored video ids (best first). The merge keeps which sources proposed each video.
import type { SourceName } from '../../models/candidates.js';
import type { UserProfile } from '../stats/aggregate.js';

export type Scored = { id: string; score: number };

/** What a source may know about the user it generates for. */
export type UserView = {
  userId: string;
  region: string | undefined;
  profile: UserProfile;
  nowMs: number;
};

export type CandidateSource = {
  name: SourceName;
  retrieve(user: UserView): Scored[];
};

export type SourceResult = { source: SourceName; items: Scored[] };
