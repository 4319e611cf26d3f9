import type { RunContext } from '../src/context';
import {
  computeTags,
  DEFAULT_TAG_RULES,
  ociLabels,
  parseFlavor,
  parseSemver,
  parseTagRules,
  sanitizeTag,
} from '../src/stages/build/tags';

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const NOW = new Date('2025-03-04T05:06:07.890Z');

function ctx(over: Partial<RunContext>): RunContext {
  return {
    platform: 'github',
    event: 'push',
    ref: 'refs/heads/main',
    sha: SHA,
    defaultBranch: 'main',
    repository: 'Acme/MCP-Echo',
    repositoryUrl: 'https://github.com/Acme/MCP-Echo',
    workspace: '/w',
    ...over,
  };
}

const push = (branch: string) => ctx({ ref: `refs/heads/${branch}` });
const tag = (t: string) => ctx({ ref: `refs/tags/${t}` });
const pr = (n: number, fork = false) =>
  ctx({ event: 'pull_request', ref: `refs/pull/${n}/merge`, prNumber: n, prHeadRef: 'feature/x', fork });

const long = 'a'.repeat(200);

// metadata-action's order: highest priority first, `latest` last.
// [name, context, rules (undefined = the defaults), flavor lines, expected tags in order]
const CASES: [string, RunContext, string[] | undefined, string[], string[]][] = [
  ['branch push', push('main'), undefined, [], ['main', 'sha-a1b2c3d']],
  [
    'branch with slash and capitals',
    push('feature/Foo_Bar'),
    undefined,
    [],
    ['feature-foo_bar', 'sha-a1b2c3d'],
  ],
  [
    'branch with characters docker forbids',
    push('fix/#12 ümlaut@x'),
    undefined,
    [],
    ['fix-12-mlaut-x', 'sha-a1b2c3d'],
  ],
  ['200-character branch is cut to 128', push(long), undefined, [], ['a'.repeat(128), 'sha-a1b2c3d']],
  ['branch starting with a dot', push('.hidden'), undefined, [], ['hidden', 'sha-a1b2c3d']],
  ['pull request', pr(42), undefined, [], ['pr-42', 'sha-a1b2c3d']],
  ["a fork's pull request", pr(7, true), undefined, [], ['pr-7', 'sha-a1b2c3d']],
  ['release tag', tag('v1.2.3'), undefined, [], ['1.2.3', '1.2', 'sha-a1b2c3d', 'latest']],
  ['release tag without v', tag('1.2.3'), undefined, [], ['1.2.3', '1.2', 'sha-a1b2c3d', 'latest']],
  [
    'build metadata is dropped',
    tag('v1.2.3+build.5'),
    undefined,
    [],
    ['1.2.3', '1.2', 'sha-a1b2c3d', 'latest'],
  ],
  ['pre-release: only the full version', tag('v1.3.0-rc.1'), undefined, [], ['1.3.0-rc.1', 'sha-a1b2c3d']],
  [
    'pre-release with build metadata',
    tag('v2.0.0-beta.2+exp'),
    undefined,
    [],
    ['2.0.0-beta.2', 'sha-a1b2c3d'],
  ],
  ['major 0 release', tag('v0.4.1'), undefined, [], ['0.4.1', '0.4', 'sha-a1b2c3d', 'latest']],
  ['tag that is not semver', tag('release-42'), undefined, [], ['release-42', 'sha-a1b2c3d']],
  ['two-part version is not semver', tag('v1.2'), undefined, [], ['v1.2', 'sha-a1b2c3d']],
  ['schedule on the default branch', ctx({ event: 'schedule' }), undefined, [], ['main', 'sha-a1b2c3d']],
  ['schedule rule', ctx({ event: 'schedule' }), ['type=schedule'], [], ['nightly']],
  [
    'schedule rule with a date',
    ctx({ event: 'schedule' }),
    ["type=schedule,pattern=nightly-{{date 'YYYYMMDD'}}"],
    [],
    ['nightly-20250304'],
  ],
  ['schedule rule on a push', push('main'), ['type=schedule', 'type=sha'], [], ['sha-a1b2c3d']],
  ['ref event=tag adds latest on auto', tag('v1.2.3'), ['type=ref,event=tag'], [], ['v1.2.3', 'latest']],
  ['ref event=branch on a tag', tag('v1.2.3'), ['type=ref,event=branch'], [], []],
  ['major pattern', tag('v3.4.5'), ['type=semver,pattern={{major}}'], [], ['3', 'latest']],
  [
    'patch pattern',
    tag('v3.4.5'),
    ['type=semver,pattern={{major}}.{{minor}}.{{patch}}-x'],
    [],
    ['3.4.5-x', 'latest'],
  ],
  ['semver with value', push('main'), ['type=semver,pattern={{major}}.{{minor}},value=v9.8.7'], [], ['9.8']],
  ['sha long', push('main'), ['type=sha,format=long'], [], [`sha-${SHA}`]],
  ['sha with own prefix', push('main'), ['type=sha,prefix=git-'], [], ['git-a1b2c3d']],
  ['sha with empty prefix', push('main'), ['type=sha,prefix='], [], ['a1b2c3d']],
  ['raw value', pr(3), ['type=raw,value=dev'], [], ['dev']],
  ['raw with expression', push('main'), ['type=raw,value={{branch}}-{{sha}}'], [], ['main-a1b2c3d']],
  ['raw disabled', push('main'), ['type=raw,value=dev,enable=false', 'type=sha'], [], ['sha-a1b2c3d']],
  [
    'enable on default branch only',
    push('dev'),
    ['type=raw,value=stable,enable={{is_default_branch}}', 'type=ref,event=branch'],
    [],
    ['dev'],
  ],
  [
    'enable on default branch, on it',
    push('main'),
    ['type=raw,value=stable,enable={{is_default_branch}}'],
    [],
    ['stable'],
  ],
  ['edge on the default branch', push('main'), ['type=edge'], [], ['edge']],
  ['edge elsewhere', push('dev'), ['type=edge'], [], []],
  ['edge on a named branch', push('dev'), ['type=edge,branch=dev'], [], ['edge']],
  ['latest=true on a branch', push('main'), ['type=ref,event=branch'], ['latest=true'], ['main', 'latest']],
  ['latest=false on a release', tag('v1.2.3'), undefined, ['latest=false'], ['1.2.3', '1.2', 'sha-a1b2c3d']],
  [
    'latest=auto on a branch adds nothing',
    push('main'),
    ['type=ref,event=branch'],
    ['latest=auto'],
    ['main'],
  ],
  [
    'flavor prefix and suffix',
    tag('v1.2.3'),
    undefined,
    ['prefix=mcp-', 'suffix=-alpine'],
    ['mcp-1.2.3-alpine', 'mcp-1.2-alpine', 'mcp-sha-a1b2c3d-alpine', 'latest'],
  ],
  [
    'flavor prefix on latest too',
    tag('v1.2.3'),
    ['type=semver,pattern={{version}}'],
    ['prefix=mcp-,onlatest=true'],
    ['mcp-1.2.3', 'mcp-latest'],
  ],
  [
    'rule prefix overrides flavor',
    push('main'),
    ['type=ref,event=branch,prefix=br-'],
    ['prefix=x-'],
    ['br-main'],
  ],
  [
    'priority reorders',
    tag('v1.2.3'),
    ['type=sha', 'type=raw,value=first,priority=2000', 'type=semver,pattern={{version}}'],
    ['latest=false'],
    ['first', '1.2.3', 'sha-a1b2c3d'],
  ],
  ['duplicates collapse', push('main'), ['type=raw,value=main', 'type=ref,event=branch'], [], ['main']],
  [
    'long branch leaves room for suffix',
    push(long),
    ['type=ref,event=branch'],
    ['suffix=-arm'],
    [`${'a'.repeat(124)}-arm`],
  ],
  [
    'gitlab merge request',
    ctx({ platform: 'gitlab', event: 'merge_request_event', ref: 'refs/merge-requests/5/head', prNumber: 5 }),
    undefined,
    [],
    ['pr-5', 'sha-a1b2c3d'],
  ],
];

