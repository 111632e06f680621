// One user's realtime state for a request, under its budget. A slow or failing store is not an
// error: the request goes on without it and says so in a header (and in debug).
import type { Context } from 'hono';
import { describeError, withBudget, type Outcome } from '../budget.js';
import { REALTIME_BUDGET_MS } from '../config.js';
import type { RealtimeStore, UserRealtimeState } from '../stores/realtime-store.js';
import { REALTIME_DETAIL_HEADER, REALTIME_HEADER } from './events.js';

export const outcomeDetail = (o: Outcome<unknown>) => (o.status === 'timeout' ? `no answer within ${o.budgetMs} ms` : o.status === 'error' ? describeError(o.error) : 'ok');

export type RealtimeRead = { state: UserRealtimeState | null; outcome: Outcome<UserRealtimeState> | null };

export async function readRealtime(store: RealtimeStore | null, userId: string | undefined, nowMs: number): Promise<RealtimeRead> {
  if (!store || !userId) return { state: null, outcome: null };
  const outcome = await withBudget(REALTIME_BUDGET_MS, () => store.readUser(userId, nowMs));
  return { state: outcome.status === 'ok' ? outcome.value : null, outcome };
}

export function markDegraded(c: Context, read: RealtimeRead) {
  if (!read.outcome || read.outcome.status === 'ok') return;
  c.header(REALTIME_HEADER, 'degraded');
  c.header(REALTIME_DETAIL_HEADER, `realtime state ${read.outcome.status}: ${outcomeDetail(read.outcome)}`);
}

export const realtimeDebug = (read: RealtimeRead) =>
  read.outcome ? { status: read.outcome.status, ms: read.outcome.ms, ...(read.outcome.status !== 'ok' && { detail: outcomeDetail(read.outcome) }) } : { status: 'not-read' };
