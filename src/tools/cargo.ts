import * as path from 'node:path';
import { outputTail, type ExecResult } from '../exec';
import type { Annotation } from '../report/log';
import { locate, type Locator } from '../report/locator';

/**
 * cargo and the toolchain under it (rustc, rustup): argv builders, parsers of their output and the
 * classification of a failed call. Paths in the output go through a `Locator` to become annotations.
 */

/** cargo's messages without colour codes, for the parsers and the log. */
export const CARGO_ENV: Readonly<Record<string, string>> = { CARGO_TERM_COLOR: 'never' };

/** `cargo`, or `cargo +<toolchain>` through rustup's proxy. */
export function cargoArgv(toolchain?: string): string[] {
  return toolchain ? ['cargo', `+${toolchain}`] : ['cargo'];
}

/**
 * What a command covers. In a workspace member's directory cargo's own defaults differ per command
 * (`fmt --all` formats every member, clippy and test only the member), so the scope is always explicit.
 */
export type Scope = { kind: 'package'; name: string } | { kind: 'workspace' };

/** The toolchain, the packages and the features of a check. */
export interface CargoTarget {
  toolchain?: string;
  scope: Scope;
  /** [] = default features; ['all'] = --all-features. */
  features: string[];
}

function featureArgs(t: CargoTarget): string[] {
  if (!t.features.length) return [];
  return t.features.length === 1 && t.features[0] === 'all'
    ? ['--all-features']
    : ['--features', t.features.join(',')];
}

function scopeArgs(s: Scope, all: '--all' | '--workspace'): string[] {
  return s.kind === 'workspace' ? [all] : ['-p', s.name];
}

export function fmtCheckArgv(t: Pick<CargoTarget, 'toolchain' | 'scope'>): string[] {
  return [...cargoArgv(t.toolchain), 'fmt', ...scopeArgs(t.scope, '--all'), '--check'];
}

export function clippyArgv(t: CargoTarget, clippyArgs: string[]): string[] {
  // --keep-going: after the first member with errors cargo would schedule nothing more, and the
  // other members' findings would show only on the next run.
  return [
    ...cargoArgv(t.toolchain),
    'clippy',
    ...scopeArgs(t.scope, '--workspace'),
    '--keep-going',
    '--all-targets',
    '--message-format=json',
    ...featureArgs(t),
    '--',
    ...clippyArgs,
  ];
}

export function testArgv(t: CargoTarget, testArgs: string[]): string[] {
  // --no-fail-fast: every failing test binary is reported, not just the first.
  return [
    ...cargoArgv(t.toolchain),
    'test',
    ...scopeArgs(t.scope, '--workspace'),
    '--no-fail-fast',
    ...featureArgs(t),
    ...testArgs,
  ];
}

/** Whether rustup can run cargo of this toolchain at all. */
export function versionArgv(toolchain: string): string[] {
  return [...cargoArgv(toolchain), '--version'];
}

export function metadataArgv(manifest: string): string[] {
  return ['cargo', 'metadata', '--no-deps', '--format-version', '1', '--manifest-path', manifest];
}

/** The parts of `cargo metadata --format-version 1` this project reads. */
export interface CargoMetadata {
  target_directory: string;
  packages: { manifest_path: string; targets: { name: string; kind: string[] }[] }[];
}

export function parseMetadata(stdout: string): CargoMetadata {
  return JSON.parse(stdout) as CargoMetadata;
}

/** The bin targets of the package whose Cargo.toml is `manifest` (absolute). */
export function binTargets(meta: CargoMetadata, manifest: string): string[] {
  const pkg = meta.packages.find((p) => path.resolve(p.manifest_path) === manifest);
  return (pkg?.targets ?? []).filter((t) => t.kind.includes('bin')).map((t) => t.name);
}

export function buildReleaseArgv(o: { toolchain?: string; triple: string; bin: string }): string[] {
  return [...cargoArgv(o.toolchain), 'build', '--release', '--locked', '--target', o.triple, '--bin', o.bin];
}

/** Where `cargo build --release --target <triple>` leaves a binary. */
export function releaseBinary(targetDir: string, triple: string, bin: string): string {
  return path.join(targetDir, triple, 'release', bin);
}

