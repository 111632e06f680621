// The local stack the demo page is tested on: a synthetic version (lists + light model, published by
// the central publisher) plus a catalogue-only version on top of it, then wrangler dev + Redis on free
// ports with an API key for events. Composed from the feed-cost benchmark's pieces, unchanged.
import { join } from 'node:path';
import type { Manifest, Video } from '../../models/schemas.js';
import { newVersion } from '../../functions/io/staged-build.js';
import { fixtureWeights } from '../../worker/rankers/fixtures/light-weights.js';
import { startLocalStack, type LocalStack } from '../bench/feed-cost/local-stack.js';
import { publishSynthetic } from '../bench/feed-cost/publish-synthetic.js';
import { syntheticLists, type SyntheticLists, type SyntheticWorld } from '../bench/feed-cost/synthetic-lists.js';
import { publishCatalogue } from './publish-catalogue.js';
import { syntheticCatalogue } from './synthetic-catalogue.js';
import { withTwins } from './twin-users.js';

export type DemoStack = { stack: LocalStack; apiKey: string; lists: SyntheticLists; catalogue: Video[]; manifest: Manifest };

/** Small enough to publish in seconds; few creators (~7 videos each per list), so a page shows siblings of a disliked video. */
export const DEMO_WORLD: Omit<SyntheticWorld, 'nowMs'> = {
  users: 4, itemsPerUser: 60, videos: 240, creators: 8, categories: 6, clusters: 8,
  trendingRegions: ['global'], trendingItems: 30, freshItems: 10, seed: 11,
};

export async function startDemoStack(o: {
  workDir: string;
  /** Receives the stack's synchronous stop as soon as there is something to stop. */
  onSpawned?: (stopNow: () => void) => void;
  /** Extra worker settings, e.g. a larger FEED_BUDGET_MS on a busy machine. */
  settings?: Record<string, string>;
  world?: Partial<SyntheticWorld>;
  /** Users given a copy of another user's list (twin → original), as controls. */
  twins?: Record<string, string>;
  log?: (line: string) => void;
}): Promise<DemoStack> {
  const log = o.log ?? (() => {});
  const stateDir = join(o.workDir, 'state');
  const buildRoot = join(o.workDir, 'build');
  const version = newVersion();
  const world: SyntheticWorld = { ...DEMO_WORLD, nowMs: Date.now(), ...o.world };
  const lists = withTwins(syntheticLists(world, version), o.twins ?? {});
  await publishSynthetic({ version, lists, lightWeights: fixtureWeights(), buildRoot, stateDir });
  const catalogue = syntheticCatalogue(lists, { seed: world.seed });
  // A second, catalogue-only version: the publisher carries the lists and the model over from the first.
  const manifest = await publishCatalogue({ version: `${version}-catalogue`, videos: catalogue, buildRoot, stateDir });
  log(`demo: published ${version} (+catalogue of ${catalogue.length} videos) into ${stateDir}`);
  const stack = await startLocalStack({ stateDir, workDir: o.workDir, onSpawned: o.onSpawned, vars: o.settings });
  log(`demo: ${stack.base} up; realtime: ${stack.redisNote}`);
  return { stack, apiKey: stack.apiKey, lists, catalogue, manifest };
}
