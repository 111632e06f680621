// Parity: the exported bytes run in real onnxruntime-web (wasm, Node) and must agree with the
// reference TypeScript forward pass to 1e-5 on seeded weights and inputs.
import { describe, expect, it } from 'vitest';
import { decodeModel, modelMetadata } from '../onnx/model.js';
import { exportMmoe, MMOE_INPUT_DENSE, MMOE_INPUT_IDS, MMOE_OUTPUT_PREDS } from './export-onnx.js';
import { maxAbsDiff, SPEC_CONFIG, seededInputs, TINY_CONFIG } from './fixtures.js';
import { mmoeForward } from './forward.js';
import { HAND_EXPECTED, HAND_INPUT, HAND_WEIGHTS } from './hand-weights.js';
import { randomMmoeWeights } from './random-weights.js';
import { createOrtSession, runMmoe } from './ort-node.js';

const TOLERANCE = 1e-5;
const META = { featureSpecVersion: 'fs-test-1', modelVersion: 'm42' };

describe('exportMmoe → onnxruntime-web', () => {
  it.each([
    ['issue spec (64 inputs, 4 experts, 5 heads)', SPEC_CONFIG, 257, 20240601],
    ['tiny', TINY_CONFIG, 33, 1],
  ])('%s: preds and gates match the TS forward within 1e-5', async (_label, config, batch, seed) => {
    const w = randomMmoeWeights(config, seed);
    const input = seededInputs(config, batch, 77);
    const session = await createOrtSession(exportMmoe(w, META, { gates: true }));
    const ort = await runMmoe(session, input);
    const ref = mmoeForward(w, input, { gates: true });
    expect(ort.preds).toHaveLength(batch * config.tasks.length);
    expect(maxAbsDiff(ort.preds, ref.preds)).toBeLessThanOrEqual(TOLERANCE);
    expect(maxAbsDiff(ort.gates!, ref.gates!)).toBeLessThanOrEqual(TOLERANCE);
    // Guard against a vacuous pass: every head must vary across rows (no dead ReLU tower).
    const T = config.tasks.length;
    for (let t = 0; t < T; t++) expect(new Set(ort.preds.filter((_, i) => i % T === t)).size).toBeGreaterThan(batch / 2);
    // ...and the 1e-5 bound is tight enough to catch a small export slip: nudge one gate bias by 1e-3.
    w.gates[0]!.b[0]! += 1e-3;
    expect(maxAbsDiff(ort.gates!, mmoeForward(w, input, { gates: true }).gates!)).toBeGreaterThan(TOLERANCE);
    await session.release();
  });

  it('reproduces the hand-worked model, with Int32 ids widened to int64', async () => {
    const session = await createOrtSession(exportMmoe(HAND_WEIGHTS, META, { gates: true }));
    const out = await runMmoe(session, HAND_INPUT);
    HAND_EXPECTED.preds.forEach((v, i) => expect(out.preds[i]).toBeCloseTo(v, 6));
    HAND_EXPECTED.gates.forEach((v, i) => expect(out.gates![i]).toBeCloseTo(v, 6));
    await session.release();
  });

  it('has fixed I/O names, only preds by default, and only the config slots as tables', async () => {
    const w = randomMmoeWeights(SPEC_CONFIG, 1);
    const bytes = exportMmoe(w, META);
    const session = await createOrtSession(bytes);
    expect(session.inputNames).toEqual([MMOE_INPUT_DENSE, MMOE_INPUT_IDS]);
    expect(session.outputNames).toEqual([MMOE_OUTPUT_PREDS]);
    await session.release();

    const model = decodeModel(bytes);
    expect(model.producerName).toBe('edgefeed');
    expect(Number(model.irVersion)).toBe(8);
    expect(Number(model.opsetImport[0]!.version)).toBe(13);
    expect(model.producerVersion).toBe('m42');
    const meta = modelMetadata(model);
    expect(meta['edgefeed.feature_spec_version']).toBe('fs-test-1');
    expect(meta['edgefeed.tasks']).toBe('click,watch,like,finish,dislike');
    expect(meta['edgefeed.task_output']).toBe('sigmoid,identity,sigmoid,sigmoid,sigmoid');
    const graph = model.graph!;
    const tables = (graph.initializer ?? []).map((t) => t.name ?? '').filter((n) => n.startsWith('emb.'));
    expect(tables).toEqual(['emb.video', 'emb.creator', 'emb.category']);
    // Dense width 40 is an input, never an initializer: user vectors are fed, not baked in.
    const dims = (graph.input ?? []).map((i) => (i.type?.tensorType?.shape?.dim ?? []).map((d) => d.dimParam || Number(d.dimValue)));
    expect(dims).toEqual([['batch', 40], ['batch', 3]]);
  });
});
