import { defineConfig } from 'vitest/config';

// Property runs are long and CPU-bound: one file at a time leaves a core for the rest of CI.
export default defineConfig({
  test: { fileParallelism: false, testTimeout: 120_000 },
});
