import { ActionError } from '../errors';

export interface ParsedArgs {
  /** --name value / --name=value; a flag without a value is 'true'. */
  flags: Record<string, string>;
  positional: string[];
  help: boolean;
}

/** Flags whose presence alone means true; every other flag takes a value. */
export function parseArgs(argv: string[], booleans: readonly string[] = []): ParsedArgs {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') help = true;
    else if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) flags[name] = a.slice(eq + 1);
      else if (booleans.includes(name)) flags[name] = 'true';
      else {
        if (i + 1 >= argv.length || argv[i + 1].startsWith('--'))
          throw new ActionError(`option --${name} needs a value`, name, `write --${name} <value>`);
        flags[name] = argv[++i];
      }
    } else positional.push(a);
  }
  return { flags, positional, help };
}

export interface Command {
  usage: string;
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}
