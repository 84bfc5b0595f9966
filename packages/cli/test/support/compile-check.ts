import path from 'node:path';
import ts from 'typescript';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * Type-checks `files` with the repository's compiler settings (legacy decorators, strict) and
 * returns the errors found in those files. `@cartograph/*` resolves to the packages' sources, as
 * in the repository's own tsconfig.
 */
export function compileErrors(files: readonly string[]): string[] {
  const program = ts.createProgram([...files], {
    strict: true,
    noEmit: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    useDefineForClassFields: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    baseUrl: REPO_ROOT,
    paths: { '@cartograph/*': ['packages/*/src'] },
    types: ['node'],
    typeRoots: [path.join(REPO_ROOT, 'node_modules', '@types')],
  });
  const wanted = new Set(files.map((file) => path.resolve(file)));
  // Only the generated files are under test; the packages they import are checked by the repo build.
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file !== undefined && wanted.has(path.resolve(d.file.fileName)))
    .map(
      (d) => `${path.basename(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}
