import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Annotation } from '../../report/log';

/**
 * Pure parsers from cargo's own output to annotations. Paths in the output are absolute (rustfmt) or
 * relative to the cargo workspace root (rustc, panics); annotations want them relative to the repository
 * checkout, so every path goes through a `Locator`.
 */
export interface Locator {
  /** Absolute path of a file named in tool output, or undefined when it cannot be found. */
  resolve(file: string, hintDir?: string): string | undefined;
  /** Path relative to the workspace (the checkout), '/' separated. */
  relative(abs: string): string;
}

export function fsLocator(
  workspace: string,
  cwd: string,
  exists: (p: string) => boolean = fs.existsSync,
): Locator {
  return {
    resolve(file, hintDir) {
      if (path.isAbsolute(file)) return file;
      // rustc names files relative to the cargo workspace root, an ancestor of the package: walk up.
      for (let dir = hintDir ?? cwd; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, file);
        if (exists(candidate)) return candidate;
        if (dir === path.dirname(dir) || !dir.startsWith(workspace)) break;
      }
      return undefined;
    },
    relative(abs) {
      return path.relative(workspace, abs).split(path.sep).join('/');
    },
  };
}

function locate(loc: Locator, file: string, hintDir?: string): string {
  const abs = loc.resolve(file, hintDir);
  return abs ? loc.relative(abs) : file;
}

