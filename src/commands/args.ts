import { parseArgs as nodeParseArgs } from 'node:util';
import { ActionError } from '../errors';
import { envName, INPUTS, type InputName } from '../inputs';
import { log } from '../report/log';
import { closest } from '../text';

export interface ParsedArgs {
  /** --name value / --name=value; a boolean flag given is 'true'. */
  flags: Record<string, string>;
  positional: string[];
}

/** What a command takes besides positionals: table inputs as --<input>, and options of its own. */
export interface CliSpec {
  inputs: readonly InputName[];
  /** Options that are not inputs: name -> whether it is a boolean (presence means true). */
  own?: Record<string, boolean>;
}

/** Every input of the table, for commands that run stages (plan, run). */
export const ALL_INPUTS = Object.keys(INPUTS) as InputName[];

/**
 * node:util parseArgs, strict, with the options of `spec`: an unknown flag is an error naming the
 * closest option (a typo would otherwise silently leave an input at its default). Secret inputs are
 * options too, so that the input reader can refuse them with the variable to use instead.
 */
export function parseArgs(argv: string[], spec: CliSpec): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const n of spec.inputs) options[n] = { type: 'string' };
  for (const [n, bool] of Object.entries(spec.own ?? {})) options[n] = { type: bool ? 'boolean' : 'string' };
  // `--clippy-args "-D warnings"`: a value may start with one dash; parseArgs wants it glued with '='.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = /^--([^=]+)$/.exec(a)?.[1];
    if (name && options[name]?.type === 'string') {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--'))
        throw new ActionError(`option --${name} needs a value`, name, `write --${name} <value>`);
      args.push(`--${name}=${v}`);
      i++;
    } else args.push(a);
  }
  let parsed;
  try {
    parsed = nodeParseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const unknown = /Unknown option '(-{1,2})([^']+)'/.exec((e as Error).message);
    if (!unknown) throw new ActionError((e as Error).message.split('\n')[0]);
    const near = closest(unknown[2], Object.keys(options));
    throw new ActionError(
      `unknown option ${unknown[1]}${unknown[2]}`,
      undefined,
      near ? `did you mean --${near}? (--help lists the options)` : 'see --help for the options',
    );
  }
  const flags: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed.values)) if (v !== undefined) flags[k] = String(v);
  return { flags, positional: parsed.positionals };
}

/**
 * MCP_* variables that name no input and are not one of ours: most likely a typo, which would leave the
 * input at its default without a word. A warning, not an error: CI systems set variables of their own.
 */
export function unknownInputVariables(
  env: Record<string, string | undefined>,
  others: readonly string[] = [],
): { variable: string; closest: string }[] {
  const known = new Map(ALL_INPUTS.map((n) => [envName(n), n]));
  const out: { variable: string; closest: string }[] = [];
  for (const v of Object.keys(env)) {
    if (!v.startsWith('MCP_') || known.has(v) || v.startsWith('MCP_DEPLOY_') || others.includes(v)) continue;
    const near = closest(v, [...known.keys()], Math.max(2, Math.floor(v.length / 4)));
    if (near) out.push({ variable: v, closest: known.get(near)! });
  }
  return out;
}

/** Variables our own templates set that are not inputs (the GitLab template's switches and hand-overs). */
const OTHER_VARIABLES = ['MCP_CLI', 'MCP_DISABLED', 'MCP_DIGEST', 'MCP_TOKEN', 'MCP_HEADERS'];

export function warnUnknownVariables(env: Record<string, string | undefined> = process.env): void {
  for (const u of unknownInputVariables(env, OTHER_VARIABLES))
    log.warning(
      `${u.variable} names no input, so it changes nothing; did you mean ${envName(u.closest)} (input ${u.closest})?`,
    );
}

export interface Command {
  usage: string;
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}
