// One decoded catalogue per isolate per artifact (stores/artifact-cache.ts, the policy the light model
// uses too): a later manifest that carries the catalogue over reuses it.
import { artifactCache, type ArtifactCache } from '../stores/artifact-cache.js';
import { catalogueArtifact, loadCatalogue, type Catalogue, type CatalogueBucket } from './catalogue-artifact.js';

export const CATALOGUE_RETRY_AFTER_MS = 30_000;
/** The served catalogue and the one before it, for requests still on the previous manifest. */
export const CATALOGUE_MAX_ENTRIES = 2;

export type CatalogueCacheOptions = { retryAfterMs?: number; maxCatalogues?: number; clockMs?: () => number };
/** Rejects with a CatalogueError. */
export type CatalogueCache = ArtifactCache<Catalogue, CatalogueBucket>;

export const createCatalogueCache = (opts: CatalogueCacheOptions = {}): CatalogueCache =>
  artifactCache({
    artifactOf: catalogueArtifact,
    load: loadCatalogue,
    retryAfterMs: opts.retryAfterMs ?? CATALOGUE_RETRY_AFTER_MS,
    maxEntries: opts.maxCatalogues ?? CATALOGUE_MAX_ENTRIES,
    clockMs: opts.clockMs,
  });

/** The isolate's cache: module state lives as long as the isolate, across requests. */
export const isolateCatalogues: CatalogueCache = createCatalogueCache();
