import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

const migrations = await readD1Migrations('./drizzle');

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: migrations,
                API_KEY: 'test-root-key',
                JWT_SECRET: 'test-jwt-secret',
                ENCRYPTION_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
                // Re-run the fuzz suite with another seed or size: FUZZ_SEED=1 FUZZ_RUNS=500 npx vitest run …
                FUZZ_SEED: process.env.FUZZ_SEED ?? '',
                FUZZ_RUNS: process.env.FUZZ_RUNS ?? '',
              },
            },
          }),
        ],
        test: {
          name: 'workerd',
          include: ['test/worker/**/*.test.ts'],
          setupFiles: ['./test/worker/apply-migrations.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'sdk',
          include: ['test/sdk/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./test/sdk/start-worker.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The admin console in headless Chromium, against its own Worker started like the SDK tests'.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./test/sdk/start-worker.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
