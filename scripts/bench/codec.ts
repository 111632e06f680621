// Ranked-list codec: bytes per user and encode/decode cost, against plain row-wise JSON in the same run.
import { decodeList, encodeList, SOURCES, TASKS, type RankedList } from '../../models/candidates.js';
import { repeat } from './stats.js';

function sampleList(items: number): RankedList {
  let s = 11;
  const rand = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return {
    key: 'u1',
    version: 'bench',
    generated_at: 0,
    items: Array.from({ length: items }, (_, i) => ({
      video_id: `kr${Math.floor(rand() * 1e7)}`,
      creator_id: `c${Math.floor(rand() * 60)}`,
      category: `cat${Math.floor(rand() * 20)}`,
      sources: [SOURCES[i % SOURCES.length]!],
      score: rand(),
      preds: TASKS.map(() => rand()),
      cluster: Math.floor(rand() * 64),
    })),
  };
}

export async function benchCodec(runs: number, iterations = 2000) {
  const list = sampleList(200);
  const compact = encodeList(list);
  const rowWise = JSON.stringify(list);
  const perOp = (fn: () => unknown) => () => {
    const t = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    return ((performance.now() - t) * 1000) / iterations;
  };
  const encode = await repeat(runs, perOp(() => encodeList(list)));
  const decode = await repeat(runs, perOp(() => decodeList(compact)));
  const decodeRowWise = await repeat(runs, perOp(() => JSON.parse(rowWise)));
  return {
    items: 200,
    bytes_per_user: compact.length,
    bytes_row_wise_json: rowWise.length,
    size_ratio: compact.length / rowWise.length,
    encode_us_median: encode.median,
    decode_us_median: decode.median,
    row_wise_parse_us_median: decodeRowWise.median,
  };
}
