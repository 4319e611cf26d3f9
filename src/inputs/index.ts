import * as fs from 'node:fs';
import * as path from 'node:path';
import { ActionError } from '../errors';
import { registerSecret } from '../report/log';
import { envName, INPUTS, inputSpec, STAGES, type InputName, type StageName } from './table';

export { envName, INPUTS, STAGES, type InputName, type StageName };

/**
 * Inputs come from action.yml (INPUT_*), from CLI flags, or from MCP_* variables in GitLab; a source
 * answers '' for anything unset. Each stage parses its own inputs with this reader, so every check says
 * which input is wrong and how to fix it before any tool runs.
 */
export type InputSource = (name: string) => string;

/** The table's default of an input ('' for a name the table does not have). */
export const defaultOf = (name: string): string => inputSpec(name)?.default ?? '';

/** The table's allowed values of a choice or subset input. */
function allowedOf<T extends string>(name: string): readonly T[] {
  const allowed = inputSpec(name)?.allowed;
  if (!allowed) throw new Error(`input ${name} has no allowed values in src/inputs/table.ts`);
  return allowed as readonly T[];
}

/** An HTTP header name: an RFC 9110 token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export class InputReader {
  constructor(private readonly source: InputSource) {}

  /** Every reader falls back to the table's default (src/inputs/table.ts) when the input is empty. */
  string(name: string, fallback = defaultOf(name)): string {
    return this.source(name).trim() || fallback;
  }

  required(name: string, hint: string): string {
    const v = this.string(name);
    if (!v) throw new ActionError('is required', name, hint);
    return v;
  }

  /** Secrets are registered for masking the moment they are read. */
  secret(name: string): string {
    const v = this.source(name);
    registerSecret(v);
    return v.trim();
  }

  /**
   * HTTP headers, one `Name: value` a line (blank lines and `#` comments skipped). The input is a secret:
   * each value is registered for masking on its own, since a header value can be logged without its name.
   */
  headers(name: string, example: string): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const line of this.secret(name)
      .split(/\r?\n/)
      .map((l) => l.trim())) {
      if (!line || line.startsWith('#')) continue;
      const colon = line.indexOf(':');
      const key = colon > 0 ? line.slice(0, colon).trim() : '';
      if (!HEADER_NAME.test(key))
        throw new ActionError(
          `a line is not 'Name: value'`,
          name,
          `write one header a line, e.g. ${example}`,
        );
      const value = line.slice(colon + 1).trim();
      registerSecret(value);
      headers[key] = value;
    }
    return headers;
  }

  /** Newline or comma separated; blank items and `#` comments dropped. */
  list(name: string, fallback: string[] = splitList(defaultOf(name))): string[] {
    const raw = this.source(name);
    if (!raw.trim()) return fallback;
    return splitList(raw);
  }

  /** Like list(), but only splits on newlines: for items that contain commas (tag rules, JSON). */
  lines(name: string): string[] {
    return this.source(name)
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('#'));
  }

  bool(name: string, fallback = defaultOf(name) === 'true'): boolean {
    const v = this.string(name).toLowerCase();
    if (!v) return fallback;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw new ActionError(`'${this.string(name)}' is not a boolean`, name, `use true or false`);
  }

  oneOf<T extends string>(
    name: string,
    allowed: readonly T[] = allowedOf<T>(name),
    fallback = defaultOf(name) as T,
  ): T {
    const v = this.string(name);
    if (!v) return fallback;
    if (!(allowed as readonly string[]).includes(v))
      throw new ActionError(`'${v}' is not allowed`, name, `use one of: ${allowed.join(', ')}`);
    return v as T;
  }

  /** A list whose every item must be one of `allowed`. */
  subset<T extends string>(
    name: string,
    allowed: readonly T[] = allowedOf<T>(name),
    fallback = splitList(defaultOf(name)) as T[],
  ): T[] {
    const items = this.list(name, fallback).map((s) => s.toLowerCase());
    const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
    if (bad.length)
      throw new ActionError(
        `unknown value ${bad.map((b) => `'${b}'`).join(', ')}`,
        name,
        `use any of: ${allowed.join(', ')}`,
      );
    return [...new Set(items)] as T[];
  }

  int(
    name: string,
    fallback = Number(defaultOf(name)),
    min = inputSpec(name)?.min ?? 0,
    max = inputSpec(name)?.max ?? Number.MAX_SAFE_INTEGER,
  ): number {
    const v = this.string(name);
    if (!v) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new ActionError(
        `'${v}' is not a whole number from ${min} to ${max}`,
        name,
        `give a number like ${fallback}`,
      );
    return n;
  }

  /** `90`, `90s`, `5m`, `1h30m` -> seconds. */
  duration(name: string, fallback = defaultOf(name)): number {
    const v = this.string(name, fallback);
    const s = parseDuration(v);
    if (s === undefined)
      throw new ActionError(`'${v}' is not a duration`, name, `write it like 90s, 5m or 1h30m`);
    return s;
  }

  /** A directory that must exist, resolved against `base`. */
  directory(name: string, base: string, fallback = defaultOf(name)): string {
    const v = this.string(name, fallback);
    const abs = path.resolve(base, v);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory())
      throw new ActionError(
        `directory '${v}' does not exist (looked at ${abs})`,
        name,
        'point it at a directory in the checkout',
      );
    return abs;
  }
}

