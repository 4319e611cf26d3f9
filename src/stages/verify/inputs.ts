import * as fs from 'node:fs';
import * as path from 'node:path';
import { ActionError, errorMessage } from '../../errors';
import { defaultOf, INPUTS, type InputReader } from '../../inputs';
import { registerSecret } from '../../report/log';
import { shellWords } from '../../words';
import type { BakeOptions } from './bake';
import { readBakeInputs } from './bake-inputs';
import { redactUrl, type SmokeCall } from './client';
import { parseContract, type Contract } from './contract';

export const CONTRACT_MODES = INPUTS.contract.allowed;
export type ContractMode = (typeof CONTRACT_MODES)[number];
export const DEFAULT_BASELINE = 'mcp-contract.json';
/** In `mcp-command`, replaced by the image@digest that the build stage of this run pushed. */
export const IMAGE_PLACEHOLDER = '{image}';

export interface VerifyInputs {
  url?: string;
  /** argv of a stdio server; may contain IMAGE_PLACEHOLDER. */
  command?: string[];
  /** Values are secrets (registered for masking). */
  headers: Record<string, string>;
  healthUrl?: string;
  smoke: SmokeCall[];
  contract: ContractMode;
  /** Absolute path of the baseline, or undefined when there is none to compare with. */
  baseline?: string;
  /** The baseline, read and checked with the inputs; undefined when there is none or contract is off. */
  baselineContract?: Contract;
  /**
   * The named contract-baseline when that file does not exist yet: the first release, which has nothing
   * to compare with. A passing verify writes this run's contract there, to be committed. A baseline that
   * exists but does not read as a contract stays an error.
   */
  firstBaseline?: string;
  timeoutSec: number;
  /** The bake after the checks pass; bakeTimeSec 0 is none. */
  bake: BakeOptions;
}

function httpUrl(value: string, input: string, hint: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new ActionError(`'${value}' is not a URL`, input, hint);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new ActionError(`'${redactUrl(value)}' is not an http(s) URL`, input, hint);
  // Registers the credentials in the URL (user:pass@, ?api_key=) as secrets the moment the input is read,
  // so no plan, log line or summary shows them.
  redactUrl(value);
  return u.toString();
}

function parseHeaders(r: InputReader): Record<string, string> {
  const headers = r.headers('mcp-headers', 'X-Api-Key: ${{ secrets.KEY }}');
  const token = r.secret('mcp-token');
  if (token) {
    if (Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'))
      throw new ActionError(
        'is set and mcp-headers has an Authorization header too',
        'mcp-token',
        'use one of the two',
      );
    headers.Authorization = `Bearer ${token}`;
    registerSecret(headers.Authorization);
  }
  return headers;
}

export function parseSmoke(lines: string[]): SmokeCall[] {
  return lines.map((line) => {
    const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(line)!;
    let args: unknown = {};
    if (m[2]?.trim()) {
      try {
        args = JSON.parse(m[2]);
      } catch (e) {
        throw new ActionError(
          `arguments of '${m[1]}' are not JSON (${(e as Error).message})`,
          'mcp-smoke',
          `write one call a line: tool-name {"arg": "value"}`,
        );
      }
    }
    if (typeof args !== 'object' || args === null || Array.isArray(args))
      throw new ActionError(
        `arguments of '${m[1]}' must be a JSON object`,
        'mcp-smoke',
        `write e.g. ${m[1]} {"a": 1}`,
      );
    return { tool: m[1], args: args as Record<string, unknown> };
  });
}

export function parseVerifyInputs(r: InputReader, cwd: string): VerifyInputs {
  const urlRaw = r.string('mcp-url');
  const commandRaw = r.string('mcp-command');
  if (!urlRaw && !commandRaw)
    throw new ActionError(
      'is required when the verify stage runs (or mcp-command)',
      'mcp-url',
      'set mcp-url to the endpoint, e.g. https://mcp.example.com/mcp, or mcp-command to start the server on stdio',
    );
  const url = urlRaw
    ? httpUrl(urlRaw, 'mcp-url', 'give the full endpoint, e.g. https://mcp.example.com/mcp')
    : undefined;
  const command = commandRaw ? shellWords(commandRaw, 'mcp-command') : undefined;
  if (command && !command.length)
    throw new ActionError(
      'has no command in it',
      'mcp-command',
      'write e.g. ./target/release/my-server --stdio',
    );
  const headers = parseHeaders(r);
  const bake = parseBake(r, url, headers);
  const healthRaw = r.string('health-url');
  const baselineRaw = r.string('contract-baseline');
  let baseline: string | undefined = path.resolve(cwd, baselineRaw || DEFAULT_BASELINE);
  let firstBaseline: string | undefined;
  // A missing named baseline is not bad input: init's pipelines name mcp-contract.json before the first
  // release has written it. That release records its contract there instead.
  if (!fs.existsSync(baseline)) {
    if (baselineRaw) firstBaseline = baseline;
    baseline = undefined;
  } else if (!fs.statSync(baseline).isFile())
    throw new ActionError(
      `'${baselineRaw || DEFAULT_BASELINE}' is not a file (looked at ${baseline})`,
      'contract-baseline',
      'name the JSON file that `mcp-deploy contract snapshot` wrote',
    );
  const contract = r.oneOf('contract', CONTRACT_MODES);
  return {
    url,
    command,
    headers,
    healthUrl: healthRaw
      ? httpUrl(healthRaw, 'health-url', 'give the full URL, e.g. https://mcp.example.com/health')
      : undefined,
    smoke: parseSmoke(r.lines('mcp-smoke')),
    contract,
    baseline,
    baselineContract:
      baseline && contract !== 'off' ? readBaseline(baseline, baselineRaw || DEFAULT_BASELINE) : undefined,
    firstBaseline,
    timeoutSec: parseTimeout(r),
    bake,
  };
}

/**
 * The bake's inputs, with what only verify knows: the default selector comes from the deploy stage's
 * namespace and deployments, bake traffic goes to mcp-url, and a scraped /metrics gets the MCP headers
 * only from the same origin (a token must not leak to another host).
 */
function parseBake(r: InputReader, url: string | undefined, headers: Record<string, string>): BakeOptions {
  const bake = readBakeInputs(r, {
    namespace: r.string('namespace'),
    deployments: r.list('deployments').map((d) => d.split('=')[0].trim()),
  });
  if (bake.bakeTimeSec > 0 && bake.trafficRate > 0 && !url)
    throw new ActionError(
      'needs mcp-url (the traffic goes to the deployed endpoint)',
      'bake-traffic',
      'set mcp-url, or bake-traffic to 0',
    );
  if (bake.metricsUrl && url && new URL(bake.metricsUrl).origin === new URL(url).origin)
    bake.metricsHeaders = headers;
  return bake;
}

/**
 * Read with the other inputs, before anything runs: found only at verify time, a broken baseline failed
 * the stage after the deploy, and the rollback then undid a good release because of a file.
 */
function readBaseline(file: string, shown: string): Contract {
  try {
    return parseContract(fs.readFileSync(file, 'utf8'), shown);
  } catch (e) {
    throw new ActionError(
      errorMessage(e),
      'contract-baseline',
      'write it again with `mcp-deploy contract snapshot --url ... > mcp-contract.json`, or set contract: off',
    );
  }
}

function parseTimeout(r: InputReader): number {
  const s = r.duration('verify-timeout');
  if (s < 1)
    throw new ActionError(
      'must be at least 1s',
      'verify-timeout',
      `write e.g. ${defaultOf('verify-timeout')} or 5m`,
    );
  return s;
}
