// Publishes a staged build under its version and flips the `manifest:current` pointer last. Until that
// single KV write, the edge keeps serving the previous version; any failure before it leaves the served
// version unchanged. Rollback flips the pointer back to a version whose entries still exist.
import pMap from 'p-map';
import { MANIFEST_POINTER_KEY, manifestKey, manifestObjectKey } from '../../models/keys.js';
import { ManifestSchema, type Artifact, type Manifest } from '../../models/schemas.js';
import { PublishError } from '../errors.js';
import type { ArtifactStore } from './artifact-store.js';
import { checkLayerBase, DEFAULT_MAX_LAYERS, layerFallbacks } from './layers.js';
import { DEFAULT_KEEP_VERSIONS, pruneVersions } from './prune-versions.js';
import { sha256OfBytes } from './sha256.js';
import { progress } from './progress.js';
import { BuildInfoSchema, KV_LIST_ARTIFACTS, type BuildInfo } from './staged-build.js';
import { readStagedValues } from './staged-lists.js';
import { stagedBytes, verifyStaged } from './verify-staged.js';

export type PublishOptions = {
  dir: string;
  info: BuildInfo;
  kvTtlSeconds: number;
  concurrency: number;
  /** Most KV layers a layered list may span, its own included (default 4). */
  maxLayers?: number;
  /** Versions of the parent chain that stay restorable after a publish (default 5). */
  keepVersions?: number;
  /** The publish time in ms since the epoch (default: now); it becomes the manifest's created_at. */
  nowMs?: number;
  log?: (l: string) => void;
};

export async function currentManifest(store: ArtifactStore): Promise<Manifest | null> {
  const raw = await store.kvGet(MANIFEST_POINTER_KEY);
  return raw ? ManifestSchema.parse(JSON.parse(raw)) : null;
}

async function putLists(store: ArtifactStore, path: string, prefix: string, o: PublishOptions) {
  const bar = progress(`KV ${prefix}*`, { log: o.log });
  let firstKey: string | null = null;
  let valueBytes = 0;
  await pMap(
    readStagedValues(path),
    async ({ key, value }) => {
      firstKey ??= prefix + key;
      valueBytes += Buffer.byteLength(value);
      await store.kvPut(prefix + key, value, { expirationTtl: o.kvTtlSeconds });
      bar.tick();
    },
    { concurrency: o.concurrency },
  );
  return { count: bar.done().count, firstKey: firstKey as string | null, valueBytes };
}

