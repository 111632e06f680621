// Test support: a small WASM-backed arena and both backends over it, with seeded random tensors.
import { createArena, createSharedMemory } from './arena.js';
import { createBackend, SCRATCH_FLOATS, type Backend } from './backend.js';
import { seededRng } from './rng.js';

export function testMemory(seed: number, bytes = 8 << 20) {
  const memory = createSharedMemory(bytes, true);
  const arena = createArena(memory.buffer);
  const backends: Backend[] = [createBackend('ts', memory, arena.f32(0)), createBackend('wasm', memory, arena.f32(SCRATCH_FLOATS))];
  const rng = seededRng(seed);
  const rand = (n: number, scale = 1) => {
    const t = arena.f32(n);
    for (let i = 0; i < n; i++) t[i] = rng.normal() * scale;
    return t;
  };
  return { memory, arena, backends, rng, rand };
}
