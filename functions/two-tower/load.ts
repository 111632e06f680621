// Restores a model from toBytes() output.
import { decodeModel } from './codec.js';
import { createModel, type TwoTowerModel } from './model.js';

export function loadTwoTower(bytes: Uint8Array): TwoTowerModel {
  const m = decodeModel(bytes);
  return createModel(m.shape, m.dense, m.tables, m.owners);
}