export async function publishVersion(store: ArtifactStore, o: PublishOptions): Promise<Manifest> {
  const parsed = BuildInfoSchema.safeParse(o.info);
  if (!parsed.success) throw new PublishError(`build ${o.info.version} in ${o.dir} is not marked complete (or its build.json is invalid), so it is never published: rebuild it`);
  const info = parsed.data;
  const { version } = info;
  const nowMs = o.nowMs ?? Date.now();
  const log = o.log ?? console.log;
  // Staged bytes, layering and the served base are all checked before the first write.
  const staged = await verifyStaged(o.dir, info);
  const parent = await currentManifest(store).catch(() => null);
  const fallbacks: Record<string, string[]> = {};
  if (info.layers_over !== undefined) {
    checkLayerBase(parent, version, info.layers_over);
    for (const name of Object.keys(staged.lists) as (keyof typeof KV_LIST_ARTIFACTS)[]) {
      if (!KV_LIST_ARTIFACTS[name].layered) continue;
      const check = { version, layersOver: info.layers_over, artifact: name, maxLayers: o.maxLayers ?? DEFAULT_MAX_LAYERS, kvTtlSeconds: o.kvTtlSeconds, nowMs };
      fallbacks[name] = await layerFallbacks(store, parent, check);
    }
  }
  const artifacts: Record<string, Artifact> = {};
  const spotChecks: string[] = [];
  for (const [name, s] of Object.entries(staged.lists)) {
    const spec = KV_LIST_ARTIFACTS[name as keyof typeof KV_LIST_ARTIFACTS];
    // The staged file also goes to R2: the exact bytes behind this version, for audit and replay.
    await store.r2Put(`builds/${version}/${spec.file}`, stagedBytes(s.path, s.sha256), 'application/gzip');
    const { count, firstKey, valueBytes } = await putLists(store, s.path, spec.kvPrefix(version), o);
    if (firstKey) spotChecks.push(firstKey);
    artifacts[name] = {
      key: spec.kvPrefix(version),
      store: 'kv',
      sha256: s.sha256,
      bytes: s.bytes,
      count,
      kv_value_bytes: valueBytes,
      ...(fallbacks[name] && { fallback_keys: fallbacks[name] }),
      content_type: 'application/json',
    };
  }
  for (const [name, f] of Object.entries(info.files)) {
    const { path, sha256 } = staged.files[name]!;
    const bytes = stagedBytes(path, sha256);
    const key = `models/${version}/${f.file}`;
    await store.r2Put(key, bytes, f.content_type);
    const back = await store.r2Get(key);
    if (!back || sha256OfBytes(back) !== sha256) throw new PublishError(`verification failed: ${key} does not read back with sha256 ${sha256}`);
    artifacts[name] = { key, store: 'r2', sha256, bytes: bytes.length, content_type: f.content_type };
  }
  // What this build did not make is carried over from the served version, so a ranker-only build
  // keeps serving the current lists (and vice versa). KV entries still expire with their own TTL.
  const carried = Object.entries(parent?.artifacts ?? {}).filter(([name]) => !(name in artifacts));
  for (const [name, a] of carried) artifacts[name] = a;
  const manifest = ManifestSchema.parse({
    schema: 1,
    version,
    parent_version: parent?.version ?? null,
    created_at: new Date(nowMs).toISOString(),
    build: { ...info.build, ...(carried.length > 0 && { carried_over: carried.map(([n]) => n).join(',') }) },
    artifacts,
  });
  const json = JSON.stringify(manifest);
  await store.kvPut(manifestKey(version), json);
  await store.r2Put(manifestObjectKey(version), new TextEncoder().encode(json), 'application/json');
  for (const key of [manifestKey(version), ...spotChecks]) {
    if ((await store.kvGet(key)) === null) throw new PublishError(`verification failed: ${key} is missing after publish; ${parent?.version ?? 'nothing'} stays served`);
  }
  await store.kvPut(MANIFEST_POINTER_KEY, json);
  // The publish stands once the pointer flipped; a failed clean-up is retried by the next publish.
  await pruneVersions(store, manifest, o.keepVersions ?? DEFAULT_KEEP_VERSIONS).then(
    (pruned) => pruned.length > 0 && log(`  pruned ${pruned.length} old version(s): ${pruned.join(', ')}`),
    (err: unknown) => log(`  pruning old versions failed, the publish stands: ${err instanceof Error ? err.message : String(err)}`),
  );
  return manifest;
}

/** Points the edge back at `to` (default: the current version's parent) after checking it is intact. */
export async function rollback(store: ArtifactStore, to?: string): Promise<{ from: string; to: string }> {
  const current = await currentManifest(store);
  if (!current) throw new PublishError('nothing is published: there is no version to roll back from');
  const target = to ?? current.parent_version;
  if (!target) throw new PublishError(`version ${current.version} has no parent: name one with --to`);
  const raw = await store.kvGet(manifestKey(target));
  if (!raw) throw new PublishError(`version ${target} is not in KV (never published, or expired): pick another with --to`);
  const manifest = ManifestSchema.parse(JSON.parse(raw));
  const stored = await store.r2Get(manifestObjectKey(target));
  if (stored && new TextDecoder().decode(stored) !== raw) throw new PublishError(`version ${target}: KV and R2 manifests differ; refusing to roll back`);
  await store.kvPut(MANIFEST_POINTER_KEY, JSON.stringify(manifest));
  return { from: current.version, to: target };
}
