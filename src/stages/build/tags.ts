import { refBranch, refTag, type RunContext } from '../../context';
import { ActionError } from '../../errors';

/**
 * Image tags and OCI labels from the git ref, in docker/metadata-action's rule syntax so that a workflow can
 * move over without rewriting its `tags:` block. Everything here is pure (the clock comes in as `now`), so the
 * GitLab template's recorded commands can be compared with what the action plans for the same context.
 */
export interface TagRule {
  type: 'ref' | 'semver' | 'sha' | 'raw' | 'edge' | 'schedule';
  attrs: Record<string, string>;
  /** The line as written, for error messages. */
  source: string;
}

export interface Flavor {
  latest: 'auto' | 'true' | 'false';
  prefix: string;
  suffix: string;
  /** Whether `latest` gets the prefix/suffix too (metadata-action's `onlatest`). */
  onLatest: boolean;
}

export interface TagResult {
  /** Bare tags (no image name), highest priority first, unique. */
  tags: string[];
  /** The tag that stands for the version (the first one), used for org.opencontainers.image.version. */
  version: string;
}

// metadata-action's priorities: the order tags are listed in, and so which one is "the" version.
const PRIORITY: Record<TagRule['type'], number> = {
  schedule: 1000,
  semver: 900,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100,
};

/** The seed workflow's rules: branch, pr-N, semver (x.y.z and x.y; pre-releases only x.y.z-pre), sha-abc1234. */
export const DEFAULT_TAG_RULES = [
  'type=ref,event=branch',
  'type=ref,event=pr',
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=sha',
];

const KNOWN_ATTRS: Record<TagRule['type'], string[]> = {
  ref: ['event'],
  semver: ['pattern', 'value'],
  sha: ['format'],
  raw: ['value'],
  edge: ['branch'],
  schedule: ['pattern'],
};

export function parseTagRules(lines: string[]): TagRule[] {
  return lines.map((line) => {
    const attrs: Record<string, string> = {};
    // Values may hold commas only inside {{ }}; split on the others.
    for (const part of line.split(/,(?![^{]*}})/)) {
      const eq = part.indexOf('=');
      if (eq < 1) throw bad(line, `'${part.trim()}' is not key=value`);
      attrs[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
    }
    const type = (attrs.type ?? (attrs.value !== undefined ? 'raw' : '')) as TagRule['type'];
    if (!(type in PRIORITY))
      throw bad(line, `unknown type '${attrs.type ?? ''}' (use ref, semver, sha, raw, edge or schedule)`);
    delete attrs.type;
    const allowed = [...KNOWN_ATTRS[type], 'enable', 'prefix', 'suffix', 'priority'];
    const unknown = Object.keys(attrs).filter((k) => !allowed.includes(k));
    if (unknown.length)
      throw bad(line, `type=${type} has no attribute ${unknown.join(', ')} (it takes ${allowed.join(', ')})`);
    if (type === 'ref' && !['branch', 'tag', 'pr'].includes(attrs.event ?? ''))
      throw bad(line, 'type=ref needs event=branch, event=tag or event=pr');
    if (type === 'semver' && !attrs.pattern)
      throw bad(line, 'type=semver needs a pattern, e.g. pattern={{version}}');
    if (type === 'raw' && !attrs.value) throw bad(line, 'type=raw needs a value');
    if (type === 'sha' && attrs.format && !['short', 'long'].includes(attrs.format))
      throw bad(line, 'format is short or long');
    if (attrs.enable && !['true', 'false'].includes(attrs.enable) && !/^{{.*}}$/.test(attrs.enable))
      throw bad(
        line,
        `enable=${attrs.enable} is not true, false or an expression like {{is_default_branch}}`,
      );
    if (attrs.priority && !/^\d+$/.test(attrs.priority)) throw bad(line, 'priority is a whole number');
    for (const [key, value] of Object.entries(attrs)) {
      const known = type === 'semver' && key === 'pattern' ? SEMVER_PLACEHOLDERS : EXPRESSIONS;
      for (const [, name] of value.matchAll(/{{\s*(\w*)[^}]*}}/g))
        if (!known.includes(name))
          throw bad(line, `${key} has the unknown placeholder {{${name}}} (known here: ${known.join(', ')})`);
    }
    return { type, attrs, source: line };
  });
}

function bad(line: string, why: string): ActionError {
  return new ActionError(
    `rule '${line}': ${why}`,
    'tags',
    'write rules as docker/metadata-action does, one a line',
  );
}

