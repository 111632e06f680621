// Row-wise L2 normalisation y = z/‖z‖, so the towers' dot product is a cosine and the temperature sets
// the logit scale. Backward: dz = (dy − y·(y·dy)) / ‖z‖.
const EPS = 1e-12;

export function l2normForward(z: Float32Array, y: Float32Array, norms: Float32Array, rows: number, d: number) {
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += z[i * d + k]! ** 2;
    const n = (norms[i] = Math.sqrt(s + EPS));
    for (let k = 0; k < d; k++) y[i * d + k] = z[i * d + k]! / n;
  }
}

export function l2normBackward(y: Float32Array, norms: Float32Array, dy: Float32Array, dz: Float32Array, rows: number, d: number) {
  for (let i = 0; i < rows; i++) {
    let dot = 0;
    for (let k = 0; k < d; k++) dot += y[i * d + k]! * dy[i * d + k]!;
    const n = norms[i]!;
    for (let k = 0; k < d; k++) dz[i * d + k] = (dy[i * d + k]! - y[i * d + k]! * dot) / n;
  }
}
