/**
 * A job summary built once and rendered twice: Markdown for $GITHUB_STEP_SUMMARY (tables, a mermaid
 * diagram, collapsible details) and plain text for a terminal or a GitLab job log.
 */
export type Block =
  | { kind: 'heading'; text: string; level: number }
  | { kind: 'text'; text: string }
  | { kind: 'table'; headers: string[]; rows: string[][] }
  | { kind: 'details'; title: string; body: string }
  | { kind: 'code'; lang: string; body: string };

export class Summary {
  readonly blocks: Block[] = [];

  heading(text: string, level = 3): this {
    this.blocks.push({ kind: 'heading', text, level });
    return this;
  }
  text(text: string): this {
    this.blocks.push({ kind: 'text', text });
    return this;
  }
  table(headers: string[], rows: string[][]): this {
    this.blocks.push({ kind: 'table', headers, rows });
    return this;
  }
  details(title: string, body: string): this {
    this.blocks.push({ kind: 'details', title, body });
    return this;
  }
  code(body: string, lang = ''): this {
    this.blocks.push({ kind: 'code', lang, body });
    return this;
  }
  append(other: Summary): this {
    this.blocks.push(...other.blocks);
    return this;
  }

  toMarkdown(): string {
    return this.blocks.map(blockToMarkdown).join('\n\n') + '\n';
  }

  toText(): string {
    return this.blocks.map(blockToText).join('\n\n') + '\n';
  }
}

/** Table cells may hold user text (test names, CVE titles): keep them on one line and inert. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function blockToMarkdown(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${b.text}`;
    case 'text':
      return b.text;
    case 'table':
      return [
        `| ${b.headers.map(cell).join(' | ')} |`,
        `| ${b.headers.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'details':
      return `<details><summary>${escapeHtml(b.title)}</summary>\n\n${fence(b.body)}\n\n</details>`;
    case 'code':
      return fence(b.body, b.lang);
  }
}

function fence(body: string, lang = ''): string {
  const ticks = '`'.repeat(Math.max(3, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${lang}\n${body.replace(/\n$/, '')}\n${ticks}`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const stripMd = (s: string) => s.replace(/\*\*|`/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');

function blockToText(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${stripMd(b.text)}\n${'='.repeat(stripMd(b.text).length)}`;
    case 'text':
      return stripMd(b.text);
    case 'table': {
      const rows = [b.headers, ...b.rows].map((r) => r.map((c) => stripMd(c).replace(/\r?\n/g, ' ')));
      const widths = b.headers.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
      const line = (r: string[]) =>
        r
          .map((c, i) => c + ' '.repeat(widths[i] - [...c].length))
          .join('  ')
          .trimEnd();
      return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join(
        '\n',
      );
    }
    case 'details':
      return `${b.title}:\n${b.body.replace(/^/gm, '  ')}`;
    case 'code':
      return b.lang === 'mermaid' ? '' : b.body;
  }
}

/** The status cell of the pipeline and gates tables. */
export function icon(status: string): string {
  return status === 'passed' || status === 'success'
    ? '✅ passed'
    : status === 'failed' || status === 'failure'
      ? '❌ failed'
      : `⏭️ ${status}`;
}
