/**
 * Just enough of a Dockerfile to tell whether a build for a foreign platform executes anything of that
 * platform: only RUN steps do, and only in the stages the target needs that are built for the target
 * platform (a `FROM --platform=$BUILDPLATFORM` stage runs natively, cross-compiling).
 */

interface DockerStage {
  name?: string;
  /** The image or the earlier stage it starts from. */
  base: string;
  /** `--platform` of FROM, as written ('' when absent: the target platform). */
  platform: string;
  hasRun: boolean;
  /** Stages it reads from: COPY --from, RUN --mount=from=. */
  uses: string[];
}

/** Instructions, with continuation lines joined and comments and parser directives dropped. */
function instructions(text: string): string[] {
  const escape = /^#\s*escape\s*=\s*`/im.test(text.split('\n').slice(0, 5).join('\n')) ? '`' : '\\';
  const out: string[] = [];
  let cur = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!cur && (!line || line.startsWith('#'))) continue;
    if (cur && line.startsWith('#')) continue;
    if (line.endsWith(escape)) {
      cur += `${line.slice(0, -1)} `;
      continue;
    }
    out.push(cur + line);
    cur = '';
  }
  if (cur) out.push(cur);
  return out;
}

/** `$X` and `${X}` from the ARGs before the first FROM (their defaults, or the build-args that set them). */
function substitute(value: string, args: Record<string, string>): string {
  return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (m, a?: string, b?: string) => args[(a ?? b)!] ?? m);
}

export function parseDockerfile(text: string, buildArgs: Record<string, string> = {}): DockerStage[] {
  const stages: DockerStage[] = [];
  const globals: Record<string, string> = {};
  for (const ins of instructions(text)) {
    const [word, ...rest] = ins.split(/\s+/);
    const kw = word.toUpperCase();
    if (kw === 'ARG' && !stages.length) {
      for (const a of rest) {
        const [k, ...v] = a.split('=');
        const value = buildArgs[k] ?? (v.length ? v.join('=').replace(/^["']|["']$/g, '') : undefined);
        if (value !== undefined) globals[k] = value;
      }
      continue;
    }
    if (kw === 'FROM') {
      const platform = rest.find((a) => a.startsWith('--platform='))?.slice('--platform='.length) ?? '';
      const args = rest.filter((a) => !a.startsWith('--'));
      const as = args.findIndex((a) => a.toLowerCase() === 'as');
      stages.push({
        base: substitute(args[0] ?? '', globals),
        name: as >= 0 ? args[as + 1]?.toLowerCase() : undefined,
        platform,
        hasRun: false,
        uses: [],
      });
      continue;
    }
    const s = stages.at(-1);
    if (!s) continue;
    if (kw === 'RUN') s.hasRun = true;
    for (const m of ins.matchAll(/--(?:from|mount=[^\s]*?\bfrom)=([^\s,]+)/g))
      s.uses.push(m[1].toLowerCase());
  }
  return stages;
}

const NATIVE = /^\$\{?BUILDPLATFORM\}?$/;

/**
 * True when a stage the build of `target` (or the last stage) needs runs a RUN step on the target platform.
 * Unknown shapes (no stages, a target that is not there) answer true: emulating when unsure costs time,
 * not emulating when needed fails the build.
 */
export function runsOnTarget(text: string, target = '', buildArgs: Record<string, string> = {}): boolean {
  const stages = parseDockerfile(text, buildArgs);
  const byName = (n: string) =>
    /^\d+$/.test(n) ? stages[Number(n)] : stages.find((s) => s.name === n.toLowerCase());
  // A stage without --platform that starts from an earlier stage runs where that stage runs.
  const platformOf = (s: DockerStage, depth = 0): string => {
    const base = byName(s.base);
    return s.platform || (base && base !== s && depth < stages.length ? platformOf(base, depth + 1) : '');
  };
  const start = target ? byName(target) : stages.at(-1);
  if (!start) return true;
  const seen = new Set<DockerStage>();
  const visit = (s: DockerStage): boolean => {
    if (seen.has(s)) return false;
    seen.add(s);
    // A base left as $VAR may name a stage with RUN steps: assume it does.
    if (s.hasRun && !NATIVE.test(platformOf(s))) return true;
    if (s.base.includes('$')) return true;
    return [s.base, ...s.uses].some((n) => {
      const dep = byName(n);
      return dep !== undefined && visit(dep);
    });
  };
  return visit(start);
}
