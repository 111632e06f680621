// The MMoE mixture: mix[i,:] = Σ_e gate[i,e] · expert_e[i,:], and its gradients, one kernel call per expert.
import type { Kernels } from './backend.js';

export function mixForward(be: Kernels, gate: Float32Array, experts: Float32Array[], mix: Float32Array, rows: number, width: number) {
  experts.forEach((x, e) => be.mixAdd(gate, experts.length, e, x, mix, rows, width, e > 0));
}

/**
 * dGate[i,e] = dmix[i,:]·expert_e[i,:] (overwrites); dExperts[e] (+)= gate[i,e]·dmix[i,:].
 * `accExperts` is false for the first task so the expert gradients need no separate zeroing.
 */
export function mixBackward(
  be: Kernels, gate: Float32Array, experts: Float32Array[], dMix: Float32Array, dGate: Float32Array, dExperts: Float32Array[], rows: number, width: number, accExperts: boolean,
) {
  experts.forEach((x, e) => be.mixBack(gate, experts.length, e, x, dMix, dGate, dExperts[e]!, rows, width, accExperts));
}
