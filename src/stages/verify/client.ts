import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  ErrorCode,
  McpError,
  PaginatedResultSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
  ToolSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { errorMessage } from '../../errors';
import type { Listing } from './contract';

/**
 * Speaks MCP to a server with the official SDK client and records each step as a check with its latency.
 * Nothing here decides pass or fail of the stage beyond the protocol itself; the contract is judged by
 * the caller.
 */
export type Target =
  | { kind: 'http'; url: string; headers: Record<string, string> }
  | { kind: 'stdio'; argv: string[]; cwd: string; env: Record<string, string> };

export interface SmokeCall {
  tool: string;
  args: Record<string, unknown>;
}

export interface Check {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  detail: string;
}

export interface VerifyOptions {
  target: Target;
  healthUrl?: string;
  /** Sent with the health request only: callers pass the MCP headers when the origin is the same. */
  healthHeaders?: Record<string, string>;
  smoke: SmokeCall[];
  timeoutMs: number;
  clientName?: string;
}

export interface VerifyReport {
  checks: Check[];
  /** Present when initialize and the list calls succeeded. */
  listing?: Listing;
  /** The server's stderr (stdio), for a failure message. */
  stderr: string;
  /** Set when the SDK rejected the tool listing and the contract was taken from the raw result. */
  invalidTools?: string;
}

const CLIENT_INFO = { name: 'mcp-deploy-verify', version: '1.0.0' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function describeTarget(t: Target): string {
  return t.kind === 'http' ? t.url : t.argv.join(' ');
}

const isTimeout = (e: unknown) => e instanceof McpError && e.code === ErrorCode.RequestTimeout;

/** fetch hides the reason (ECONNREFUSED, ENOTFOUND) in `cause`. */
export function describeError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const why = cause?.code ?? cause?.message;
  return why ? `${errorMessage(e)} (${why})` : errorMessage(e);
}

/** Auth failures and protocol mismatches do not cure themselves by waiting; anything else may be a server still starting. */
function retryable(e: unknown): boolean {
  if (e instanceof StreamableHTTPError && (e.code === 401 || e.code === 403)) return false;
  return !/protocol version is not supported/i.test(errorMessage(e));
}

interface Session {
  client: Client;
  protocolVersion: string;
  close(): Promise<void>;
}

function transportFor(target: Target, stderr: { text: string }): Transport {
  if (target.kind === 'http')
    return new StreamableHTTPClientTransport(new URL(target.url), {
      requestInit: { headers: target.headers },
      // A verify session is short: no reconnecting the optional GET stream behind our back.
      reconnectionOptions: {
        maxReconnectionDelay: 0,
        initialReconnectionDelay: 0,
        reconnectionDelayGrowFactor: 1,
        maxRetries: 0,
      },
    });
  const [command, ...args] = target.argv;
  const t = new StdioClientTransport({ command, args, cwd: target.cwd, env: target.env, stderr: 'pipe' });
  t.stderr?.on('data', (b: Buffer) => {
    stderr.text = (stderr.text + b.toString('utf8')).slice(-4000);
  });
  return t;
}

async function open(target: Target, timeoutMs: number, stderr: { text: string }): Promise<Session> {
  const transport = transportFor(target, stderr);
  let protocolVersion = '';
  // The client tells the transport the negotiated version; that hook is the only place it is exposed.
  const setVersion = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (v: string) => {
    protocolVersion = v;
    setVersion?.(v);
  };
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  const close = async () => {
    if (transport instanceof StreamableHTTPClientTransport && transport.sessionId)
      await transport.terminateSession().catch(() => undefined);
    await client.close().catch(() => undefined);
  };
  try {
    await client.connect(transport, { timeout: timeoutMs });
  } catch (e) {
    await close();
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && target.kind === 'stdio')
      throw new Error(`'${target.argv[0]}' was not found (is it built and on PATH?)`);
    throw e;
  }
  return { client, protocolVersion, close };
}

