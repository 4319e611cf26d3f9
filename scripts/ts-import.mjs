// Imports TypeScript test-harness modules (__tests__/support/*.ts) from plain node 20 scripts: jest's
// transform is not available outside jest, and node 20 cannot strip types. Each module and the relative
// .ts modules it imports are transpiled with the installed compiler into one temp dir under
// node_modules/.cache (so package imports resolve), imported, and the dir removed.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const here = path.dirname(new URL(import.meta.url).pathname);

/** `await importTs('__tests__/support/k8s-sim.ts')` (path relative to the repository root). */
export async function importTs(file) {
  const root = path.resolve(here, '..');
  const out = fs.mkdtempSync(path.join(root, 'node_modules', '.cache', 'ts-import-'));
  try {
    const seen = new Set();
    const emit = (abs) => {
      if (seen.has(abs)) return;
      seen.add(abs);
      const src = fs.readFileSync(abs, 'utf8');
      let js = ts.transpileModule(src, {
        compilerOptions: {
          module: ts.ModuleKind.ES2022,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
        },
      }).outputText;
      // Relative imports of .ts modules: emit them too, and point the import at the .mjs.
      js = js.replace(/(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\2/g, (m, pre, q, spec) => {
        const target = path.resolve(path.dirname(abs), spec);
        if (fs.existsSync(`${target}.ts`)) {
          emit(`${target}.ts`);
          return `${pre}${q}${spec}.mjs${q}`;
        }
        return `${pre}${q}${pathToFileURL(target).href}${q}`;
      });
      const dest = path.join(out, `${path.relative(root, abs).replace(/\.ts$/, '')}.mjs`);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, js);
    };
    const abs = path.resolve(root, file);
    emit(abs);
    return await import(
      pathToFileURL(path.join(out, `${path.relative(root, abs).replace(/\.ts$/, '')}.mjs`)).href
    );
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
