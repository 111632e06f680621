// Job: what the edge is serving now.
import { openPlatformStore } from '../io/artifact-store.js';
import { currentManifest } from '../io/publish-version.js';

export async function status(o: { stateDir?: string }) {
  const store = await openPlatformStore({ stateDir: o.stateDir });
  try {
    return await currentManifest(store);
  } finally {
    await store.close();
  }
}