/** The linker for a foreign triple, for cargo (CARGO_TARGET_<TRIPLE>_LINKER) and for cc-rs build scripts. */
export function linkerEnv(triple: string, linker: string): Record<string, string> {
  const upper = triple.toUpperCase().replace(/-/g, '_');
  return { [`CARGO_TARGET_${upper}_LINKER`]: linker, [`CC_${triple.replace(/-/g, '_')}`]: linker };
}

const plus = (toolchain?: string) => (toolchain ? [`+${toolchain}`] : []);

export function rustcVersionArgv(toolchain?: string): string[] {
  return ['rustc', ...plus(toolchain), '-vV'];
}

/** `host:` of `rustc -vV`. */
export function parseRustcHost(stdout: string): string | undefined {
  return /^host:\s*(\S+)/m.exec(stdout)?.[1];
}

export function sysrootArgv(toolchain?: string): string[] {
  return ['rustc', ...plus(toolchain), '--print', 'sysroot'];
}

export function installedTargetsArgv(toolchain?: string): string[] {
  return ['rustup', ...plus(toolchain), 'target', 'list', '--installed'];
}

/** `rustup target list --installed`: one target a line. */
export function parseInstalledTargets(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export function toolchainListArgv(): string[] {
  return ['rustup', 'toolchain', 'list'];
}

/** `rustup toolchain list`: the names as `+<name>` takes them (`stable`, not `stable-x86_64-unknown-linux-gnu (default)`). */
export function parseToolchainList(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.split(/\s/)[0].replace(/-(x86_64|aarch64|i686|armv7|riscv64gc|powerpc64le|s390x)-.*$/, ''))
    .filter(Boolean);
}

/** Why a cargo call failed, as far as its output says. */
export type CargoFailureKind =
  /** rustup has no such toolchain, or it lacks the component (clippy, rustfmt). */
  | 'toolchain'
  /** A dependency had to be fetched and the registry or git host could not be reached. */
  | 'network'
  /** The crate (or its tests) did not compile. */
  | 'compile'
  /** It compiled, and tests failed. */
  | 'test'
  | 'timeout'
  | 'other';

export interface CargoFailure {
  kind: CargoFailureKind;
  /** The first `error` line, without `error: `: the one line that says what went wrong. */
  cause?: string;
  /** The end of the output, where cargo says why it stopped. */
  detail: string;
}

const TOOLCHAIN =
  /toolchain '[^']+' is not installed|is not installed for the toolchain|Cargo does not handle `\+toolchain` directives/;
const NETWORK =
  /spurious network error|Could not resolve host|Couldn't resolve host|failed to download from|download of \S+ failed|Couldn't connect to server|Connection refused|SSL connect error|Unable to update registry|failed to fetch `http|attempting to make an HTTP request, but --offline was specified/i;
const COMPILE = /^error: could not compile `/m;
const TEST = /^error: (test failed, to rerun pass|\d+ targets? failed:)/m;

/** The first line of the output that starts with `error`, without the `error: ` prefix. */
export function firstError(r: ExecResult): string | undefined {
  return `${r.stderr}\n${r.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /^error\b/i.test(l))
    ?.replace(/^error:\s*/i, '');
}

/** What went wrong in a cargo call that did not succeed; undefined when it did. */
export function classifyCargo(r: ExecResult): CargoFailure | undefined {
  if (r.exitCode === 0 && !r.timedOut) return undefined;
  const text = `${r.stderr}\n${r.stdout}`;
  const kind: CargoFailureKind = r.timedOut
    ? 'timeout'
    : TOOLCHAIN.test(text)
      ? 'toolchain'
      : NETWORK.test(text)
        ? 'network'
        : COMPILE.test(r.stderr)
          ? 'compile'
          : TEST.test(r.stderr)
            ? 'test'
            : 'other';
  return { kind, cause: firstError(r), detail: outputTail(r, 15) };
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

/** The line of `name = "<pkg>"` for the given version in Cargo.lock, to annotate where it is pinned. */
export function lockfileLine(lock: string, pkg: string, version: string): number | undefined {
  const lines = lock.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === `name = "${pkg}"` && lines[i + 1]?.trim() === `version = "${version}"`)
      return i + 1;
  }
  return undefined;
}
