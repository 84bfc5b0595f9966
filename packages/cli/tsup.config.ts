import { packageBuild } from '../../tsup.base';

// `main` is what bin/cartograph.js runs; `index` is the library entry (defineConfig, runCli).
export default packageBuild({ index: 'src/index.ts', main: 'src/main.ts' });
