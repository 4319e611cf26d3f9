/**
 * Trivy: the argv of its scans, its JSON report (SchemaVersion 2), its SARIF, `.trivyignore`, and why a
 * call failed.
 */
import type { ExecResult } from '../exec';

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  kind: 'vulnerability' | 'secret';
  id: string;
  severity: Severity;
  /** The package (vulnerability) or the file (secret). */
  pkg: string;
  installed: string;
  fixed: string;
  title: string;
  url?: string;
  target: string;
}

interface TrivyVulnerability {
  VulnerabilityID: string;
  PkgName: string;
  InstalledVersion?: string;
  FixedVersion?: string;
  Severity?: string;
  Title?: string;
  Description?: string;
  PrimaryURL?: string;
}
interface TrivySecret {
  RuleID: string;
  Category?: string;
  Severity?: string;
  Title?: string;
  StartLine?: number;
}
interface TrivyResult {
  Target: string;
  Class?: string;
  Vulnerabilities?: TrivyVulnerability[] | null;
  Secrets?: TrivySecret[] | null;
}
export interface TrivyReport {
  SchemaVersion: number;
  ArtifactName?: string;
  Trivy?: { Version?: string };
  Results?: TrivyResult[] | null;
}

const severity = (s: string | undefined): Severity =>
  (SEVERITIES as readonly string[]).includes(s ?? '') ? (s as Severity) : 'UNKNOWN';

export function parseTrivyReport(json: string): { report: TrivyReport; findings: Finding[] } {
  const report = JSON.parse(json) as TrivyReport;
  if (report.SchemaVersion !== 2)
    throw new Error(`not a Trivy JSON report of schema 2 (SchemaVersion ${String(report.SchemaVersion)})`);
  const findings: Finding[] = [];
  for (const r of report.Results ?? []) {
    for (const v of r.Vulnerabilities ?? [])
      findings.push({
        kind: 'vulnerability',
        id: v.VulnerabilityID,
        severity: severity(v.Severity),
        pkg: v.PkgName,
        installed: v.InstalledVersion ?? '',
        fixed: v.FixedVersion ?? '',
        title: v.Title || firstSentence(v.Description ?? ''),
        url: v.PrimaryURL,
        target: r.Target,
      });
    for (const s of r.Secrets ?? [])
      findings.push({
        kind: 'secret',
        id: s.RuleID,
        severity: severity(s.Severity),
        pkg: r.Target,
        installed: s.StartLine ? `line ${s.StartLine}` : '',
        fixed: '',
        title: s.Title ?? s.Category ?? 'secret',
        target: r.Target,
      });
  }
  return { report, findings };
}

function firstSentence(s: string): string {
  const t = s.trim().split(/(?<=\.)\s/)[0] ?? '';
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}

/**
 * `.trivyignore`: one ID a line, `#` comments, an optional `exp:YYYY-MM-DD` after which the entry no
 * longer applies (Trivy's own rule, applied here too so the policy and the report agree).
 */
export function parseTrivyignore(text: string, today: Date = new Date()): Set<string> {
  const ids = new Set<string>();
  const day = today.toISOString().slice(0, 10);
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [id, ...rest] = line.split(/\s+/);
    const exp = rest.map((r) => /^exp:(\d{4}-\d{2}-\d{2})$/.exec(r)?.[1]).find(Boolean);
    if (exp && exp < day) continue;
    ids.add(id);
  }
  return ids;
}

/** Number of results in a SARIF log, to say what the upload will show. */
export function sarifResultCount(json: string): number {
  const sarif = JSON.parse(json) as { version?: string; runs?: { results?: unknown[] }[] };
  if (sarif.version !== '2.1.0' || !Array.isArray(sarif.runs)) throw new Error('not a SARIF 2.1.0 log');
  return sarif.runs.reduce((n, r) => n + (r.results?.length ?? 0), 0);
}

// ---- argv and environment ----

