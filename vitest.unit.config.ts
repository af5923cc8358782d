// Vitest config for the pure unit tests only (test/unit): what `npm run mutate` (StrykerJS) runs against each mutant.
// The default `npm test` keeps using vitest.config.ts (all tests, after a build).

import { defineConfig } from 'vitest/config';
import FastFirstSequencer from './test/helpers/fast-first-sequencer.js';
import LoadFailureReporter from './test/helpers/load-failure-reporter.js';

const underStryker = process.env.STRYKER_MUTATOR_WORKER !== undefined;

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    ...(underStryker ? { sequence: { sequencer: FastFirstSequencer } } : {}),
    reporters: [...(underStryker ? [] : ['default' as const]), new LoadFailureReporter()],
  },
});
