import * as core from '@actions/core';

/**
 * Every line the action prints goes through one sink, so the same core logs as workflow commands on
 * GitHub and as plain, readable text in GitLab jobs and on a laptop. Secrets registered here are
 * redacted from everything printed by either sink, not only where the runner would mask them.
 */
export type Level = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: Level;
  message: string;
  title?: string;
  /** Relative to the workspace, '/' separated. */
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
}

export interface Sink {
  info(message: string): void;
  warning(message: string): void;
  annotate(a: Annotation): void;
  startGroup(name: string): void;
  endGroup(): void;
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  /** Groups fold in the viewer (GitHub): long tool output can go in them without burying the rest. */
  readonly folds: boolean;
}

const secrets = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (!value) return;
  for (const v of [value.trim(), ...secretLines(value)]) {
    if (v.length >= 4 && !secrets.has(v)) {
      secrets.add(v);
      sink.setSecret(v);
    }
  }
}

/**
 * A multi-line secret (a kubeconfig) is printed line by line by most tools, so its lines are masked too:
 * the values under keys that name a credential (token, client-key-data, password ...), and bare lines
 * such as the body of a PEM block. Not names, namespaces or `kind: Config`: masking those would garble
 * every later line of output that mentions them.
 */
function secretLines(value: string): string[] {
  const out: string[] = [];
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim();
    const kv = /^(?:-\s+)?([\w.-]+):\s*(.*)$/.exec(line);
    if (!kv) {
      if (line.length >= 16) out.push(line);
      continue;
    }
    const v = kv[2].replace(/^["']|["']$/g, '');
    if (v.length >= 4 && /token|passw|secret|key|data|auth|credential|cert/i.test(kv[1])) out.push(v);
  }
  return out;
}

/** Whether a value holds a registered secret: such a variable is kept from every tool's environment. */
export function holdsSecret(value: string): boolean {
  for (const s of secrets) if (value.includes(s)) return true;
  return false;
}

export function redact(text: string): string {
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}

export const githubSink: Sink = {
  info: (m) => core.info(redact(m)),
  warning: (m) => core.warning(redact(m)),
  annotate: (a) => {
    const props: core.AnnotationProperties = {
      title: a.title && redact(a.title),
      file: a.file,
      startLine: a.line,
      endLine: a.endLine,
      startColumn: a.col,
    };
    const fn = a.level === 'error' ? core.error : a.level === 'warning' ? core.warning : core.notice;
    fn(redact(a.message), props);
  },
  startGroup: (n) => core.startGroup(redact(n)),
  endGroup: () => core.endGroup(),
  setSecret: (v) => core.setSecret(v),
  setOutput: (n, v) => core.setOutput(n, v),
  folds: true,
};

/** Plain text for GitLab and local runs: annotations in the compiler style editors and terminals link. */
export function textSink(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Sink {
  let depth = 0;
  const pad = () => '  '.repeat(depth);
  return {
    info: (m) => write(pad() + redact(m)),
    warning: (m) => write(`${pad()}warning: ${redact(m)}`),
    annotate: (a) => write(`${pad()}${formatAnnotation(a)}`),
    startGroup: (n) => {
      write(`${pad()}▸ ${redact(n)}`);
      depth++;
    },
    endGroup: () => {
      depth = Math.max(0, depth - 1);
    },
    setSecret: () => undefined,
    setOutput: (n, v) => write(`${pad()}output ${n}=${redact(v)}`),
    folds: false,
  };
}

export function formatAnnotation(a: Annotation): string {
  const where = a.file ? `${a.file}${a.line ? `:${a.line}${a.col ? `:${a.col}` : ''}` : ''}: ` : '';
  return redact(`${where}${a.level}: ${a.title ? `${a.title}: ` : ''}${a.message}`);
}

let sink: Sink = textSink();

/** Streams already filtered: `cli()` may run more than once in a process (tests). */
const quieted = new WeakSet<NodeJS.WriteStream>();

/**
 * @actions/tool-cache logs through @actions/core, which writes `::debug::<message>` straight to stdout. The
 * GitHub runner hides those lines unless debug logging is on; a terminal or a GitLab job shows them all.
 * Outside GitHub Actions they are dropped here, or shown as plain `debug:` lines when RUNNER_DEBUG=1.
 */
export function quietToolkitDebug(
  stream: NodeJS.WriteStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (env.GITHUB_ACTIONS === 'true' || quieted.has(stream)) return;
  quieted.add(stream);
  const show = env.RUNNER_DEBUG === '1';
  const write = stream.write.bind(stream) as (...a: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'string' || !chunk.startsWith('::debug::')) return write(chunk, ...rest);
    if (show) return write(`debug: ${redact(unescapeCommand(chunk.slice('::debug::'.length)))}`, ...rest);
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    if (done) process.nextTick(done);
    return true;
  }) as typeof stream.write;
}

/** The reverse of @actions/core's escaping of a command's message. */
function unescapeCommand(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

export function setSink(s: Sink): void {
  sink = s;
}

export const log = {
  info: (m: string) => sink.info(m),
  warning: (m: string) => sink.warning(m),
  annotate: (a: Annotation) => sink.annotate(a),
  setOutput: (n: string, v: string) => sink.setOutput(n, v),
  folds: () => sink.folds,
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    sink.startGroup(name);
    try {
      return await fn();
    } finally {
      sink.endGroup();
    }
  },
};
