import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration and e2e tests share one machine with two cores; keep the fan-out modest.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