// ESC [ ... letter, and the ESC ( B charset switch that rustfmt's term crate emits.
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\u001b(?:\[[0-9;?]*[A-Za-z]|\([A-Z0-9])/g;
export const stripAnsi = (s: string): string => s.replace(ANSI, '');

/** `cargo fmt --check`: one annotation per hunk, spanning the lines the hunk rewrites. */
export function parseFmt(output: string, loc: Locator): Annotation[] {
  const hunks: { file: string; line: number; body: string[] }[] = [];
  for (const raw of stripAnsi(output).split(/\r?\n/)) {
    // rustfmt 1.4+: "Diff in /x/src/a.rs:12:" ; older: "Diff in /x/src/a.rs at line 12:"
    const m = /^Diff in (.+?)(?::(\d+):| at line (\d+):)\s*$/.exec(raw);
    if (m) {
      hunks.push({ file: m[1], line: Number(m[2] ?? m[3]), body: [] });
    } else if (hunks.length && /^[ +-]/.test(raw)) {
      hunks[hunks.length - 1].body.push(raw);
    }
  }
  return hunks.map((h) => {
    // The hunk starts with context lines; the annotation should point at the first changed line.
    const firstChange = h.body.findIndex((l) => l.startsWith('-') || l.startsWith('+'));
    const line = h.line + Math.max(0, firstChange);
    const removed = h.body.filter((l) => l.startsWith('-')).length;
    return {
      level: 'error',
      title: 'rustfmt',
      file: locate(loc, h.file),
      line,
      endLine: line + Math.max(0, removed - 1),
      message: `Not formatted as rustfmt would; run \`cargo fmt\`.\n${h.body.join('\n')}`,
    };
  });
}

interface RustcSpan {
  file_name: string;
  line_start: number;
  line_end: number;
  column_start: number;
  is_primary: boolean;
  expansion?: { span: RustcSpan; macro_decl_name?: string } | null;
}
interface RustcMessage {
  message: string;
  level: string;
  code: { code: string } | null;
  spans: RustcSpan[];
  rendered: string | null;
}

export interface ClippyResult {
  annotations: Annotation[];
  errors: number;
  warnings: number;
  /** False when the build itself failed (a compile error is reported as an annotation too). */
  buildSucceeded: boolean;
}

/**
 * `cargo clippy --all-targets --message-format=json`: each diagnostic is printed once per target that
 * compiles the file (bin and its test harness), so de-duplicate on (code, file, line, column).
 */
export function parseClippy(jsonl: string, loc: Locator): ClippyResult {
  const seen = new Set<string>();
  const annotations: Annotation[] = [];
  let errors = 0;
  let warnings = 0;
  let buildSucceeded = true;
  for (const line of jsonl.split('\n')) {
    if (!line.startsWith('{')) continue;
    let rec: { reason?: string; success?: boolean; manifest_path?: string; message?: RustcMessage };
    try {
      rec = JSON.parse(line);
    } catch {
      continue;
    }
    if (rec.reason === 'build-finished') buildSucceeded = rec.success !== false;
    if (rec.reason !== 'compiler-message' || !rec.message) continue;
    const msg = rec.message;
    if (msg.level !== 'error' && msg.level !== 'warning') continue;
    // "aborting due to N previous errors" / "N warnings emitted" carry no span: they are tallies.
    const primary = msg.spans.find((s) => s.is_primary);
    if (!primary) continue;
    const hint = rec.manifest_path ? path.dirname(rec.manifest_path) : undefined;
    const site = macroSites(primary, loc, hint);
    const { call } = site;
    const code = msg.code?.code ?? '';
    const key = `${code}|${call.file_name}|${call.line_start}|${call.column_start}|${msg.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (msg.level === 'error') errors++;
    else warnings++;
    const level = msg.level === 'error' ? 'error' : 'warning';
    const title = code || `rustc ${msg.level}`;
    const rendered = (msg.rendered ?? msg.message).trimEnd();
    if (!site.body) {
      annotations.push({ level, title, ...where(loc, call, hint), message: rendered });
      continue;
    }
    // Inside a macro_rules! body of this checkout: the finding is on the body's line, where clippy puts
    // it and where it is fixed; the invocation that expanded it gets a notice, so a diff that touches
    // only the call still shows it. Both name the other place.
    const body = where(loc, site.body, hint);
    const invoked = where(loc, call, hint);
    annotations.push({
      level,
      title,
      ...body,
      message: `in the expansion of ${site.macro} at ${at(invoked)}\n${rendered}`,
    });
    annotations.push({
      level: 'notice',
      title,
      ...invoked,
      message: `${site.macro} expands to code with this ${msg.level} at ${at(body)}: ${msg.message}`,
    });
  }
  return { annotations, errors, warnings, buildSucceeded };
}

interface MacroSites {
  /** Where the user's code invokes the outermost macro: the span outside every expansion. */
  call: RustcSpan;
  /** The innermost span inside this checkout when the diagnostic is in a macro's body (not in std or a dependency). */
  body?: RustcSpan;
  /** `name!` of the macro whose body holds the finding. */
  macro: string;
}

/**
 * A diagnostic inside a macro expansion: the primary span is in the macro's body and each `expansion`
 * leads one invocation outwards, to the call site in ordinary code.
 */
function macroSites(primary: RustcSpan, loc: Locator, hint?: string): MacroSites {
  const chain: { span: RustcSpan; macro?: string }[] = [{ span: primary }];
  for (let s = primary; s.expansion?.span; s = s.expansion.span) {
    chain[chain.length - 1].macro = s.expansion.macro_decl_name;
    chain.push({ span: s.expansion.span });
  }
  const call = chain[chain.length - 1].span;
  const inner = chain.slice(0, -1).find((c) => inCheckout(loc, c.span.file_name, hint));
  if (!inner || (inner.span.file_name === call.file_name && inner.span.line_start === call.line_start))
    return { call, macro: '' };
  return { call, body: inner.span, macro: inner.macro ?? 'a macro' };
}

function inCheckout(loc: Locator, file: string, hint?: string): boolean {
  const abs = loc.resolve(file, hint);
  if (!abs) return false;
  const rel = loc.relative(abs);
  return !rel.startsWith('../') && rel !== '..' && !path.isAbsolute(rel);
}

function where(
  loc: Locator,
  s: RustcSpan,
  hint?: string,
): Pick<Annotation, 'file' | 'line' | 'endLine' | 'col'> {
  return {
    file: locate(loc, s.file_name, hint),
    line: s.line_start,
    endLine: s.line_end !== s.line_start ? s.line_end : undefined,
    col: s.column_start,
  };
}

const at = (w: Pick<Annotation, 'file' | 'line' | 'col'>) => `${w.file}:${w.line}:${w.col}`;

export interface TestResult {
  passed: number;
  failed: number;
  ignored: number;
  failures: { name: string; message: string; file?: string; line?: number; col?: number }[];
  /** True when at least one `test result:` (or JSON suite) line was seen. */
  ran: boolean;
}

const PANIC = /panicked at ([^\s:]+\.rs):(\d+):(\d+):?\s*\n?([\s\S]*)/;

function panicLocation(text: string): { file?: string; line?: number; col?: number; message: string } {
  const m = PANIC.exec(text);
  if (!m) return { message: text.trim() };
  const message = m[4]
    .split('\n')
    .filter((l) => !/^(note: run with|stack backtrace:)/.test(l))
    .join('\n')
    .trim();
  return { file: m[1], line: Number(m[2]), col: Number(m[3]), message };
}

/** `cargo test` (text): `test result:` lines for counts, `---- name stdout ----` blocks for failures. */
export function parseCargoTest(output: string): TestResult {
  const text = stripAnsi(output);
  const r: TestResult = { passed: 0, failed: 0, ignored: 0, failures: [], ran: false };
  for (const m of text.matchAll(/^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/gm)) {
    r.ran = true;
    r.passed += Number(m[1]);
    r.failed += Number(m[2]);
    r.ignored += Number(m[3]);
  }
  const failedNames = [...text.matchAll(/^test (\S+) \.\.\. FAILED$/gm)].map((m) => m[1]);
  const blocks = new Map<string, string>();
  for (const m of text.matchAll(
    /^---- (\S+) stdout ----\n([\s\S]*?)(?=^---- \S+ stdout ----$|^failures:$|^test result:)/gm,
  ))
    blocks.set(m[1], m[2]);
  for (const name of new Set(failedNames))
    r.failures.push({ name, ...panicLocation(blocks.get(name) ?? '') });
  return r;
}

/** `cargo test -- -Z unstable-options --format json` (nightly or RUSTC_BOOTSTRAP=1). */
export function parseCargoTestJson(jsonl: string): TestResult {
  const r: TestResult = { passed: 0, failed: 0, ignored: 0, failures: [], ran: false };
  for (const line of jsonl.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    let ev: {
      type?: string;
      event?: string;
      name?: string;
      stdout?: string;
      passed?: number;
      failed?: number;
      ignored?: number;
    };
    try {
      ev = JSON.parse(line);
    } catch {
      continue;
    }
    if (ev.type === 'suite' && (ev.event === 'ok' || ev.event === 'failed')) {
      r.ran = true;
      r.passed += ev.passed ?? 0;
      r.failed += ev.failed ?? 0;
      r.ignored += ev.ignored ?? 0;
    } else if (ev.type === 'test' && ev.event === 'failed' && ev.name) {
      r.failures.push({ name: ev.name, ...panicLocation(ev.stdout ?? '') });
    }
  }
  return r;
}

export interface AuditFinding {
  id: string;
  kind: 'vulnerability' | 'unmaintained' | 'unsound' | 'yanked' | 'notice';
  package: string;
  version: string;
  title: string;
  url?: string;
  cvss?: string;
  patched: string[];
}

interface RustsecAdvisory {
  id: string;
  title?: string;
  url?: string;
  cvss?: string | null;
  informational?: string | null;
}
interface RustsecEntry {
  advisory?: RustsecAdvisory | null;
  versions?: { patched?: string[] } | null;
  package: { name: string; version: string };
  kind?: string;
}

/** rustsec's `Report` struct, as `cargo audit --json` prints it. */
export function parseAudit(json: string): AuditFinding[] {
  const report = JSON.parse(json) as {
    vulnerabilities?: { list?: RustsecEntry[] };
    warnings?: Record<string, RustsecEntry[]>;
  };
  const out: AuditFinding[] = [];
  const add = (e: RustsecEntry, kind: AuditFinding['kind']) =>
    out.push({
      id: e.advisory?.id ?? `${kind}:${e.package.name}`,
      kind,
      package: e.package.name,
      version: e.package.version,
      title:
        e.advisory?.title ?? (kind === 'yanked' ? `${e.package.name} ${e.package.version} is yanked` : kind),
      url: e.advisory?.url ?? undefined,
      cvss: e.advisory?.cvss ?? undefined,
      patched: e.versions?.patched ?? [],
    });
  for (const v of report.vulnerabilities?.list ?? []) add(v, 'vulnerability');
  for (const [k, list] of Object.entries(report.warnings ?? {})) {
    const kind = (['unmaintained', 'unsound', 'yanked', 'notice'] as const).find((x) => x === k) ?? 'notice';
    for (const w of list ?? []) add(w, kind);
  }
  return out;
}

/** The line of `name = "<pkg>"` for the given version in Cargo.lock, to annotate where it is pinned. */
export function lockfileLine(lock: string, pkg: string, version: string): number | undefined {
  const lines = lock.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === `name = "${pkg}"` && lines[i + 1]?.trim() === `version = "${version}"`)
      return i + 1;
  }
  return undefined;
}
