import { defineConfig } from 'vitest/config';

/**
 * Unit tests (engine) and API tests (server). API tests run against the embedded database,
 * or against PostgreSQL when LINIA_TEST_DATABASE_URL names a server (scripts/test.mjs does both).
 */
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    globalSetup: ['packages/server/test/support/globalSetup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