export function parseFlavor(lines: string[]): Flavor {
  const f: Flavor = { latest: 'auto', prefix: '', suffix: '', onLatest: false };
  for (const line of lines) {
    const [key, ...rest] = line.split('=');
    const [value, ...opts] = rest.join('=').split(',');
    const k = key.trim();
    if (k === 'latest') {
      if (!['auto', 'true', 'false'].includes(value.trim()))
        throw new ActionError(
          `latest=${value} is not auto, true or false`,
          'flavor',
          'write latest=auto, latest=true or latest=false',
        );
      f.latest = value.trim() as Flavor['latest'];
    } else if (k === 'prefix' || k === 'suffix') {
      f[k] = value.trim();
      if (opts.some((o) => o.trim() === 'onlatest=true')) f.onLatest = true;
    } else {
      throw new ActionError(
        `'${line}' is not a flavor`,
        'flavor',
        'use latest=auto|true|false, prefix=... or suffix=...',
      );
    }
  }
  return f;
}

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease?: string;
  build?: string;
}

/** Loose like node-semver's `{loose: true}`: a leading v or = is fine; x.y alone is not a version. */
export function parseSemver(s: string): SemVer | undefined {
  const m =
    /^[=v]?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/.exec(
      s.trim(),
    );
  if (!m) return undefined;
  return { major: +m[1], minor: +m[2], patch: +m[3], prerelease: m[4], build: m[5] };
}

const versionString = (v: SemVer) =>
  `${v.major}.${v.minor}.${v.patch}${v.prerelease ? `-${v.prerelease}` : ''}`;

/**
 * A Docker tag is [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}. Lower case too, because a registry path is, and
 * users read `feature-foo` and `Feature-Foo` as the same branch.
 */
export function sanitizeTag(s: string, max = 128): string {
  const t = s
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '');
  return t.slice(0, Math.max(0, max)).replace(/[.-]+$/, '') || '';
}

const SEMVER_PLACEHOLDERS = ['version', 'major', 'minor', 'patch', 'raw'];
/** The names expand() knows; a misspelt one would otherwise end up in the tag as written. */
const EXPRESSIONS = ['branch', 'tag', 'sha', 'is_default_branch', 'date'];

interface Expr {
  branch: string;
  tag: string;
  sha: string;
  is_default_branch: string;
  date: (format: string) => string;
}

function expressions(ctx: RunContext, now: Date): Expr {
  const branch = refBranch(ctx.ref) ?? ctx.prHeadRef ?? '';
  return {
    branch,
    tag: refTag(ctx.ref) ?? '',
    sha: ctx.sha.slice(0, 7),
    is_default_branch: String(!!ctx.defaultBranch && refBranch(ctx.ref) === ctx.defaultBranch),
    date: (format) => formatDate(now, format),
  };
}

function formatDate(d: Date, format: string): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const parts: Record<string, string> = {
    YYYY: String(d.getUTCFullYear()),
    MM: p(d.getUTCMonth() + 1),
    DD: p(d.getUTCDate()),
    HH: p(d.getUTCHours()),
    mm: p(d.getUTCMinutes()),
    ss: p(d.getUTCSeconds()),
  };
  return format.replace(/YYYY|MM|DD|HH|mm|ss/g, (k) => parts[k]);
}

/** `{{branch}}`, `{{tag}}`, `{{sha}}`, `{{is_default_branch}}`, `{{date 'YYYYMMDD'}}` in values and attributes. */
function expand(s: string, e: Expr): string {
  return s.replace(/{{\s*(\w+)(?:\s+'([^']*)')?\s*}}/g, (whole, name: string, arg?: string) => {
    if (name === 'date') return e.date(arg ?? 'YYYYMMDD');
    const v = (e as unknown as Record<string, unknown>)[name];
    return typeof v === 'string' ? v : whole;
  });
}