/** Lists every page of a paginated list call. */
async function all<T>(
  page: (cursor?: string) => Promise<{ nextCursor?: string } & Record<string, unknown>>,
  key: string,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const r = await page(cursor);
    out.push(...((r[key] as T[]) ?? []));
    cursor = r.nextCursor;
    if (!cursor) break;
  }
  return out;
}

interface Issue {
  path: PropertyKey[];
  message: string;
}
const validationIssues = (e: unknown): Issue[] | undefined =>
  Array.isArray((e as { issues?: unknown })?.issues) ? (e as { issues: Issue[] }).issues : undefined;

/** `tool 'search' field inputSchema.type: Invalid input: expected "object"` for the first invalid tool. */
export function invalidTools(tools: unknown[]): string | undefined {
  const bad = tools.flatMap((t) => {
    const r = ToolSchema.safeParse(t);
    if (r.success) return [];
    const issue = r.error.issues[0];
    const name = (t as { name?: unknown })?.name;
    return [
      `tool '${typeof name === 'string' ? name : '?'}' field ${issue.path.map(String).join('.') || '(the tool)'}: ${issue.message}`,
    ];
  });
  if (!bad.length) return undefined;
  return bad.length > 1 ? `${bad[0]} (and ${bad.length - 1} more tools)` : bad[0];
}

/**
 * tools/list through the SDK, which validates the result. A listing it rejects (an inputSchema without
 * "type" is common) is listed again with only the JSON-RPC envelope checked, so the contract can still be
 * snapshotted and gated; `invalid` names the first tool and field at fault in one line.
 */
async function listTools(
  client: Client,
  opts: () => { timeout: number },
): Promise<{ tools: unknown[]; invalid?: string }> {
  try {
    return { tools: await all((cursor) => client.listTools({ cursor }, opts()), 'tools') };
  } catch (e) {
    const issues = validationIssues(e);
    if (!issues) throw e;
    const tools = await all(
      (cursor) =>
        client.request(
          { method: 'tools/list', params: cursor ? { cursor } : {} },
          PaginatedResultSchema,
          opts(),
        ),
      'tools',
    );
    const first = issues[0];
    return {
      tools,
      invalid: invalidTools(tools) ?? `${first?.path.map(String).join('.')}: ${first?.message}`,
    };
  }
}

