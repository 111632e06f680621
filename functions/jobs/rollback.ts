// Job: serve an earlier version again (default: the current one's parent).
import { openPlatformStore } from '../io/artifact-store.js';
import { rollback as rollbackPointer } from '../io/publish-version.js';

export async function rollback(o: { to?: string; stateDir?: string }) {
  const store = await openPlatformStore({ stateDir: o.stateDir });
  try {
    return await rollbackPointer(store, o.to);
  } finally {
    await store.close();
  }
}
