// What the feed's candidate sources are asked: whose feed, which published version, which regions.
import type { Manifest } from '../../models/schemas.js';
import type { PageQuery } from '../pipeline/types.js';

export type FeedQuery = PageQuery & {
  /** null for surfaces without a user (the trending route). */
  userId: string | null;
  manifest: Manifest;
  /** Regions whose trending list to try, in order; never includes the global list. */
  regions: string[];
};
