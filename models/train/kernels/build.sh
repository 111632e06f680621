#!/bin/sh
# Rebuilds the committed simd.wasm from simd.ts (dev time only; run time loads the .wasm, never compiles).
# Run from the repo root: sh models/train/kernels/build.sh
set -e
cd "$(dirname "$0")"
../../../node_modules/.bin/asc simd.ts -o simd.wasm -O3 --runtime stub --enable simd --enable threads \
  --importMemory --sharedMemory --initialMemory 1 --maximumMemory 32768 --noAssert
