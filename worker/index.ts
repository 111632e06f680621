// The worker's entry: wiring only.
import { app } from './app.js';
import { scheduled } from './scheduled.js';

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Env>;
