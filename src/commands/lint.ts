import { cliSource, InputReader } from '../inputs';
import {
  headline,
  lintFailed,
  lintPaths,
  lintSummary,
  parseLintInputs,
  ruleList,
  toAnnotation,
} from '../lint';
import { log } from '../report/log';
import { parseArgs, warnUnknownVariables, type Command } from './args';
import { cliContext } from './local';

export const lintCommand: Command = {
  usage: `mcp-deploy lint [PATH...] [options]

PATH is a manifest file, a directory of YAML files, a kustomize overlay (rendered with kubectl kustomize)
or - for stdin; default: the current directory.

Options:
  --mcp-path PATH          the MCP endpoint (default /mcp)
  --mcp-sessions MODE      stateful | stateless: does the server keep sessions in memory (default stateful)
  --lint MODE              error | warn | off, as the action's input: warn never fails (default error)
  --strict                 warnings fail too
  --format text|json       json prints the findings as one JSON object (default text)
  --workspace DIR          repository root for file paths in findings (default: git's top level)
Inputs not given as flags are read from MCP_<INPUT> variables (MCP_MCP_PATH), as in the GitLab template.

Exit status: 0 clean (or warnings only), 1 error findings, 2 usage error.

Rules:
${ruleList()}

Annotations (on the object): mcp-deploy.dev/sessions: stateless|stateful, mcp-deploy.dev/mcp-path: /path,
mcp-deploy.dev/host-check: disabled, mcp-deploy.dev/ignore: MCP002,MCP006 (IDs or names).`,
  async run(args) {
    const { flags, positional } = parseArgs(args, {
      inputs: ['lint', 'mcp-path', 'mcp-sessions'],
      own: { strict: true, format: false, workspace: false },
    });
    warnUnknownVariables();
    const { strict, format = 'text' } = flags;
    if (format !== 'text' && format !== 'json') {
      process.stderr.write(`error: --format must be text or json\n`);
      return 2;
    }
    const inputs = parseLintInputs(new InputReader(cliSource(flags)));
    if (inputs.mode === 'off') {
      log.info('lint is off');
      return 0;
    }
    const { workspace } = await cliContext(process.cwd(), flags);
    const result = await lintPaths(positional.length ? positional : ['.'], {
      mcpPath: inputs.mcpPath,
      sessions: inputs.sessions,
      workspace,
    });
    if (format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      for (const f of result.findings) log.annotate(toAnnotation(f, inputs.mode));
      process.stdout.write(
        `\n${result.findings.length ? lintSummary(result, false).toText() : `${headline(result)}\n`}`,
      );
    }
    return lintFailed(result, inputs.mode, strict === 'true') ? 1 : 0;
  },
};