export async function verifyServer(o: VerifyOptions): Promise<VerifyReport> {
  const deadline = performance.now() + o.timeoutMs;
  const left = () => Math.max(1, Math.round(deadline - performance.now()));
  const checks: Check[] = [];
  const stderr = { text: '' };
  const timed = async (name: string, fn: () => Promise<string>): Promise<boolean> => {
    const t0 = performance.now();
    try {
      const detail = await fn();
      checks.push({ name, status: 'passed', ms: performance.now() - t0, detail });
      return true;
    } catch (e) {
      checks.push({ name, status: 'failed', ms: performance.now() - t0, detail: errorMessage(e) });
      return false;
    }
  };

  if (o.healthUrl) {
    const url = o.healthUrl;
    let attempts = 0;
    let started = performance.now();
    let last = '';
    let ok = false;
    while (!ok) {
      attempts++;
      started = performance.now();
      try {
        const r = await fetch(url, { headers: o.healthHeaders, signal: AbortSignal.timeout(left()) });
        await r.arrayBuffer();
        ok = r.status === 200;
        last = `HTTP ${r.status}`;
      } catch (e) {
        last = describeError(e);
      }
      if (ok || performance.now() + 250 > deadline) break;
      await sleep(Math.min(2000, 100 * 2 ** attempts));
    }
    const ms = performance.now() - started;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    checks.push({
      name: 'health',
      status: ok ? 'passed' : 'failed',
      ms,
      detail: ok ? `200 from ${url}${tries}` : `${url}: ${last}${tries}`,
    });
    if (!ok) return { checks, stderr: stderr.text };
  }

  let session: Session | undefined;
  {
    let attempts = 0;
    let lastError: unknown;
    let t0 = performance.now();
    while (!session) {
      attempts++;
      t0 = performance.now();
      try {
        session = await open(o.target, left(), stderr);
      } catch (e) {
        // The last attempt often just runs out of time; the error before it says why (refused, 503 ...).
        if (!(lastError && isTimeout(e))) lastError = e;
        if (o.target.kind === 'stdio' || !retryable(e) || performance.now() + 250 > deadline) break;
        await sleep(Math.min(2000, 100 * 2 ** attempts));
      }
    }
    const ms = performance.now() - t0;
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    if (!session) {
      checks.push({
        name: 'initialize',
        status: 'failed',
        ms,
        detail: `${describeError(lastError)}${tries}`,
      });
      return { checks, stderr: stderr.text };
    }
    const info = session.client.getServerVersion();
    const pv = session.protocolVersion;
    const problems = [
      !SUPPORTED_PROTOCOL_VERSIONS.includes(pv) && `protocol version '${pv}' is not one this client supports`,
      !info?.name && 'serverInfo has no name',
    ].filter(Boolean);
    checks.push({
      name: 'initialize',
      status: problems.length ? 'failed' : 'passed',
      ms,
      detail: problems.length
        ? problems.join('; ')
        : `protocol ${pv}, ${info?.name} ${info?.version ?? ''}`.trim() + tries,
    });
    if (problems.length) {
      await session.close();
      return { checks, stderr: stderr.text };
    }
  }

  const { client } = session;
  const caps = client.getServerCapabilities() ?? {};
  const opts = () => ({ timeout: left() });
  const listing: Listing = {
    serverInfo: client.getServerVersion()!,
    protocolVersion: session.protocolVersion,
    tools: [],
    prompts: [],
    resourceTemplates: [],
  };
  const skip = (name: string, detail: string) => checks.push({ name, status: 'skipped', ms: 0, detail });
  let listed = true;
  let invalid: string | undefined;
  try {
    if (caps.tools)
      listed &&= await timed('tools/list', async () => {
        const r = await listTools(client, opts);
        listing.tools = r.tools;
        invalid = r.invalid;
        return r.invalid
          ? `${r.tools.length} tools; the MCP SDK rejects this listing: ${r.invalid} (the contract is taken from the raw result)`
          : `${r.tools.length} tools`;
      });
    else skip('tools/list', 'the server declares no tools capability');
    if (caps.prompts)
      listed &&= await timed('prompts/list', async () => {
        listing.prompts = await all((cursor) => client.listPrompts({ cursor }, opts()), 'prompts');
        return `${listing.prompts.length} prompts`;
      });
    if (caps.resources)
      listed &&= await timed('resources/list', async () => {
        const resources = await all((cursor) => client.listResources({ cursor }, opts()), 'resources');
        listing.resourceTemplates = await all(
          (cursor) => client.listResourceTemplates({ cursor }, opts()),
          'resourceTemplates',
        );
        return `${resources.length} resources, ${listing.resourceTemplates.length} templates`;
      });
    for (const call of o.smoke)
      await timed(`call ${call.tool}`, async () => {
        const r = await client.callTool({ name: call.tool, arguments: call.args }, undefined, opts());
        const text = (Array.isArray(r.content) ? r.content : [])
          .filter((c: { type?: string }) => c.type === 'text')
          .map((c: { text?: string }) => c.text ?? '')
          .join(' ')
          .slice(0, 200);
        if (r.isError) throw new Error(`returned isError: ${text || '(no text)'}`);
        return text ? `ok: ${text}` : 'ok';
      });
  } finally {
    await session.close();
  }
  return { checks, listing: listed ? listing : undefined, stderr: stderr.text, invalidTools: invalid };
}
