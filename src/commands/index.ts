import { errorMessage } from '../errors';
import type { Command } from './args';
import { contractCommand } from './contract';
import { initCommand } from './init';
import { lintCommand } from './lint';
import { planCommand, runCommand } from './pipeline';
import { verifyCommand } from './verify';

const COMMANDS: Record<string, Command> = {
  plan: planCommand,
  run: runCommand,
  verify: verifyCommand,
  contract: contractCommand,
  lint: lintCommand,
  init: initCommand,
};

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
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`error: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${cmd.usage}\n`);
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    process.stderr.write(`error: ${errorMessage(e)}\n`);
    return 2;
  }
}
