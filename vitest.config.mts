import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A page on a loaded two-core machine can take seconds to show what a poll waits for; the
    // default second made waits fail where nothing was wrong.
    expect: { poll: { timeout: 15_000 } },
    // Two cores: the browser tests would starve each other if every file ran at once.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
