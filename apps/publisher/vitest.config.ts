import { defineConfig } from 'vitest/config';

// The end-to-end test drives one Chromium; the files run one after another on a 2-core machine.
// A browser step takes ~1 s on a quiet machine but 10 s and more when the machine is loaded:
// the default 5 s per test made the e2e suite fail on load, not on behaviour.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], fileParallelism: false, testTimeout: 30_000 },
});
