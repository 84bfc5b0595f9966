import { packageBuild } from '../../tsup.base';

// CommonJS plus an ES module wrapper (scripts/esm-wrapper.mjs): one copy per process. Two entries,
// the public one and `@cartograph/core/internal` (for Cartograph's own packages); code splitting
// puts what they share in one chunk, so both reach the same registry and classes.
export default packageBuild(
  { index: 'src/index.ts', internal: 'src/internal.ts' },
  { esmWrapper: true, dtsEntry: ['src/index.ts', 'src/internal.ts'], splitting: true },
);
