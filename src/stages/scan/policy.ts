import { SEVERITIES, type Finding, type Severity } from '../../tools/trivy';

/**
 * The stage's verdict on Trivy's findings: the ignore file and ignore-unfixed leave findings out, fail-on
 * decides which of the rest fail the step.
 */
export interface Policy {
  failOn: Severity[];
  ignore: Set<string>;
  ignoreUnfixed: boolean;
}

export interface Verdict {
  /** What the report holds after the ignore file, by severity. */
  counts: Record<Severity, number>;
  reported: Finding[];
  /** The findings that fail the step. */
  failing: Finding[];
  ignored: Finding[];
}

export function evaluate(findings: Finding[], p: Policy): Verdict {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const reported: Finding[] = [];
  const ignored: Finding[] = [];
  for (const f of findings) {
    if (p.ignore.has(f.id) || (p.ignoreUnfixed && f.kind === 'vulnerability' && !f.fixed)) {
      ignored.push(f);
      continue;
    }
    reported.push(f);
    counts[f.severity]++;
  }
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const failing = reported
    .filter((f) => p.failOn.includes(f.severity))
    .sort(
      (a, b) => rank(a.severity) - rank(b.severity) || a.id.localeCompare(b.id) || a.pkg.localeCompare(b.pkg),
    );
  return { counts, reported, failing, ignored };
}
