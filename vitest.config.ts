import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// `firecover-source`: workspace code imports @firecover/core from its TypeScript sources (packages/core's
// exports map); published consumers get dist/. Tests that spawn the built CLI rely on test/global_setup.ts,
// which rebuilds dist/ first whenever its sources changed.

export default defineConfig({
  resolve: { conditions: ['firecover-source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['firecover-source', ...defaultServerConditions] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'test/**/*.test.ts', 'data/**/*.test.ts'],
    benchmark: { include: ['packages/*/src/**/*.bench.ts', 'test/**/*.bench.ts'] },
    globalSetup: ['test/global_setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
