import { parse } from 'shell-quote';
import { ActionError } from './errors';

/**
 * An input that holds a command line (clippy-args, test-args, mcp-command) as argv: words with '…' and
 * "…" quoting and backslash escapes, read by shell-quote. It is never given to a shell, so shell syntax
 * (; | && > $(…) …) would not do what it says: it is refused, as is an unclosed quote. $VAR stays as
 * written.
 */
export function shellWords(s: string, input: string): string[] {
  const open = unclosedQuote(s);
  if (open) throw new ActionError(`has an unclosed ${open} quote`, input, `close it, e.g. ${open}a b${open}`);
  const out: string[] = [];
  for (const t of parse(s, (name) => `$${name}`)) {
    if (typeof t === 'string') out.push(t);
    else if ('op' in t && t.op === 'glob') out.push(t.pattern);
    else
      throw new ActionError(
        `'${'op' in t ? t.op : `#${t.comment}`}' is shell syntax, but this is split into words and never run by a shell`,
        input,
        "quote it (e.g. 'a;b') or leave it out",
      );
  }
  return out;
}

function unclosedQuote(s: string): `'` | `"` | undefined {
  let quote: `'` | `"` | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote === `'`) {
      if (c === `'`) quote = undefined;
    } else if (c === '\\') i++;
    else if (quote === '"') {
      if (c === '"') quote = undefined;
    } else if (c === `'` || c === '"') quote = c;
  }
  return quote;
}
