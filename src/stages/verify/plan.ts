import * as path from 'node:path';
import type { RunContext } from '../../context';
import type { PipelineState, Plan } from '../stage';
import type { Target } from './client';
import { IMAGE_PLACEHOLDER, type VerifyInputs } from './parse';

export interface ChosenTarget {
  kind: 'http' | 'stdio';
  /** Why this target, for the plan and the summary. */
  why: string;
}

const isReview = (ctx: RunContext) =>
  ctx.prNumber !== undefined || ctx.event === 'pull_request' || ctx.event === 'merge_request_event';

/**
 * With both a command and a URL, a pull request checks the server it just built (the deployed URL still
 * runs the previous release), and any other run checks what was deployed.
 */
export function chooseTarget(i: VerifyInputs, ctx: RunContext): ChosenTarget {
  if (i.command && !i.url) return { kind: 'stdio', why: 'mcp-command: the server started on stdio' };
  if (i.url && !i.command) return { kind: 'http', why: 'mcp-url' };
  return isReview(ctx)
    ? { kind: 'stdio', why: 'a pull request: the freshly built server (mcp-command), before merge' }
    : { kind: 'http', why: 'not a pull request: the deployed endpoint (mcp-url)' };
}

/** The command with `{image}` replaced, or undefined when it needs an image this run did not build. */
export function resolveCommand(argv: string[], state: PipelineState): string[] | undefined {
  if (!argv.some((a) => a.includes(IMAGE_PLACEHOLDER))) return argv;
  const image = state.imageRef ?? state.image;
  return image ? argv.map((a) => a.split(IMAGE_PLACEHOLDER).join(image)) : undefined;
}

/** The environment of a stdio server: ours, without the action's inputs (they hold the secrets). */
export function serverEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (e): e is [string, string] =>
        e[1] !== undefined && !e[0].startsWith('INPUT_') && !/^MCP_MCP_(TOKEN|HEADERS)$/.test(e[0]),
    ),
  );
}

export function buildTarget(i: VerifyInputs, chosen: ChosenTarget, cwd: string, argv?: string[]): Target {
  return chosen.kind === 'http'
    ? { kind: 'http', url: i.url!, headers: i.headers }
    : { kind: 'stdio', argv: argv ?? i.command!, cwd, env: serverEnv() };
}

/** Health requests carry the MCP headers only to the same origin: a token must not leak to another host. */
export function healthHeaders(i: VerifyInputs): Record<string, string> | undefined {
  if (!i.healthUrl || !i.url) return undefined;
  return new URL(i.healthUrl).origin === new URL(i.url).origin ? i.headers : undefined;
}

export function planVerify(i: VerifyInputs, ctx: RunContext, state: PipelineState): Plan {
  const chosen = chooseTarget(i, ctx);
  const resolved = chosen.kind === 'stdio' ? resolveCommand(i.command!, state) : undefined;
  const argv = chosen.kind === 'stdio' ? (resolved ?? i.command!) : undefined;
  const headerNames = Object.keys(i.headers);
  return {
    commands: argv ? [{ argv, why: 'the MCP server on stdio, started by the MCP client' }] : [],
    values: {
      ...(argv && !resolved
        ? { [IMAGE_PLACEHOLDER]: 'the image@digest that the build stage of this run pushes' }
        : {}),
      target: chosen.kind === 'http' ? `${i.url} (Streamable HTTP)` : 'stdio',
      'target-why': chosen.why,
      headers: headerNames.length ? `${headerNames.join(', ')} (values masked)` : '(none)',
      'health-url': i.healthUrl ?? '(none)',
      smoke: i.smoke.map((s) => s.tool).join(', ') || '(none)',
      contract: i.contract,
      'contract-baseline': i.baseline
        ? path.relative(ctx.workspace, i.baseline) || i.baseline
        : i.firstBaseline
          ? `${path.relative(ctx.workspace, i.firstBaseline) || i.firstBaseline} (not there yet: a passing verify writes it)`
          : '(none found)',
      'verify-timeout': `${i.timeoutSec}s`,
    },
  };
}
