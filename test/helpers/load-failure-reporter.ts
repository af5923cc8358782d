// Vitest reporter for mutation testing: a test file that fails while loading (e.g. a mutant makes a domain module
// throw at import time, or a fixture built at load time) becomes one failed test. StrykerJS's vitest runner counts
// only failed tests, so without this such a mutant would be reported as survived although the program crashes.

import type { Reporter, TestModule } from 'vitest/node';

export default class LoadFailureReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    for (const m of testModules) {
      const file = m.task;
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
      const message = file.result.errors?.[0]?.message ?? 'the test file failed to load';
      // The same File object is what the runner reads back from vitest's state after the run.
      file.tasks.push({
        type: 'test',
        id: `${file.id}_load`,
        name: 'the test file loads',
        mode: 'run',
        file,
        suite: file,
        meta: {},
        timeout: 0,
        annotations: [],
        artifacts: [],
        context: {} as never,
        result: { state: 'fail', errors: [{ message, name: 'LoadError' } as never] },
      } as never);
    }
  }
}
