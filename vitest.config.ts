import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/report/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'test/**/*.test.ts', 'data/**/*.test.ts'],
    benchmark: { include: ['packages/*/src/**/*.bench.ts', 'packages/report/src/**/*.bench.ts', 'test/**/*.bench.ts'] },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
