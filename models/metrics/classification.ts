// Per-task quality of a ranker's predictions: AUC (ties get half credit, via average ranks), log loss,
// and RMSE / R² for the regression head. Shared by the training job and the evaluation report.

export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSumPos = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[order[k]!]! > 0.5) (pos++, (rankSumPos += avgRank));
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

const EPS = 1e-7;
export function logLoss(probs: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = Math.min(1 - EPS, Math.max(EPS, probs[i]!));
    sum -= labels[i]! > 0.5 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / Math.max(1, probs.length);
}

export function regression(preds: ArrayLike<number>, targets: ArrayLike<number>): { rmse: number; r2: number } {
  const n = preds.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += targets[i]! / n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sse += (preds[i]! - targets[i]!) ** 2;
    sst += (targets[i]! - mean) ** 2;
  }
  return { rmse: Math.sqrt(sse / Math.max(1, n)), r2: sst === 0 ? NaN : 1 - sse / sst };
}