/** The tags one rule yields for this context (before prefix/suffix), and whether it asks for `latest`. */
function apply(rule: TagRule, ctx: RunContext, e: Expr): { values: string[]; latest: boolean } {
  const none = { values: [], latest: false };
  const a = rule.attrs;
  switch (rule.type) {
    case 'ref': {
      if (a.event === 'branch') {
        const b = refBranch(ctx.ref);
        return b ? { values: [b], latest: false } : none;
      }
      if (a.event === 'tag') {
        const t = refTag(ctx.ref);
        return t ? { values: [t], latest: true } : none;
      }
      return ctx.prNumber !== undefined ? { values: [`pr-${ctx.prNumber}`], latest: false } : none;
    }
    case 'semver': {
      const raw = a.value !== undefined ? expand(a.value, e) : refTag(ctx.ref);
      const v = raw ? parseSemver(raw) : undefined;
      if (!v) return none;
      // Pre-releases move often and are not for general use: only the full version, never x.y or latest.
      if (v.prerelease) return { values: [versionString(v)], latest: false };
      const out = a.pattern.replace(/{{\s*(version|major|minor|patch|raw)\s*}}/g, (_, k: string) =>
        k === 'version' ? versionString(v) : k === 'raw' ? raw! : String(v[k as 'major' | 'minor' | 'patch']),
      );
      return { values: [out], latest: true };
    }
    case 'sha': {
      if (!ctx.sha) return none;
      return { values: [a.format === 'long' ? ctx.sha : ctx.sha.slice(0, 7)], latest: false };
    }
    case 'raw':
      return { values: [expand(a.value, e)], latest: false };
    case 'edge': {
      const b = refBranch(ctx.ref);
      const want = a.branch ?? ctx.defaultBranch;
      return b && want && b === want ? { values: ['edge'], latest: false } : none;
    }
    case 'schedule':
      return ctx.event === 'schedule' ? { values: [expand(a.pattern ?? 'nightly', e)], latest: false } : none;
  }
}

function defaultPrefix(rule: TagRule): string {
  return rule.type === 'sha' ? 'sha-' : '';
}

export function computeTags(
  rules: TagRule[],
  flavor: Flavor,
  ctx: RunContext,
  now: Date,
  opts: { defaults?: boolean } = {},
): TagResult {
  const e = expressions(ctx, now);
  const produced: { tag: string; priority: number; order: number }[] = [];
  let wantsLatest = false;
  rules.forEach((rule, order) => {
    const enable = rule.attrs.enable ? expand(rule.attrs.enable, e) : 'true';
    if (enable !== 'true') return;
    const r = apply(rule, ctx, e);
    if (r.values.length && r.latest) wantsLatest = true;
    const prefix = expand(rule.attrs.prefix ?? flavor.prefix + defaultPrefix(rule), e);
    const suffix = expand(rule.attrs.suffix ?? flavor.suffix, e);
    const priority = rule.attrs.priority ? Number(rule.attrs.priority) : PRIORITY[rule.type];
    for (const v of r.values) {
      const tag = sanitizeTag(prefix + sanitizeTag(v, 128 - prefix.length - suffix.length) + suffix);
      if (tag) produced.push({ tag, priority, order });
    }
  });
  // The seed's defaults name a tag that is not a version (`release-42`) too; metadata-action's type=semver
  // would drop it and leave only sha-..., which nobody can find.
  const tag = refTag(ctx.ref);
  if (opts.defaults && tag && !parseSemver(tag))
    produced.push({ tag: sanitizeTag(tag), priority: PRIORITY.ref, order: -1 });
  const latest = flavor.latest === 'true' || (flavor.latest === 'auto' && wantsLatest && !!refTag(ctx.ref));
  if (latest) {
    const t = flavor.onLatest ? sanitizeTag(`${flavor.prefix}latest${flavor.suffix}`) : 'latest';
    produced.push({ tag: t, priority: 0, order: rules.length });
  }
  produced.sort((a, b) => b.priority - a.priority || a.order - b.order);
  const tags = [...new Set(produced.map((p) => p.tag))];
  return { tags, version: tags[0] ?? '' };
}

export interface LabelSource {
  title?: string;
  description?: string;
  licenses?: string;
}

/** OCI annotation keys as labels; user `labels` win over computed ones. */
export function ociLabels(
  ctx: RunContext,
  version: string,
  now: Date,
  src: LabelSource,
  extra: Record<string, string> = {},
): Record<string, string> {
  const base: Record<string, string | undefined> = {
    'org.opencontainers.image.title': src.title ?? ctx.repository?.split('/').pop(),
    'org.opencontainers.image.description': src.description,
    'org.opencontainers.image.url': ctx.repositoryUrl,
    'org.opencontainers.image.source': ctx.repositoryUrl,
    'org.opencontainers.image.version': version,
    'org.opencontainers.image.created': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'org.opencontainers.image.revision': ctx.sha,
    'org.opencontainers.image.licenses': src.licenses,
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...base, ...extra })) if (v) out[k] = v;
  return out;
}
