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
