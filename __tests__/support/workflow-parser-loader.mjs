// Node 20 cannot `import X from './schema.json'` without an import attribute, which
// @actions/workflow-parser's ESM build does not write. This hook serves every .json module as
// `export default <json>` so GitHub's own parser loads unchanged. Use: node --import ./workflow-parser-loader.mjs
import { register } from 'node:module';

if (!globalThis.__mcpJsonHook) {
  globalThis.__mcpJsonHook = true;
  register(
    `data:text/javascript,${encodeURIComponent(`
      import { readFileSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      export async function load(url, context, next) {
        if (url.startsWith('file:') && url.endsWith('.json'))
          return { format: 'module', shortCircuit: true, source: 'export default ' + readFileSync(fileURLToPath(url), 'utf8') };
        return next(url, context);
      }
    `)}`,
  );
}
