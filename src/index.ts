import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The one bundle entry. dist/ holds thin wrappers that require this file: cli.js (the mcp-deploy
 * command), post.js (the action's post step) and <stage>.js (the stage actions); dist/index.js itself is
 * the action. Each part is a chunk loaded on use, so a gates run never parses the MCP SDK or Octokit.
 */
const script = path.basename(fs.realpathSync(process.argv[1] ?? 'index.js'));

if (script === 'cli.js') {
  void import('./commands/index.js')
    .then((m) => m.cli(process.argv.slice(2)))
    .then((code) => {
      process.exitCode = code;
    });
} else if (script === 'post.js') {
  void import('./post.js').then((m) => m.post());
} else {
  // A stage action's wrapper (dist/gates.js ...) names its stage in MCP_DEPLOY_STAGES.
  if (process.env.MCP_DEPLOY_STAGES && !process.env.INPUT_STAGES)
    process.env.INPUT_STAGES = process.env.MCP_DEPLOY_STAGES;
  void import('./main.js').then((m) => m.main());
}
