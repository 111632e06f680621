import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Two projects: the edge code runs inside workerd with real KV/R2 bindings (Miniflare), everything
// central (models, functions, scripts, the local Redis gateway) runs in Node. Both talk to a real
// redis-server started once by the global setup.
export default defineConfig({
  test: {
    globalSetup: ['./scripts/dev/test-redis.setup.ts'],
    projects: [
      {
        plugins: [
          // The global setup provides the gateway's URL and token (a free port per run).
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
              UPSTASH_REDIS_REST_URL: inject('upstashUrl'),
              UPSTASH_REDIS_REST_TOKEN: inject('upstashToken'),
              // Whole-app tests post events and uploads with this key.
              EDGEFEED_API_KEYS: 'test-api-key',
              REBUILD_HOOK_URL: inject('rebuildHookUrl'),
              REBUILD_HOOK_TOKEN: inject('rebuildHookToken'),
            },
            },
          })),
        ],
        test: { name: 'worker', include: ['worker/**/*.test.ts'] },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['models/**/*.test.ts', 'functions/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