describe('tag rules (docker/metadata-action syntax, seed defaults)', () => {
  test.each(CASES)('%s', (_name, c, rules, flavor, expected) => {
    const r = computeTags(parseTagRules(rules ?? DEFAULT_TAG_RULES), parseFlavor(flavor), c, NOW, {
      defaults: rules === undefined,
    });
    expect(r.tags).toEqual(expected);
    expect(r.version).toBe(expected[0] ?? '');
    for (const t of r.tags) expect(t).toMatch(/^[a-z0-9_][a-z0-9_.-]{0,127}$/);
  });

  test('at least 30 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(30));
});

describe('rule and flavor errors name the input and the fix', () => {
  test.each([
    ['type=bogus', /unknown type 'bogus'/],
    ['type=ref', /needs event=branch/],
    ['type=ref,event=push', /needs event=branch/],
    ['type=semver', /needs a pattern/],
    ['type=raw', /needs a value/],
    ['type=sha,format=medium', /format is short or long/],
    ['type=sha,colour=red', /has no attribute colour/],
    ['type=sha,enable=yes', /enable=yes is not true/],
    ['type=sha,priority=high', /priority is a whole number/],
    ['justtext', /is not key=value/],
    [
      'type=semver,pattern={{versoin}}',
      /pattern has the unknown placeholder \{\{versoin\}\} \(known here: version,/,
    ],
    ['type=semver,pattern={{branch}}', /unknown placeholder \{\{branch\}\}/],
    ['type=raw,value={{brnach}}-x', /value has the unknown placeholder \{\{brnach\}\} \(known here: branch,/],
    ['type=sha,prefix={{ shaa }}-', /prefix has the unknown placeholder \{\{shaa\}\}/],
  ])('%s', (line, why) => {
    expect(() => parseTagRules([line])).toThrow(why);
    expect(() => parseTagRules([line])).toThrow(/^input 'tags': .*\(fix: /);
  });

  test('flavor', () => {
    expect(() => parseFlavor(['latest=sometimes'])).toThrow(/^input 'flavor': latest=sometimes/);
    expect(() => parseFlavor(['colour=red'])).toThrow(/input 'flavor'/);
  });

  test('a rule value with a comma inside an expression stays whole', () => {
    const [r] = parseTagRules(["type=schedule,pattern={{date 'YYYY,MM'}}"]);
    expect(r.attrs.pattern).toBe("{{date 'YYYY,MM'}}");
  });
});

describe('semver and sanitising', () => {
  test.each([
    ['v1.2.3', { major: 1, minor: 2, patch: 3 }],
    ['=1.0.0-alpha', { major: 1, minor: 0, patch: 0, prerelease: 'alpha' }],
    ['1.2.3+x.y', { major: 1, minor: 2, patch: 3, build: 'x.y' }],
  ])('%s parses', (s, v) => expect(parseSemver(s)).toMatchObject(v));
  test.each(['1.2', 'v01.2.3', 'release-1', '1.2.3.4', ''])('%s is not semver', (s) =>
    expect(parseSemver(s)).toBeUndefined(),
  );
  test('sanitizeTag', () => {
    expect(sanitizeTag('Feature/Foo_Bar')).toBe('feature-foo_bar');
    expect(sanitizeTag('--x--')).toBe('x');
    expect(sanitizeTag('a'.repeat(300)).length).toBe(128);
  });
});

describe('OCI labels', () => {
  test('computed from the context and Cargo metadata; user labels win', () => {
    const l = ociLabels(
      push('main'),
      'main',
      NOW,
      { title: 'mcp-echo', description: 'Echo server', licenses: 'MIT' },
      {
        'org.opencontainers.image.licenses': 'Apache-2.0',
        team: 'infra',
      },
    );
    expect(l).toEqual({
      'org.opencontainers.image.title': 'mcp-echo',
      'org.opencontainers.image.description': 'Echo server',
      'org.opencontainers.image.url': 'https://github.com/Acme/MCP-Echo',
      'org.opencontainers.image.source': 'https://github.com/Acme/MCP-Echo',
      'org.opencontainers.image.version': 'main',
      'org.opencontainers.image.created': '2025-03-04T05:06:07Z',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.licenses': 'Apache-2.0',
      team: 'infra',
    });
  });
  test('title falls back to the repository name, empty values are left out', () => {
    const l = ociLabels(push('main'), '', NOW, {});
    expect(l['org.opencontainers.image.title']).toBe('MCP-Echo');
    expect(l).not.toHaveProperty('org.opencontainers.image.description');
    expect(l).not.toHaveProperty('org.opencontainers.image.version');
  });
});
