import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** Fuzz suite overrides (vitest.config.ts passes them from the shell); empty means the defaults. */
      FUZZ_SEED: string;
      FUZZ_RUNS: string;
    }
  }
}
