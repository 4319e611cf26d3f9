import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { backOff, type IBackOffOptions } from 'exponential-backoff';
import {
  ErrorCode,
  McpError,
  PaginatedResultSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
  ToolSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { errorMessage } from '../../errors';
import { log, registerSecret } from '../../report/log';
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

// Query parameters that carry a credential in URLs people paste (api_key=, token=, key=, sig= ...).
const CREDENTIAL_PARAM =
  /^(?:api[-_]?key|apikey|key|token|access[-_]?token|auth|authorization|secret|client[-_]?secret|password|passwd|pass|pwd|sig|signature|code|session|x-api-key)$/i;

/**
 * The URL as it may be shown: `user:pass@` and credential query values become `***`. Their values are
 * registered as secrets too, so an SDK or fetch message that repeats the URL is masked in every log line.
 */
export function redactUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw;
  }
  if (u.password) {
    registerSecret(decodeURIComponent(u.password));
    registerSecret(u.password);
    u.password = '***';
  } else if (u.username) {
    // A lone user part (https://TOKEN@host) is how many services take a token.
    registerSecret(decodeURIComponent(u.username));
    registerSecret(u.username);
    u.username = '***';
  }
  for (const [k, v] of [...u.searchParams]) {
    if (!CREDENTIAL_PARAM.test(k) || !v) continue;
    registerSecret(v);
    registerSecret(encodeURIComponent(v));
    u.searchParams.set(k, '***');
  }
  return u.toString().replace(/%2A%2A%2A/g, '***');
}

/**
 * fetch refuses a URL with `user:pass@`; what such a URL means is HTTP Basic auth, so the credentials
 * move into an Authorization header (unless one is given) and the request goes to the bare URL.
 */
export function withoutUserInfo(
  raw: string,
  headers: Record<string, string> = {},
): { url: string; headers: Record<string, string> } {
  const u = new URL(raw);
  if (!u.username && !u.password) return { url: raw, headers };
  const basic = Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString(
    'base64',
  );
  registerSecret(basic);
  u.username = '';
  u.password = '';
  const given = Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
  return { url: u.toString(), headers: given ? headers : { ...headers, Authorization: `Basic ${basic}` } };
}

export function describeTarget(t: Target): string {
  return t.kind === 'http' ? redactUrl(t.url) : t.argv.join(' ');
}

/** fetch hides the reason (ECONNREFUSED, ENOTFOUND) in `cause`. */
export function describeError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const why = cause?.code ?? cause?.message;
  return why ? `${errorMessage(e)} (${why})` : errorMessage(e);
}

/** A failure in words a user acts on, and whether waiting can cure it (a server still starting). */
export class ConnectFailure extends Error {
  constructor(
    message: string,
    readonly heals: boolean,
  ) {
    super(message);
    this.name = 'ConnectFailure';
  }
}

