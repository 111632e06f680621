// Runs a WritePlan atomically in one round trip. Per event: SET its marker NX with the TTL, and only
// if that succeeded run its commands; then the batch-wide commands. A pipeline cannot make a write
// depend on an earlier reply, so this is a short Lua script (EVAL); the plan is flattened into ARGV
// and every key goes through KEYS, as Redis and Upstash ask of scripts.
import type { KeyCommand, WritePlan } from './write-plan.js';

// ARGV: markerTtl, then groups of: markerKeyIndex (0 = run always), commandCount, then per command:
// name, keyIndex, argCount, args...  Returns 1/0 per marked group: applied, or already recorded.
export const APPLY_PLAN_LUA = `
local ttl = ARGV[1]
local i = 2
local applied = {}
while i <= #ARGV do
  local marker = tonumber(ARGV[i])
  local count = tonumber(ARGV[i + 1])
  i = i + 2
  local run = true
  if marker > 0 then
    run = redis.call('SET', KEYS[marker], '1', 'NX', 'EX', ttl) ~= false
    applied[#applied + 1] = run and 1 or 0
  end
  for _ = 1, count do
    local argc = tonumber(ARGV[i + 2])
    if run then
      local call = { ARGV[i], KEYS[tonumber(ARGV[i + 1])] }
      for a = 1, argc do call[a + 2] = ARGV[i + 2 + a] end
      redis.call(unpack(call))
    end
    i = i + 3 + argc
  end
end
return applied
`;

export type ScriptCall = { keys: string[]; args: string[] };

export function encodePlan(plan: WritePlan): ScriptCall {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const keyIndex = (key: string) => {
    let n = index.get(key);
    if (n === undefined) index.set(key, (n = keys.push(key)));
    return String(n);
  };
  const args = [String(plan.markerTtlSeconds)];
  const group = (marker: string | null, commands: KeyCommand[]) => {
    args.push(marker === null ? '0' : keyIndex(marker), String(commands.length));
    for (const c of commands) args.push(c.name, keyIndex(c.key), String(c.args.length), ...c.args);
  };
  for (const e of plan.events) group(e.marker, e.commands);
  if (plan.always.length > 0) group(null, plan.always);
  return { keys, args };
}
