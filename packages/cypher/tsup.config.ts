import { packageBuild } from '../../tsup.base';

// CommonJS plus an ES module wrapper (scripts/esm-wrapper.mjs): one copy per process.
export default packageBuild({ index: 'src/index.ts' }, { esmWrapper: true });