const errno = (e: unknown): string | undefined => {
  const c = (e as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof c === 'string' ? c : (e as NodeJS.ErrnoException | undefined)?.code;
};
const TLS_UNTRUSTED = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS/;
// A server that is still starting refuses or drops connections, or is not behind its proxy yet.
const HEALING_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
const HEALING_STATUS = new Set([502, 503, 504]);

/** What an HTTP status means here: 502/503/504 heal (a proxy before a starting server), others do not. */
export function httpStatusFailure(status: number, statusText: string, url: string): ConnectFailure {
  const head = `HTTP ${status}${statusText ? ` ${statusText}` : ''} from ${url}`;
  if (HEALING_STATUS.has(status))
    return new ConnectFailure(`${head} (the server or its proxy is not ready)`, true);
  if (status === 401)
    return new ConnectFailure(
      `${head} (fix: set the mcp-token input, MCP_MCP_TOKEN for the CLI, to a token this server accepts)`,
      false,
    );
  if (status === 403)
    return new ConnectFailure(
      `${head} (fix: the token was refused for this endpoint; check its scopes)`,
      false,
    );
  if (status === 404)
    return new ConnectFailure(
      `${head} (fix: check the path in mcp-url; MCP servers usually answer on /mcp)`,
      false,
    );
  return new ConnectFailure(head, false);
}

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The last HTTP answer the transport got: the SDK's errors drop the status of an unexpected content type. */
interface Seen {
  status?: number;
  contentType?: string;
}

/** Turns what the SDK, fetch or the child process threw into one line, healing or not. */
function classify(e: unknown, target: Target, seen: Seen, stdio: StdioWatch): ConnectFailure {
  if (e instanceof ConnectFailure) return e;
  if (target.kind === 'stdio') {
    if (stdio.junk) {
      const line = stdio.stdoutHead.split('\n').find((l) => l.trim() && !isJson(l)) ?? stdio.junk;
      return new ConnectFailure(
        `the server printed non-JSON on stdout: ${JSON.stringify(line.trim().slice(0, 120))} (fix: MCP over stdio carries only JSON-RPC messages; write logs to stderr)`,
        false,
      );
    }
    if (stdio.exit) {
      const tail = stdio.stderrTail();
      return new ConnectFailure(
        `the server exited with ${stdio.exit} before answering initialize${tail ? `; stderr: ${tail}` : ''}`,
        false,
      );
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return new ConnectFailure(`'${target.argv[0]}' was not found (is it built and on PATH?)`, false);
    return new ConnectFailure(describeError(e), false);
  }
  const url = redactUrl(target.url);
  if (e instanceof McpError && e.code === ErrorCode.RequestTimeout)
    return new ConnectFailure(`no answer to initialize from ${url} (${errorMessage(e)})`, true);
  if (e instanceof StreamableHTTPError && e.code !== undefined && e.code > 0)
    return httpStatusFailure(e.code, STATUS_TEXT[e.code] ?? '', url);
  if (e instanceof StreamableHTTPError && /content type/i.test(errorMessage(e)))
    return new ConnectFailure(
      `HTTP ${seen.status ?? '?'} with content type ${seen.contentType ?? '(none)'} from ${url}: not an MCP endpoint (fix: point mcp-url at the server's MCP path; a web page, a login page or a proxy answers here)`,
      false,
    );
  const code = errno(e);
  if (code && TLS_UNTRUSTED.test(code))
    return new ConnectFailure(
      `TLS: the certificate of ${new URL(target.url).host} is not trusted (${code}) (fix: for a private CA, set NODE_EXTRA_CA_CERTS to its PEM file)`,
      false,
    );
  if ((code && HEALING_ERRNO.has(code)) || (e as Error)?.name === 'TimeoutError')
    return new ConnectFailure(`${url}: ${describeError(e)}`, true);
  return new ConnectFailure(`${url}: ${describeError(e)}`, false);
}

/**
 * While the server starts: retry what can heal (refused, 502/503/504, timeouts), 100 ms doubling to 2 s
 * between attempts, until the verify deadline. Anything else fails at the first attempt. A wait that goes
 * on says so every `progressMs`, with what it waits for and the last answer, so a long start is not silence.
 */
export function startupRetry(
  left: () => number,
  what: string,
  progressMs = 15_000,
  now: () => number = Date.now,
): Partial<IBackOffOptions> {
  const started = now();
  let said = started;
  return {
    numOfAttempts: 1000,
    startingDelay: 100,
    timeMultiple: 2,
    maxDelay: 2000,
    jitter: 'none',
    retry: (e: unknown, next: number) => {
      const again =
        e instanceof ConnectFailure && e.heals && left() > Math.min(2000, 100 * 2 ** (next - 1)) + 250;
      if (again && now() - said >= progressMs) {
        said = now();
        log.info(
          `… ${what}: still waiting after ${Math.round((said - started) / 1000)} s (${(e as Error).message})`,
        );
      }
      return again;
    },
  };
}

/** What a stdio server did besides speaking JSON-RPC: how it ended and the first line that was not JSON. */
interface StdioWatch {
  exit?: string;
  /** The start of stdout, to quote the line that is not JSON as the server printed it. */
  stdoutHead: string;
  /** Set once the SDK rejected a line: the reason to stop. */
  junk?: string;
  stderrTail(): string;
}

const isJson = (line: string) => {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
};

interface Session {
  client: Client;
  protocolVersion: string;
  close(): Promise<void>;
}

function transportFor(target: Target, stderr: { text: string }, seen: Seen, stdio: StdioWatch): Transport {
  if (target.kind === 'http') {
    const { url, headers } = withoutUserInfo(target.url, target.headers);
    return new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers },
      fetch: async (url, init) => {
        const r = await fetch(url, init);
        seen.status = r.status;
        seen.contentType = r.headers.get('content-type') ?? undefined;
        return r;
      },
      // A verify session is short: no reconnecting the optional GET stream behind our back.
      reconnectionOptions: {
        maxReconnectionDelay: 0,
        initialReconnectionDelay: 0,
        reconnectionDelayGrowFactor: 1,
        maxRetries: 0,
      },
    });
  }
  const [command, ...args] = target.argv;
  const t = new StdioClientTransport({ command, args, cwd: target.cwd, env: target.env, stderr: 'pipe' });
  t.stderr?.on('data', (b: Buffer) => {
    stderr.text = (stderr.text + b.toString('utf8')).slice(-4000);
  });
  // The transport keeps its child private and drops the exit code; the SDK is pinned, and
  // verify-errors.test.ts fails if an upgrade moves the field.
  const start = t.start.bind(t);
  t.start = async () => {
    await start();
    const child = (t as unknown as { _process?: ChildProcess })._process;
    // Read after the SDK's own listener: by the time its complaint about a line is handled, the line is here.
    child?.stdout?.on('data', (b: Buffer) => {
      if (stdio.stdoutHead.length < 65536) stdio.stdoutHead += b.toString('utf8');
    });
    child?.once('exit', (code, signal) => {
      stdio.exit = code !== null ? `exit code ${code}` : `signal ${signal}`;
    });
  };
  return t;
}