export interface ImageScan {
  /** The JSON report is written here; the policy is applied to it afterwards. */
  reportFile: string;
  severity: readonly Severity[];
  scanners: readonly string[];
  ignoreUnfixed: boolean;
  /** The ignore file, or ''. */
  ignoreFile: string;
  cacheDir: string;
  dbRepository: string;
  timeoutSec: number;
}

/** `trivy image` against one DB repository, JSON to a file; exit code 0 whatever it finds. */
export function imageScanArgv(trivy: string, imageRef: string, o: ImageScan): string[] {
  return [
    trivy,
    'image',
    '--format',
    'json',
    '--output',
    o.reportFile,
    '--severity',
    o.severity.join(','),
    '--scanners',
    o.scanners.join(','),
    ...(o.ignoreUnfixed ? ['--ignore-unfixed'] : []),
    ...(o.ignoreFile ? ['--ignorefile', o.ignoreFile] : []),
    '--cache-dir',
    o.cacheDir,
    '--db-repository',
    o.dbRepository,
    '--timeout',
    `${o.timeoutSec}s`,
    '--exit-code',
    '0',
    '--no-progress',
    imageRef,
  ];
}

/** SARIF from a JSON report that `trivy image` wrote: no second scan. */
export function sarifConvertArgv(trivy: string, reportFile: string, sarifFile: string): string[] {
  return [trivy, 'convert', '--format', 'sarif', '--output', sarifFile, reportFile];
}

/**
 * Registry credentials reach Trivy through its own environment variables, never argv; TRIVY_INSECURE
 * makes it talk plain HTTP to the registry.
 */
export function registryEnv(o: {
  username: string;
  password: string;
  insecure: boolean;
}): Record<string, string> {
  return {
    ...(o.password ? { TRIVY_USERNAME: o.username, TRIVY_PASSWORD: o.password } : {}),
    ...(o.insecure ? { TRIVY_INSECURE: 'true' } : {}),
  };
}

// ---- failures ----

/**
 * Why a Trivy call failed. `db-rate-limit` and `db-download` are the vulnerability DB's repository (the cue
 * to try the next one); `auth`, `unreachable` and `not-found` are the image's registry.
 */
export type TrivyFailure =
  'db-rate-limit' | 'db-download' | 'auth' | 'unreachable' | 'not-found' | 'timeout' | 'other';

const DB_FAILED = /failed to download (?:vulnerability DB|artifact)/i;
const RATE_LIMITED = /TOOMANYREQUESTS|429 Too Many Requests|rate limit/i;
// Registry error codes are upper case; `permission denied` on a local file is not a registry's answer.
const AUTH = /\b(?:UNAUTHORIZED|DENIED)\b|authentication required|status=401|not authorized/;
const UNREACHABLE =
  /connection refused|no such host|network is unreachable|i\/o timeout|TLS handshake|server gave HTTP response to HTTPS client/i;
const DEADLINE = /context deadline exceeded/;
const NOT_FOUND =
  /MANIFEST_UNKNOWN|NAME_UNKNOWN|manifest unknown|No such image|unable to find the specified image/;

/**
 * Classifies a failed Trivy call from what it logs on stderr; undefined when it succeeded. An image that no
 * source has lists one error per source (docker, containerd, podman, remote): only the remote one speaks
 * for the registry, the others only say that no local engine runs.
 */
export function classifyTrivyFailure(r: ExecResult): TrivyFailure | undefined {
  if (r.exitCode === 0 && !r.timedOut) return undefined;
  const text = r.stderr;
  if (DB_FAILED.test(text)) return RATE_LIMITED.test(text) ? 'db-rate-limit' : 'db-download';
  if (r.timedOut) return 'timeout';
  const remote = /remote error: (.*)/.exec(text)?.[1] ?? text;
  if (AUTH.test(remote)) return 'auth';
  if (UNREACHABLE.test(remote)) return 'unreachable';
  if (DEADLINE.test(remote)) return 'timeout';
  if (NOT_FOUND.test(remote)) return 'not-found';
  return 'other';
}
