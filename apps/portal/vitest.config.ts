import { defineConfig } from 'vitest/config';

// PGlite's first open takes ~6 s (more on a busy machine), a PostgreSQL server a few seconds to start.
export default defineConfig({
  test: { hookTimeout: 180_000, testTimeout: 120_000, fileParallelism: false },
});
