// `npm run test:install`: the global-install smoke test (pack, install -g into a temporary prefix, run). Slow (it
// compiles better-sqlite3), so it is not in the default `npm test`; .ci/run runs it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/install/**/*.smoke.ts'],
    testTimeout: 20 * 60_000,
    hookTimeout: 20 * 60_000,
    pool: 'forks',
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
