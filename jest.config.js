// One Neo4j server per run (global setup), test files run one at a time because they share it and
// each file starts from an empty database.
// Every query compiled in the tests is also built without the compiled-query cache and compared
// with the cached text (packages/core/src/query/text-cache.ts): a plan field missing from the
// cache key fails the test that meets it instead of handing one query's text to another.
process.env.CARTOGRAPH_VERIFY_QUERY_CACHE = '1';

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: {
    '^@cartograph/([a-z-]+)/internal$': '<rootDir>/packages/$1/src/internal',
    '^@cartograph/([a-z-]+)$': '<rootDir>/packages/$1/src',
  },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 1,
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/packages/*/test/**/*.unit.test.ts', '<rootDir>/scripts/**/*.unit.test.ts'],
    },
    {
      ...shared,
      displayName: 'neo4j',
      testMatch: [
        '<rootDir>/packages/*/test/**/*.test.ts',
        '<rootDir>/examples/*/test/**/*.test.ts',
        // Every TypeScript snippet of the Markdown pages compiles and runs (scripts/docs-check).
        '<rootDir>/scripts/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['\\.unit\\.test\\.ts$'],
      globalSetup: '<rootDir>/packages/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/packages/testing/src/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/packages/testing/src/jest/setup-after-env.ts'],
    },
  ],
};
