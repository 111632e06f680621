// Dev-only: serve the Upstash REST protocol over a local redis-server (production uses Upstash itself).
//   npx tsx scripts/dev/redis-gateway-cli.ts --port 8079 --redis redis://127.0.0.1:6379 --token <token>
// The token may come from UPSTASH_REDIS_REST_TOKEN instead; the worker needs the same value.
import { parseArgs } from 'node:util';
import { createGateway } from './redis-gateway.js';

const DEFAULT_PORT = 8079;
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      redis: { type: 'string', default: DEFAULT_REDIS_URL },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: redis-gateway-cli [--port 8079] [--redis redis://127.0.0.1:6379] --token <token>');
    return;
  }
  const token = values.token ?? process.env.UPSTASH_REDIS_REST_TOKEN;
  if (!token) {
    throw new Error('no token: pass --token <token> or set UPSTASH_REDIS_REST_TOKEN (the worker needs the same value)');
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a TCP port, got ${values.port}`);

  const gateway = await createGateway({ redisUrl: values.redis, token, port, host: '127.0.0.1' });
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`redis-gateway: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
