import { defineConfig } from 'vitest/config';

// The end-to-end test drives one Chromium; the files run one after another on a 2-core machine.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], fileParallelism: false } });
