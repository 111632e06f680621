// One decoded catalogue per isolate per artifact: the first caller starts the load, everyone else
// awaits the same promise. Keyed by R2 key and sha256, so a later manifest that carries the catalogue
// over reuses it. A failed load is kept for `retryAfterMs` (a bad artifact is not refetched on every
// request), then retried. At most `maxCatalogues` live; the oldest goes when a newer one is added.
// The same policy as rankers/light-model-cache.ts, for another artifact.
import type { Manifest } from '../../models/schemas.js';
import { catalogueArtifact, loadCatalogue, type Catalogue, type CatalogueBucket } from './catalogue-artifact.js';

export const CATALOGUE_RETRY_AFTER_MS = 30_000;
/** The served catalogue and the one before it, for requests still on the previous manifest. */
export const CATALOGUE_MAX_ENTRIES = 2;

export type CatalogueCacheOptions = { retryAfterMs?: number; maxCatalogues?: number; clockMs?: () => number };

export type CatalogueCache = {
  /** The manifest's catalogue, loading it on first use. Rejects with a CatalogueError. */
  get(manifest: Manifest, bucket: CatalogueBucket): Promise<Catalogue>;
  /** Loads started in this cache. */
  readonly loads: number;
  readonly size: number;
};

type Entry = { catalogue: Promise<Catalogue>; failedAtMs: number | null };

export function createCatalogueCache(opts: CatalogueCacheOptions = {}): CatalogueCache {
  const retryAfterMs = opts.retryAfterMs ?? CATALOGUE_RETRY_AFTER_MS;
  const maxCatalogues = opts.maxCatalogues ?? CATALOGUE_MAX_ENTRIES;
  const clockMs = opts.clockMs ?? Date.now;
  const entries = new Map<string, Entry>(); // insertion order = load order
  let loads = 0;
  return {
    get(manifest, bucket) {
      let artifact;
      try {
        artifact = catalogueArtifact(manifest);
      } catch (err) {
        return Promise.reject(err);
      }
      const id = `${artifact.key}#${artifact.sha256}`;
      const cached = entries.get(id);
      if (cached && (cached.failedAtMs === null || clockMs() - cached.failedAtMs < retryAfterMs)) return cached.catalogue;
      entries.delete(id);
      while (entries.size >= maxCatalogues) entries.delete(entries.keys().next().value!);
      loads++;
      const entry: Entry = { catalogue: loadCatalogue(artifact, bucket), failedAtMs: null };
      entry.catalogue.catch(() => (entry.failedAtMs = clockMs()));
      entries.set(id, entry);
      return entry.catalogue;
    },
    get loads() {
      return loads;
    },
    get size() {
      return entries.size;
    },
  };
}

/** The isolate's cache: module state lives as long as the isolate, across requests. */
export const isolateCatalogues: CatalogueCache = createCatalogueCache();
