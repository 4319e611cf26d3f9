import { errorMessage } from '../errors';
import { quietToolkitDebug } from '../report/log';
import type { Command } from './args';

/**
 * Commands load on use (chunks of their own in the bundle): the MCP SDK, Octokit and the manifest linter
 * are not parsed for a command that does not need them, which keeps `run --stages gates` and `--help` quick.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  plan: {
    summary: 'print the stages, the exact commands and the computed values; runs nothing',
    load: async () => (await import('./pipeline.js')).planCommand,
  },
  run: {
    summary: 'run the stages locally with the same core as the action and print the summary',
    load: async () => (await import('./pipeline.js')).runCommand,
  },
  verify: {
    summary:
      'speak MCP to a server (HTTP or stdio), run the checks and compare its tool contract with a baseline',
    load: async () => (await import('./verify.js')).verifyCommand,
  },
  contract: {
    summary: "contract snapshot: write a server's tool contract (mcp-contract.json); contract diff A B",
    load: async () => (await import('./contract.js')).contractCommand,
  },
  lint: {
    summary: 'check Kubernetes manifests for the known MCP-over-HTTP deployment mistakes',
    load: async () => (await import('./lint.js')).lintCommand,
  },
  tools: {
    summary:
      'install the pinned, checksummed kubectl, trivy and cargo-audit into a directory (the tool image)',
    load: async () => (await import('./tools.js')).toolsCommand,
  },
  init: {
    summary: 'write a Dockerfile, Kubernetes manifests, monitoring and a workflow into a repository',
    load: async () => (await import('./init.js')).initCommand,
  },
};

/**
 * Ctrl-C or a CI runner's SIGTERM: the commands run in process groups of their own, so they are ended here,
 * and what the run left on disk (a kubeconfig, a registry login) is removed before exiting.
 */
function interrupted(signal: NodeJS.Signals): void {
  // Loaded here, not at start-up: --help and gates runs stay quick (see the bundle's chunks).
  void Promise.all([import('../exec.js'), import('../cleanup.js')])
    .then(async ([{ stopAll }, { runCleanups }]) => {
      process.stderr.write(`mcp-deploy: ${signal}: ended ${stopAll()} running command(s); cleaning up\n`);
      await runCleanups();
    })
    .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return `mcp-deploy: gates, build, scan, deploy and verify a Rust MCP server, as the GitHub Action does.

Usage: mcp-deploy <command> [options]     (mcp-deploy <command> --help for its options)

Commands:
${Object.entries(COMMANDS)
  .map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`)
  .join('\n')}
`;
}

export async function cli(argv: string[]): Promise<number> {
  quietToolkitDebug();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`error: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const cmd = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${cmd.usage}\n`);
    return 0;
  }
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    return await cmd.run(rest);
  } catch (e) {
    process.stderr.write(`error: ${errorMessage(e)}\n`);
    return 2;
  }
}
