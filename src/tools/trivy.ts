/** Trivy: its JSON report (SchemaVersion 2), its SARIF and `.trivyignore`. */
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

/** Trivy's failure to fetch its DB from one repository: the cue to try the next one. */
export function dbDownloadFailure(stderr: string): 'rate-limit' | 'download' | undefined {
  if (/TOOMANYREQUESTS|429 Too Many Requests|rate limit/i.test(stderr)) return 'rate-limit';
  if (/failed to download (?:vulnerability DB|artifact)/i.test(stderr)) return 'download';
  return undefined;
}
