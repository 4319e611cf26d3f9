import * as path from 'node:path';
import { cliSource, InputReader } from '../inputs';
import { runCleanups } from '../cleanup';
import { prepare, plan, runPipeline } from '../pipeline';
import { log } from '../report/log';
import { quote } from '../exec';
import { ALL_INPUTS, parseArgs, warnUnknownVariables, type Command } from './args';
import { cliContext, cwdFlag } from './local';

const COMMON = `Options:
  --stages LIST            gates,build,scan,deploy,verify (default: gates)
  --cwd DIR                the crate's directory (the action's working-directory; default .)
  --ref REF                act as if on this ref, e.g. refs/tags/v1.2.3 (default: git's HEAD)
  --sha SHA                act as if at this commit (default: git's HEAD)
  --workspace DIR          repository root for annotation paths (default: git's top level)
  --<input> VALUE          any input of action.yml, e.g. --clippy-args "-D warnings -W clippy::pedantic"
Inputs not given as flags are read from MCP_<INPUT> variables (MCP_CLIPPY_ARGS), as in the GitLab template.`;

async function prepared(args: string[]) {
  const { flags } = parseArgs(args, {
    inputs: ALL_INPUTS,
    own: { cwd: false, ref: false, sha: false, workspace: false },
  });
  warnUnknownVariables();
  const dir = cwdFlag(flags.cwd);
  const ctx = await cliContext(dir, flags);
  const inputFlags: Record<string, string> = { ...flags };
  // --cwd is relative to where the user stands; working-directory is relative to the workspace.
  if (flags.cwd) inputFlags['working-directory'] = path.relative(ctx.workspace, dir) || '.';
  for (const k of ['cwd', 'ref', 'sha', 'workspace']) delete inputFlags[k];
  return prepare(new InputReader(cliSource(inputFlags)), ctx);
}

export const planCommand: Command = {
  usage: `mcp-deploy plan [options]\n\n${COMMON}`,
  async run(args) {
    const p = await prepared(args);
    const c = p.env.ctx;
    log.info(`context: ${c.platform}, ${c.event} on ${c.ref} at ${c.sha.slice(0, 12)}`);
    log.info(`working directory: ${p.env.cwd}`);
    for (const { name, plan: pl } of plan(p)) {
      log.info(`\n[${name}]`);
      for (const [k, v] of Object.entries(pl.values)) log.info(`  ${k}: ${v}`);
      for (const cmd of pl.commands) log.info(`  $ ${quote(cmd.argv)}${cmd.why ? `   # ${cmd.why}` : ''}`);
    }
    return 0;
  },
};

export const runCommand: Command = {
  usage: `mcp-deploy run [options]\n\n${COMMON}`,
  async run(args) {
    const result = await runPipeline(await prepared(args)).finally(() => runCleanups());
    process.stdout.write(`\n${result.summary.toText()}`);
    for (const [k, v] of Object.entries(result.outputs)) if (v) log.info(`output ${k}: ${v}`);
    if (result.failure) {
      process.stderr.write(`error: ${result.failure}\n`);
      return 1;
    }
    return 0;
  },
};
