// StrykerJS mutation testing of the pure domain core (src/domain) against the unit tests only (test/unit).
// `npm run mutate` runs every domain file; `npm run mutate -- --mutate src/domain/dates.ts` runs one file.
// Incremental: results are kept in reports/stryker-incremental.json (not committed: it goes stale with every domain
// edit and would conflict between branches), so a rerun only tests mutants whose code or covering tests changed.
// Equivalent mutants (no behaviour can tell them apart) are listed with their reason in stryker-equivalents.md; they are
// not silenced here, because silencing needs comments in the domain sources.
// The machine is shared: run it niced with one worker (the npm script does both).

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts', related: true },
  mutate: ['src/domain/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Mutants reached only while a module loads are run against every test instead of being dropped (the default);
  // a test that builds its fixture at load time would otherwise hide the mutants it covers.
  ignoreStatic: false,
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  // Stryker's tsconfig rewriting (for `extends`/`references` outside the sandbox, which this repo does not use) calls
  // the JavaScript API of `typescript`, which TypeScript 7 (native tsc) no longer ships; pointing it at a file that does
  // not exist skips it. Vitest strips types itself, so nothing else here needs the tsconfig.
  tsconfigFile: 'tsconfig.stryker-skip.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  timeoutMS: 5_000,
};