async function open(
  target: Target,
  timeoutMs: number,
  stderr: { text: string },
  seen: Seen,
): Promise<Session> {
  const stdio: StdioWatch = {
    stdoutHead: '',
    stderrTail: () =>
      stderr.text
        .trim()
        .split('\n')
        .slice(-3)
        .map((l) => l.trim())
        .join(' | ')
        .slice(-300),
  };
  const transport = transportFor(target, stderr, seen, stdio);
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
  // The SDK skips a stdout line that is not JSON-RPC and waits on; the spec forbids such lines, so the
  // first one ends the attempt at once instead of a "Request timed out" a minute later.
  let rejectJunk: (e: unknown) => void = () => undefined;
  const junk = new Promise<never>((_, reject) => (rejectJunk = reject));
  junk.catch(() => undefined);
  client.onerror = (e) => {
    if (target.kind !== 'stdio' || stdio.junk) return;
    if (e instanceof SyntaxError || validationIssues(e)) {
      stdio.junk = e.message;
      rejectJunk(e);
    }
  };
  try {
    await Promise.race([client.connect(transport, { timeout: timeoutMs }), junk]);
  } catch (e) {
    await close();
    throw classify(e, target, seen, stdio);
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

  if (o.healthUrl) {
    const health = await checkHealth(o.healthUrl, o.healthHeaders, left);
    checks.push(health);
    if (health.status === 'failed') return { checks, stderr: stderr.text };
  }
  const { session, check } = await initialize(o.target, left, stderr);
  checks.push(check);
  if (!session) return { checks, stderr: stderr.text };
  try {
    const { listing, invalid } = await listAndCall(session, o.smoke, left, checks);
    return { checks, listing, stderr: stderr.text, invalidTools: invalid };
  } finally {
    await session.close();
  }
}

/** The health URL answers 200, retried while the server starts (refused, 502/503/504, timeouts). */
async function checkHealth(
  url: string,
  healthHeaders: VerifyOptions['healthHeaders'],
  left: () => number,
): Promise<Check> {
  const shown = redactUrl(url);
  let attempts = 0;
  let started = performance.now();
  let failure: ConnectFailure | undefined;
  try {
    await backOff(
      async () => {
        attempts++;
        started = performance.now();
        let r: Response;
        try {
          const bare = withoutUserInfo(url, healthHeaders);
          r = await fetch(bare.url, { headers: bare.headers, signal: AbortSignal.timeout(left()) });
          await r.arrayBuffer();
        } catch (e) {
          throw classify(e, { kind: 'http', url, headers: {} }, {}, { stdoutHead: '', stderrTail: () => '' });
        }
        if (r.status !== 200) throw httpStatusFailure(r.status, r.statusText, shown);
      },
      startupRetry(left, `health ${shown}`),
    );
  } catch (e) {
    failure = e instanceof ConnectFailure ? e : new ConnectFailure(describeError(e), false);
  }
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  return {
    name: 'health',
    status: failure ? 'failed' : 'passed',
    ms: performance.now() - started,
    detail: failure ? `${failure.message}${tries}` : `200 from ${shown}${tries}`,
  };
}

/**
 * The MCP handshake, retried while the server starts; the session only when the server's answer is one
 * this client can work with (a supported protocol version, a named server).
 */
async function initialize(
  target: VerifyOptions['target'],
  left: () => number,
  stderr: { text: string },
): Promise<{ session?: Session; check: Check }> {
  let attempts = 0;
  let t0 = performance.now();
  // The last attempt often just runs out of time; the failure before it says why (refused, 503 ...).
  let reason: ConnectFailure | undefined;
  const seen: Seen = {};
  let session: Session | undefined;
  try {
    session = await backOff(
      async () => {
        attempts++;
        t0 = performance.now();
        try {
          return await open(target, left(), stderr, seen);
        } catch (e) {
          const f = e instanceof ConnectFailure ? e : new ConnectFailure(describeError(e), false);
          if (!(reason && /no answer to initialize/.test(f.message))) reason = f;
          // A stdio server is started by us: starting it again would not change its answer.
          throw target.kind === 'stdio' ? new ConnectFailure(f.message, false) : f;
        }
      },
      startupRetry(left, `initialize ${describeTarget(target)}`),
    );
  } catch {
    // `reason` holds the failure to report.
  }
  const ms = performance.now() - t0;
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  if (!session)
    return { check: { name: 'initialize', status: 'failed', ms, detail: `${reason?.message}${tries}` } };
  const info = session.client.getServerVersion();
  const pv = session.protocolVersion;
  const problems = [
    !SUPPORTED_PROTOCOL_VERSIONS.includes(pv) && `protocol version '${pv}' is not one this client supports`,
    !info?.name && 'serverInfo has no name',
  ].filter(Boolean);
  if (problems.length) {
    await session.close();
    return { check: { name: 'initialize', status: 'failed', ms, detail: problems.join('; ') } };
  }
  return {
    session,
    check: {
      name: 'initialize',
      status: 'passed',
      ms,
      detail: `protocol ${pv}, ${info?.name} ${info?.version ?? ''}`.trim() + tries,
    },
  };
}

/**
 * The listings the server's capabilities promise, then the smoke calls, each a check in `checks`. The
 * listing is returned only when every list succeeded: a partial one would diff as removed tools.
 */
async function listAndCall(
  session: Session,
  smoke: VerifyOptions['smoke'],
  left: () => number,
  checks: Check[],
): Promise<{ listing?: Listing; invalid?: string }> {
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
  let listed = true;
  let invalid: string | undefined;
  if (caps.tools)
    listed &&= await timed('tools/list', async () => {
      const r = await listTools(client, opts);
      listing.tools = r.tools;
      invalid = r.invalid;
      return r.invalid
        ? `${r.tools.length} tools; the MCP SDK rejects this listing: ${r.invalid} (the contract is taken from the raw result)`
        : `${r.tools.length} tools`;
    });
  else
    checks.push({
      name: 'tools/list',
      status: 'skipped',
      ms: 0,
      detail: 'the server declares no tools capability',
    });
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
  for (const call of smoke)
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
  return { listing: listed ? listing : undefined, invalid };
}
