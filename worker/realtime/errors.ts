// Failures of event ingestion that the client must see. The event log is the durable record: when it
// cannot be written nothing is acknowledged, and the client retries the whole batch.
import { EdgefeedHttpError } from '../errors.js';

export class EventLogUnavailableError extends EdgefeedHttpError {
  constructor(detail: string) {
    super(503, 'event_log_unavailable', `the event log could not be written (${detail}); nothing was recorded, retry the batch`);
  }
}
