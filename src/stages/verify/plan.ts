import * as path from 'node:path';
import type { RunContext } from '../../context';
import { toolEnv } from '../../exec';
import type { PipelineState, Plan } from '../stage';
import { redactUrl, type Target } from './client';
import { IMAGE_PLACEHOLDER, type VerifyInputs } from './inputs';

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

/**
 * The environment of a stdio server: what any tool gets (exec's toolEnv), so no action input, no secret
 * input's MCP_* variable (MCP_MCP_TOKEN, MCP_PROMETHEUS_TOKEN ...) and no runner credential.
 */
export function serverEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(toolEnv(env)).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

/** Scheme, host and path only: a URL may carry user:password. */
const shownUrl = (u: string) => {
  const p = new URL(u);
  return `${p.origin}${p.pathname}`;
};

function bakePlan(b: VerifyInputs['bake']): Record<string, string> {
  if (b.bakeTimeSec <= 0) return { bake: 'off (bake-time is 0)' };
  return {
    bake: `${b.bakeTimeSec}s, a check every ${b.intervalSec}s, from ${
      b.prometheusUrl
        ? `Prometheus ${shownUrl(b.prometheusUrl)}`
        : `${shownUrl(b.metricsUrl!)} scraped by the runner`
    }`,
    ...(b.prometheusUrl ? { 'metrics-selector': b.selector || '(all series)' } : {}),
    'bake-thresholds': `max-error-rate ${b.maxErrorRate}, max-latency-p95 ${
      b.maxLatencyP95Sec === undefined ? 'none' : `${b.maxLatencyP95Sec}s`
    }, min-requests ${b.minRequests}`,
    'bake-traffic': b.trafficRate > 0 ? `${b.trafficRate} calls a second` : 'none',
    'bake-compare': b.compare,
  };
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
      target: chosen.kind === 'http' ? `${redactUrl(i.url!)} (Streamable HTTP)` : 'stdio',
      'target-why': chosen.why,
      headers: headerNames.length ? `${headerNames.join(', ')} (values masked)` : '(none)',
      'health-url': i.healthUrl ? redactUrl(i.healthUrl) : '(none)',
      smoke: i.smoke.map((s) => s.tool).join(', ') || '(none)',
      contract: i.contract,
      'contract-baseline': i.baseline
        ? path.relative(ctx.workspace, i.baseline) || i.baseline
        : i.firstBaseline
          ? `${path.relative(ctx.workspace, i.firstBaseline) || i.firstBaseline} (not there yet: a passing verify writes it)`
          : '(none found)',
      'verify-timeout': `${i.timeoutSec}s`,
      ...bakePlan(i.bake),
    },
  };
}
