// Compiles a Typst file to PDF with Typst 0.14 through its Node binding, as
// one whole process, so that the benchmark can time it beside dossier.
// Usage: node compile.mjs MAIN.typ OUT.pdf FONT_DIR...
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const [main, out, ...fontPaths] = process.argv.slice(2);
const compiler = NodeCompiler.create({
  workspace: dirname(resolve(main)),
  fontArgs: [{ fontPaths }],
});
const result = compiler.compile({ mainFilePath: resolve(main) });
if (!result.result) {
  console.error(JSON.stringify(compiler.fetchDiagnostics(result.takeDiagnostics()), null, 1));
  process.exit(1);
}
writeFileSync(out, compiler.pdf(result.result));