export function splitList(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .filter((l) => !l.trim().startsWith('#'))
    .flatMap((l) => l.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseDuration(v: string): number | undefined {
  const t = v.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
  if (!m || !t) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** Reads `stages` strictly: an unknown stage is an error, the order is always the pipeline's. */
export function parseStages(r: InputReader): StageName[] {
  const wanted = r.subset<StageName>('stages');
  if (!wanted.length) throw new ActionError('names no stage', 'stages', `use any of: ${STAGES.join(', ')}`);
  return STAGES.filter((s) => wanted.includes(s));
}

/** The action's own INPUT_* variables, read the way the runner sets them (name upper-cased, spaces to _). */
export function actionSource(env: Record<string, string | undefined> = process.env): InputSource {
  return (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}

/** Inputs that hold secrets: on the command line they would show in `ps` and in shell history. */
export const SECRET_INPUTS = (Object.keys(INPUTS) as InputName[]).filter((n) => 'secret' in INPUTS[n]);

/**
 * `mcp-deploy verify` once documented these shorter names: still read, so existing setups keep working, but
 * MCP_<INPUT> is the name the docs give, and the one `run`, `plan` and the GitLab template use.
 */
export const SHORT_SECRET_VARIABLES: Partial<Record<string, string>> = {
  'mcp-token': 'MCP_TOKEN',
  'mcp-headers': 'MCP_HEADERS',
};

/**
 * CLI flags first, then MCP_* variables (MCP_WORKING_DIRECTORY for working-directory): how the GitLab
 * template configures the same core. Secrets come from the environment only.
 */
export function cliSource(
  flags: Record<string, string | undefined>,
  env: Record<string, string | undefined> = process.env,
): InputSource {
  const secret = SECRET_INPUTS.find((s) => flags[s] !== undefined);
  if (secret)
    throw new ActionError(
      `--${secret} would put a secret in the process list and shell history`,
      secret,
      `export ${envName(secret)} instead`,
    );
  return (name) => {
    if (flags[name] !== undefined) return flags[name];
    const main = env[envName(name)];
    const short = SHORT_SECRET_VARIABLES[name];
    const alias = short ? env[short] : undefined;
    if (main && alias && main !== alias)
      throw new ActionError(
        `${envName(name)} and ${short} are both set, to different values`,
        name,
        `set ${envName(name)} only`,
      );
    return main || alias || '';
  };
}
