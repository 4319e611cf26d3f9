/** A Kubernetes object as parsed from YAML; rules read it defensively because manifests are user input. */
export type K8sObject = Record<string, unknown>;

/** Keys and sequence indices from the object's root, e.g. ['spec', 'ports', 0, 'targetPort']. */
export type FieldPath = readonly (string | number)[];

/** One parsed object and where it came from, so a finding can point at the line a user edits. */
export interface LintDoc {
  obj: K8sObject;
  /** Relative to the workspace, '/'-separated; undefined when the source is not in the repository. */
  file?: string;
  /** Line (1-based) of the deepest part of `path` that exists in the source; undefined without a file. */
  lineOf(path: FieldPath): number | undefined;
}

export type Severity = 'error' | 'warning';
export type Sessions = 'stateful' | 'stateless';

export interface Finding {
  /** Stable ID for suppressions (`mcp-deploy.dev/ignore: MCP002`), e.g. MCP001. */
  rule: string;
  /** Human name of the rule, e.g. stateful-replicas. */
  name: string;
  severity: Severity;
  /** Kind/name, e.g. Deployment/hello-mcp. */
  object: string;
  namespace?: string;
  /** Field path in the object, e.g. spec.template.spec.containers[0].readinessProbe.httpGet.path. */
  path: string;
  /** What is wrong and why it breaks MCP clients. */
  message: string;
  fix: string;
  file?: string;
  line?: number;
}

export interface RuleOptions {
  /** Path of the MCP endpoint (default /mcp); a workload's `mcp-deploy.dev/mcp-path` annotation wins. */
  mcpPath: string;
  /**
   * Whether the server keeps sessions in memory. Undefined means "not said": stateful is assumed, as
   * that is the Rust SDK's default; a workload's `mcp-deploy.dev/sessions` annotation wins.
   */
  sessions?: Sessions;
  /** ingress-nginx proxy-read-timeout must be at least this many seconds (default 300). */
  minReadTimeoutSeconds?: number;
}

/** Annotations this linter reads. One namespace, documented in src/lint/README.md. */
export const ANNOTATION = {
  sessions: 'mcp-deploy.dev/sessions',
  mcpPath: 'mcp-deploy.dev/mcp-path',
  hostCheck: 'mcp-deploy.dev/host-check',
  ignore: 'mcp-deploy.dev/ignore',
} as const;
