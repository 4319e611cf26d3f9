import { ActionError } from '../errors';
import { INPUTS, type InputReader } from '../inputs';
import { log, type Annotation } from '../report/log';
import { Summary } from '../report/summary';
import type { Kustomized } from '../tools/kubectl';
import { loadPaths } from './manifests';
import { lintObjects, RULES } from './rules';
import type { Finding, RuleOptions, Sessions } from './types';

export { parseManifests } from './manifests';
export { lintObjects, RULES, type RuleId } from './rules';
export { ANNOTATION, type Finding, type LintDoc, type RuleOptions, type Sessions } from './types';

export type LintMode = 'error' | 'warn' | 'off';

/** The lint inputs of action.yml (`lint`, `mcp-path`, `mcp-sessions`), shared by the CLI and the deploy stage. */
export interface LintInputs {
  /** error: error findings fail the step; warn: everything is reported as a warning; off: no lint. */
  mode: LintMode;
  mcpPath: string;
  sessions: Sessions;
}

export function parseLintInputs(r: InputReader): LintInputs {
  const mcpPath = r.string('mcp-path');
  if (!mcpPath.startsWith('/'))
    throw new ActionError(
      `'${mcpPath}' is not a URL path`,
      'mcp-path',
      'give the MCP endpoint path, e.g. /mcp',
    );
  return {
    mode: r.oneOf('lint', INPUTS.lint.allowed),
    mcpPath,
    sessions: r.oneOf('mcp-sessions', INPUTS['mcp-sessions'].allowed),
  };
}

export interface LintOptions extends RuleOptions {
  /** Repository root: findings in files under it carry a file and line for annotations. */
  workspace: string;
  /**
   * An overlay among the paths, already rendered (the deploy stage lints what it applies): it is not
   * rendered again. Other overlays are rendered with the kubectl on PATH.
   */
  rendered?: Kustomized;
}

export interface LintResult {
  findings: Finding[];
  /** How many Kubernetes objects were read: 0 means the paths held nothing to lint. */
  objects: number;
  errors: number;
  warnings: number;
}

/**
 * Reads manifests (files, plain directories, kustomize overlays rendered with kubectl, `-` for stdin) and
 * lints them. Throws ActionError when a path is missing, not YAML, or holds no Kubernetes object.
 */
export async function lintPaths(paths: string[], opts: LintOptions): Promise<LintResult> {
  const docs = await loadPaths(paths, opts.workspace, opts.rendered);
  if (!docs.length)
    throw new ActionError(
      `no Kubernetes objects in ${paths.join(', ')}`,
      undefined,
      'point at rendered manifests, a directory of YAML files or a kustomize overlay',
    );
  const findings = sortFindings(lintObjects(docs, opts));
  return {
    findings,
    objects: docs.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}

const where = (f: Finding) => `${f.object}${f.namespace ? ` (namespace ${f.namespace})` : ''} ${f.path}`;

export function toAnnotation(f: Finding, mode: LintMode = 'error'): Annotation {
  return {
    level: mode === 'warn' ? 'warning' : f.severity,
    title: `${f.rule} ${f.name}`,
    file: f.file,
    line: f.line,
    message: `${where(f)}: ${f.message}\nfix: ${f.fix}`,
  };
}

/** `2 errors, 1 warning in 14 objects` */
export function headline(r: LintResult): string {
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return r.findings.length
    ? `${n(r.errors, 'error')}, ${n(r.warnings, 'warning')} in ${n(r.objects, 'object')}`
    : `${n(r.objects, 'object')}, no findings`;
}

/** With `details` (the job summary) the table repeats problem and fix; a terminal has them above it. */
export function lintSummary(r: LintResult, details = true): Summary {
  const s = new Summary().heading('MCP deployment lint').text(headline(r));
  if (r.findings.length)
    s.table(
      ['Rule', 'Severity', 'Object', 'Field', 'Where', ...(details ? ['Problem', 'Fix'] : [])],
      r.findings.map((f) => [
        `\`${f.rule}\` ${f.name}`,
        f.severity,
        f.namespace ? `${f.namespace}/${f.object}` : f.object,
        `\`${f.path}\``,
        f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '',
        ...(details ? [f.message, f.fix] : []),
      ]),
    );
  return s;
}

/** Whether a result fails the step: errors in `error` mode; with `strict`, warnings too. Never in `warn`. */
export function lintFailed(r: LintResult, mode: LintMode, strict = false): boolean {
  return mode === 'error' && (r.errors > 0 || (strict && r.warnings > 0));
}

/** What the deploy stage's lint step found: the summary section, and whether the deploy must stop. */
export interface LintOutcome {
  result?: LintResult;
  summary: Summary;
  failed: boolean;
  headline: string;
}

/**
 * The deploy stage's lint step: lint, annotate each finding, and return the summary section and whether
 * the deploy must stop. With mode `off` nothing is read.
 */
export async function runLint(
  paths: string[],
  inputs: LintInputs,
  workspace: string,
  rendered?: Kustomized,
): Promise<LintOutcome> {
  if (inputs.mode === 'off') return { summary: new Summary(), failed: false, headline: 'lint off' };
  return log.group('MCP deployment lint', async () => {
    const result = await lintPaths(paths, {
      mcpPath: inputs.mcpPath,
      sessions: inputs.sessions,
      workspace,
      rendered,
    });
    for (const f of result.findings) log.annotate(toAnnotation(f, inputs.mode));
    log.info(headline(result));
    return {
      result,
      summary: lintSummary(result),
      failed: lintFailed(result, inputs.mode),
      headline: headline(result),
    };
  });
}

/** One line per rule, for `mcp-deploy lint --help` and the docs. */
export function ruleList(): string {
  return Object.entries(RULES)
    .map(([id, r]) => `  ${id} ${r.name.padEnd(25)} ${r.severity.padEnd(7)}  ${r.what}`)
    .join('\n');
}
