// The realtime-state port (Upstash Redis in production, the local gateway in development). Only a
// liveness probe for now; seen sets, counters and session state join it as the pipeline grows.

export interface RealtimeStore {
  readonly name: string;
  /** Resolves when the store answered; rejects on any transport or auth failure. */
  ping(): Promise<void>;
}
