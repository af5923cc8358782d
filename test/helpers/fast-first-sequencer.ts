// Vitest file order for mutation testing: files that failed last time first (they likely catch the next mutant too),
// then the fastest first. StrykerJS stops a mutant's run at the first failure, so a mutant the quick pinned tests catch
// no longer waits for the slow detection-quality tests; a surviving mutant still runs every covering test.

import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class FastFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const key = (f: TestSpecification) => `${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`;
    const state = (f: TestSpecification) => cache.getFileTestResults(key(f));
    const sorted = [...files].sort((a, b) => {
      const sa = state(a);
      const sb = state(b);
      if (!sa || !sb) return !sa && sb ? -1 : !sb && sa ? 1 : 0; // unknown first
      if (sa.failed !== sb.failed) return sa.failed ? -1 : 1;
      return sa.duration - sb.duration;
    });
    return sorted;
  }
}
