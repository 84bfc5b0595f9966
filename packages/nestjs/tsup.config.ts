import { packageBuild } from '../../tsup.base';

// CommonJS plus an ES module wrapper (scripts/esm-wrapper.mjs): one copy of the module class and
// its injection tokens per process, whether the application imports or requires it.
export default packageBuild({ index: 'src/index.ts' }, { esmWrapper: true });
