import * as path from 'node:path';
import { outputTail, type ExecResult } from '../exec';
import { firstError } from './cargo';

/**
 * cargo-audit, run as `cargo audit`: its argv, its JSON report (rustsec's `Report` struct) and why a run
 * gave no report.
 */

export function auditArgv(lockfile: string, ignore: string[]): string[] {
  // --file: without it cargo-audit reads ./Cargo.lock, which a workspace member's directory does not have.
  return ['cargo', 'audit', '--json', '--file', lockfile, ...ignore.flatMap((id) => ['--ignore', id])];
}

/** `cargo audit` finds cargo-audit on PATH: the environment that puts `binary`'s directory first. */
export function auditEnv(binary: string): Record<string, string> {
  return { PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH ?? ''}` };
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

/** What a `cargo audit --json` run gave: its report, or why there is none. */
export type AuditResult =
  /** The report, with or without findings (cargo-audit exits 1 when it found a vulnerability). */
  | { kind: 'report'; findings: AuditFinding[] }
  /** No report, because the advisory database could not be fetched (or opened, or loaded). */
  | { kind: 'database'; cause?: string; detail: string }
  /** No report, because there is no Cargo.lock to audit. */
  | { kind: 'lockfile'; cause?: string; detail: string }
  | { kind: 'timeout' | 'other'; cause?: string; detail: string };

const DATABASE = /(couldn't fetch|couldn't open|error loading) advisory database/i;
const LOCKFILE = /Couldn't load \S*Cargo\.lock/i;

export function classifyAudit(r: ExecResult): AuditResult {
  if (!r.timedOut)
    try {
      return { kind: 'report', findings: parseAudit(r.stdout) };
    } catch {
      // no report on stdout: say why from stderr
    }
  const text = `${r.stderr}\n${r.stdout}`;
  const kind = r.timedOut
    ? 'timeout'
    : DATABASE.test(text)
      ? 'database'
      : LOCKFILE.test(text)
        ? 'lockfile'
        : 'other';
  return { kind, cause: firstError(r), detail: outputTail(r, 15) };
}
