// NDCG@k with graded relevance (engagement-grade.ts): gain 2^grade − 1 at rank i discounted by
// log2(i + 1), over the DCG of the user's grades sorted best first. Grade 1 everywhere is binary NDCG.

const gain = (grade: number) => 2 ** grade - 1;

export function ndcgGraded(ranked: string[], grades: ReadonlyMap<string, number>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    dcg += gain(grades.get(id) ?? 0) / Math.log2(i + 2);
  });
  const best = [...grades.values()].sort((a, b) => b - a).slice(0, k);
  const ideal = best.reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}
