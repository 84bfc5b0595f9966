/**
 * Architecture rules, checked by `pnpm check:architecture` (see ARCHITECTURE.md).
 *
 * 1. No import circle between files in any `packages/*\/src`, type-only imports included
 *    (`tsPreCompilationDeps: true`). One exception: the Cypher grammar is recursive (an expression
 *    holds a subquery holds clauses hold expressions), so the AST types in `cypher/src/ast/` and
 *    the renderer that walks them in `cypher/src/render/` may refer to each other within their
 *    own folder.
 * 2. Packages depend only downwards: cypher <- core <- schema <- migrations <- cli; nestjs builds
 *    on core alone; testing stands alone. A package reaches another only through its published entry points
 *    (`@cartograph/core` or `@cartograph/core/internal`), never a path inside its `src`.
 * 3. Inside `@cartograph/core`, each folder imports only from folders below it in CORE_LAYERS.
 */

/** Core's layers, lowest first. A folder may import from itself and from any folder before it. */
const CORE_LAYERS = [
  'errors',
  'properties',
  'registry',
  'executor',
  'mapping',
  'schema',
  'json-schema',
  'graph',
  'relationship-model',
  'query',
  'relationships',
  'model',
  'decorators',
  // Plugins built on the seam in query/plugins (soft delete, multi-tenancy).
  'plugins',
];

/** Packages, each with the packages it may import. */
const PACKAGES = {
  cypher: [],
  core: ['cypher'],
  schema: ['cypher', 'core'],
  migrations: ['cypher', 'core', 'schema'],
  cli: ['cypher', 'core', 'schema', 'migrations'],
  nestjs: ['core'],
  testing: [],
};

const layerRules = CORE_LAYERS.slice(0, -1).map((layer, index) => ({
  name: `core-layer-${layer}`,
  comment: `core/src/${layer} may import only from ${CORE_LAYERS.slice(0, index).join(', ') || 'nothing else in core'}`,
  severity: 'error',
  from: { path: `^packages/core/src/${layer}/` },
  to: { path: `^packages/core/src/(${CORE_LAYERS.slice(index + 1).join('|')})/` },
}));

const packageRules = Object.entries(PACKAGES).map(([name, allowed]) => {
  const forbidden = Object.keys(PACKAGES).filter((other) => other !== name && !allowed.includes(other));
  return {
    name: `package-${name}`,
    comment: `@cartograph/${name} may depend on ${allowed.join(', ') || 'no other Cartograph package'}`,
    severity: 'error',
    from: { path: `^packages/${name}/src/` },
    to: { path: `^packages/(${forbidden.join('|')})/` },
  };
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circle between files, type-only imports included (the Cypher grammar excepted).',
      severity: 'error',
      from: { pathNot: '^packages/cypher/src/(ast|render)/' },
      to: { circular: true },
    },
    {
      name: 'no-circular-cypher-grammar',
      comment:
        "The Cypher AST's and renderer's recursion stays inside their own folder: no circle through another folder.",
      severity: 'error',
      from: { path: '^packages/cypher/src/(ast|render)/' },
      to: { circular: true, viaOnly: { pathNot: '^packages/cypher/src/(ast|render)/' } },
    },
    {
      name: 'no-deep-package-imports',
      comment: 'A package reaches another only through its entry points, never a file inside its src.',
      severity: 'error',
      from: { path: '^packages/([^/]+)/src/' },
      to: {
        path: '^packages/([^/]+)/src/.+',
        pathNot: ['^packages/$1/src/', '^packages/[^/]+/src/(index|internal)\\.ts$'],
      },
    },
    ...packageRules,
    ...layerRules,
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
  },
};
