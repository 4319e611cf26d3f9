import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { rustCacheKey, type RustCacheKeyParts } from '../src/cache-key';
import { INPUTS } from '../src/inputs';
import { describeWith, missingCommands } from './support/skip';

const ROOT = path.resolve(__dirname, '..');

// `rustc -vV` of this machine's toolchain, and the same with another release.
const RUSTC_195 = `rustc 1.95.0 (59807616e 2026-04-14)
binary: rustc
commit-hash: 59807616e1fa2540724bfbac14d7976d7e4a3860
commit-date: 2026-04-14
host: x86_64-unknown-linux-gnu
release: 1.95.0
LLVM version: 22.1.2
`;
const RUSTC_194 = RUSTC_195.replace(/1\.95\.0/g, '1.94.0').replace('59807616e', '4a4ef493e');

const LOCK = fs.readFileSync(path.join(ROOT, 'examples', 'hello-mcp', 'Cargo.lock'), 'utf8');

const base: RustCacheKeyParts = {
  purpose: 'gates',
  os: 'Linux',
  rustcVersion: RUSTC_195,
  lockFile: LOCK,
  target: '',
  profile: 'dev',
};

describe('rustCacheKey', () => {
  const k = rustCacheKey(base).key;

  test.each<[string, Partial<RustCacheKeyParts>]>([
    ['the toolchain', { rustcVersion: RUSTC_194 }],
    ['the lock file', { lockFile: LOCK + '\n[[package]]\nname = "extra"\nversion = "0.1.0"\n' }],
    ['the target triple', { target: 'aarch64-unknown-linux-gnu' }],
    ['the profile', { profile: 'release' }],
    ['the job', { purpose: 'build' }],
    ['the runner OS', { os: 'macOS' }],
  ])('changes with %s', (_, change) => {
    expect(rustCacheKey({ ...base, ...change }).key).not.toBe(k);
  });

  test('is stable for the same inputs and names its parts in order', () => {
    expect(rustCacheKey({ ...base }).key).toBe(k);
    expect(k).toMatch(/^mcp-rust-v1-Linux-gates-x86_64-unknown-linux-gnu-dev-[0-9a-f]{12}-[0-9a-f]{16}$/);
    // An empty target is the toolchain's host, the same key as naming it.
    expect(rustCacheKey({ ...base, target: 'x86_64-unknown-linux-gnu' }).key).toBe(k);
  });

  test('restores the newest entry of the same toolchain, target, profile and job when the lock file changed', () => {
    const changed = rustCacheKey({ ...base, lockFile: LOCK + '\n' });
    expect(changed.restoreKeys).toEqual([k.replace(/[0-9a-f]{16}$/, '')]);
    expect(changed.key.startsWith(changed.restoreKeys[0])).toBe(true);
    // but never an entry of another toolchain: its artifacts are useless to this compiler.
    expect(k.startsWith(rustCacheKey({ ...base, rustcVersion: RUSTC_194 }).restoreKeys[0])).toBe(false);
  });

  test('a build job sharing with the gates falls back to the exact entry the gates saved', () => {
    const build = rustCacheKey({
      ...base,
      purpose: 'build',
      profile: 'release',
      sharedWith: { purpose: 'gates', profile: 'dev' },
    });
    expect(build.restoreKeys).toHaveLength(2);
    expect(build.restoreKeys[1]).toBe(k);
  });

  test('a crate without Cargo.lock has its own key; odd parts are refused', () => {
    expect(rustCacheKey({ ...base, lockFile: '' }).key).toMatch(/-nolock$/);
    expect(() => rustCacheKey({ ...base, purpose: 'a b' })).toThrow(/purpose/);
    expect(() => rustCacheKey({ ...base, rustcVersion: 'rustc 1.95.0\n' })).toThrow(/host/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The reusable workflow computes the key in shell: run those steps for real and compare.

type Step = { id?: string; name?: string; run?: string; env?: Record<string, string> };
const workflow = parse(fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'mcp-deploy.yml'), 'utf8'));
const stepsOf = (job: string): Step[] => workflow.jobs[job].steps;

function runStep(
  step: Step,
  cwd: string,
  env: Record<string, string>,
): { status: number | null; out: string } {
  const output = path.join(cwd, 'github-output');
  fs.writeFileSync(output, '');
  // The runner's `run:` shell: bash -e, with the step's env: (expressions replaced by the test's values).
  const stepEnv = Object.fromEntries(
    Object.entries(step.env ?? {}).map(([k, v]) => [k, String(v).includes('${{') ? '' : String(v)]),
  );
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd,
    env: { ...process.env, ...stepEnv, RUNNER_OS: 'Linux', GITHUB_OUTPUT: output, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`step failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { status: r.status, out: fs.readFileSync(output, 'utf8') };
}

function outputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(\S+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return out;
}

describeWith(
  'the workflow cache steps',
  missingCommands('rustc', 'cargo', 'bash', 'sha256sum', 'jq', 'find'),
  () => {
    let work: string;
    let version: string;
    beforeAll(() => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-key-'));
      version = spawnSync('rustc', ['-vV'], { encoding: 'utf8' }).stdout;
    });
    afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

    test.each([
      ['gates', 'gates', 'dev', undefined],
      ['build', 'build', 'release', { purpose: 'gates', profile: 'dev' }],
      ['build-platform', 'build', 'release', { purpose: 'gates', profile: 'dev' }],
    ] as const)(
      'the %s job computes the key of src/cache-key.ts, also after Cargo.lock changes',
      (job, purpose, profile, sharedWith) => {
        const step = stepsOf(job).find((s) => s.id === 'rust-cache-key')!;
        expect(step.env).toMatchObject({ PURPOSE: purpose, PROFILE: profile });
        const crate = path.join(work, job);
        fs.cpSync(path.join(ROOT, 'examples', 'hello-mcp'), crate, { recursive: true });
        const expected = (lockFile: string) =>
          rustCacheKey({
            purpose,
            profile,
            os: 'Linux',
            rustcVersion: version,
            lockFile,
            target: '',
            sharedWith,
          });
        const keys = new Set<string>();
        for (const lock of [LOCK, `${LOCK}\n[[package]]\nname = "extra"\nversion = "0.1.0"\n`]) {
          fs.writeFileSync(path.join(crate, 'Cargo.lock'), lock);
          const got = outputs(runStep(step, work, { WORKDIR: crate }).out);
          const want = expected(lock);
          expect({ key: got.key, restore: got['restore-keys'].split('\n') }).toEqual({
            key: want.key,
            restore: want.restoreKeys,
          });
          keys.add(got.key);
        }
        expect(keys.size).toBe(2);
      },
    );

    test('the prune step removes the crate’s own artifacts and incremental state, and keeps its dependencies', () => {
      // app depends on dep by path from outside its workspace: dep is a dependency like one from crates.io.
      const app = path.join(work, 'prune', 'app');
      const dep = path.join(work, 'prune', 'dep-lib');
      fs.mkdirSync(path.join(app, 'src'), { recursive: true });
      fs.mkdirSync(path.join(dep, 'src'), { recursive: true });
      fs.writeFileSync(
        path.join(dep, 'Cargo.toml'),
        '[package]\nname = "dep-lib"\nversion = "0.1.0"\nedition = "2021"\n',
      );
      fs.writeFileSync(path.join(dep, 'src', 'lib.rs'), 'pub fn n() -> u32 { 7 }\n');
      fs.writeFileSync(
        path.join(app, 'Cargo.toml'),
        '[package]\nname = "my-app"\nversion = "0.1.0"\nedition = "2021"\n\n[workspace]\n\n[dependencies]\ndep-lib = { path = "../dep-lib" }\n',
      );
      fs.writeFileSync(path.join(app, 'src', 'main.rs'), 'fn main() { println!("{}", dep_lib::n()); }\n');
      const built = spawnSync('cargo', ['build'], {
        cwd: app,
        encoding: 'utf8',
        env: { ...process.env, CARGO_TERM_COLOR: 'never' },
      });
      expect(built.stderr).toContain('Finished');
      const list = () =>
        spawnSync('find', ['target/debug', '-mindepth', '2', '-maxdepth', '2'], {
          cwd: app,
          encoding: 'utf8',
        })
          .stdout.split('\n')
          .filter(Boolean)
          .map((f) => f.replace(/-[0-9a-f]{16}/, '-HASH'));
      const before = list();
      expect(before).toEqual(
        expect.arrayContaining(['target/debug/deps/my_app-HASH', 'target/debug/.fingerprint/my-app-HASH']),
      );
      expect(before.some((f) => f.startsWith('target/debug/incremental/'))).toBe(true);

      const prune = stepsOf('gates').find((s) => s.name === "Prune the crate's own build artifacts")!;
      runStep(prune, work, { WORKDIR: app });
      const after = list();
      expect(after.filter((f) => /my[-_]app/.test(f) || f.includes('/incremental/'))).toEqual([]);
      expect(after).toEqual(
        expect.arrayContaining([
          'target/debug/deps/libdep_lib-HASH.rlib',
          'target/debug/deps/libdep_lib-HASH.rmeta',
          'target/debug/.fingerprint/dep-lib-HASH',
        ]),
      );
      // The same prune runs before the build jobs save (one job, or each platform's by-digest job).
      for (const job of ['build', 'build-platform'])
        expect(stepsOf(job).find((s) => s.name === prune.name)?.run).toBe(prune.run);
    }, 120_000);
  },
);

describe('binary-source in the reusable workflow', () => {
  type FullStep = Step & { if?: string; uses?: string; with?: Record<string, string> };
  const steps = (job: string) => stepsOf(job) as FullStep[];
  const cacheSteps = (job: string) =>
    steps(job).filter(
      (s) =>
        s.id === 'rust-cache-key' || /actions\/cache\//.test(s.uses ?? '') || s.name?.startsWith('Prune'),
    );

  test('is a workflow input with the action’s default, passed to both build jobs with the toolchain', () => {
    expect(workflow.on.workflow_call.inputs['binary-source'].default).toBe(INPUTS['binary-source'].default);
    for (const job of ['build', 'build-platform']) {
      const build = steps(job).find((s) => s.uses === './.mcp-deploy-action/build')!;
      expect(build.with).toMatchObject({
        'binary-source': '${{ inputs.binary-source }}',
        toolchain: '${{ inputs.toolchain }}',
      });
    }
  });

  test('the build jobs restore and save the Rust cache only when the runner may compile (not for docker)', () => {
    for (const job of ['build', 'build-platform']) {
      expect(cacheSteps(job)).toHaveLength(4);
      for (const s of cacheSteps(job)) expect(s.if).toMatch(/^inputs\.binary-source != 'docker'/);
    }
    // The gates always compile on the runner.
    expect(cacheSteps('gates').filter((s) => s.if?.includes('binary-source'))).toEqual([]);
  });
});
