import { defineConfig } from 'vitest/config';

// The tests spawn the built CLI (one Node process per run): allow for a busy machine.
export default defineConfig({
  test: { testTimeout: 120_000 },
});
