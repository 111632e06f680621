// Publishes a staged build under its version and flips the `manifest:current` pointer last. Until that
// single KV write, the edge keeps serving the previous version; any failure before it leaves the served
// version unchanged. Rollback flips the pointer back to a version whose entries still exist.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pMap from 'p-map';
import { encodeList, type RankedList } from '../../models/candidates.js';
import { MANIFEST_POINTER_KEY, manifestKey, manifestObjectKey } from '../../models/keys.js';
import { ManifestSchema, type Artifact, type Manifest } from '../../models/schemas.js';
import { PublishError } from '../errors.js';
import type { ArtifactStore } from './artifact-store.js';
import { sha256OfBytes } from './sha256.js';
import { readNdjson } from './ndjson.js';
import { progress } from './progress.js';
import { KV_LIST_ARTIFACTS, sha256File, type BuildInfo } from './staged-build.js';

export type PublishOptions = { dir: string; info: BuildInfo; kvTtlSeconds: number; concurrency: number; log?: (l: string) => void };

export async function currentManifest(store: ArtifactStore): Promise<Manifest | null> {
  const raw = await store.kvGet(MANIFEST_POINTER_KEY);
  return raw ? ManifestSchema.parse(JSON.parse(raw)) : null;
}

async function putLists(store: ArtifactStore, path: string, prefix: string, o: PublishOptions) {
  const bar = progress(`KV ${prefix}*`, { log: o.log });
  let firstKey: string | null = null;
  let valueBytes = 0;
  await pMap(
    readNdjson<RankedList>(path),
    async (list) => {
      firstKey ??= prefix + list.key;
      const value = encodeList(list);
      valueBytes += Buffer.byteLength(value);
      await store.kvPut(prefix + list.key, value, { expirationTtl: o.kvTtlSeconds });
      bar.tick();
    },
    { concurrency: o.concurrency },
  );
  return { count: bar.done().count, firstKey: firstKey as string | null, valueBytes };
}

export async function publishVersion(store: ArtifactStore, o: PublishOptions): Promise<Manifest> {
  const { version } = o.info;
  const parent = await currentManifest(store).catch(() => null);
  const artifacts: Record<string, Artifact> = {};
  const spotChecks: string[] = [];
  for (const [name, spec] of Object.entries(KV_LIST_ARTIFACTS)) {
    const path = join(o.dir, spec.file);
    if (!existsSync(path)) continue;
    const { sha256, bytes } = await sha256File(path);
    // The staged file also goes to R2: the exact bytes behind this version, for audit and replay.
    await store.r2Put(`builds/${version}/${spec.file}`, readFileSync(path), 'application/gzip');
    const { count, firstKey, valueBytes } = await putLists(store, path, spec.kvPrefix(version), o);
    if (firstKey) spotChecks.push(firstKey);
    artifacts[name] = { key: spec.kvPrefix(version), store: 'kv', sha256, bytes, count, kv_value_bytes: valueBytes, content_type: 'application/json' };
  }
  for (const [name, f] of Object.entries(o.info.files ?? {})) {
    const bytes = readFileSync(join(o.dir, f.file));
    const key = `models/${version}/${f.file}`;
    await store.r2Put(key, bytes, f.content_type);
    const back = await store.r2Get(key);
    const sha256 = sha256OfBytes(bytes);
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
    created_at: new Date().toISOString(),
    build: { ...o.info.build, ...(carried.length > 0 && { carried_over: carried.map(([n]) => n).join(',') }) },
    artifacts,
  });
  const json = JSON.stringify(manifest);
  await store.kvPut(manifestKey(version), json);
  await store.r2Put(manifestObjectKey(version), new TextEncoder().encode(json), 'application/json');
  for (const key of [manifestKey(version), ...spotChecks]) {
    if ((await store.kvGet(key)) === null) throw new PublishError(`verification failed: ${key} is missing after publish; ${parent?.version ?? 'nothing'} stays served`);
  }
  await store.kvPut(MANIFEST_POINTER_KEY, json);
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
