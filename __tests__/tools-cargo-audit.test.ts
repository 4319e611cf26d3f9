import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localContext } from '../src/context';
import type { ExecResult } from '../src/exec';
import { InputReader } from '../src/inputs';
import { prepare, runPipeline } from '../src/pipeline';
import { setSink, textSink, type Annotation } from '../src/report/log';
import { auditArgv, classifyAudit } from '../src/tools/cargo-audit';
import { describeWith, missingCommands } from './support/skip';
import { startReleaseServer } from './support/release-server';
import { installStandin } from './support/standins';

/**
 * The gates stage's audit gate, through the tools installer, against a STAND-IN cargo-audit
 * (standin-cargo-audit.js: reads Cargo.lock, prints rustsec's Report JSON, exits 1 on a vulnerability).
 * The crate is std-only with two local path dependencies named and versioned like the crates of two
 * real RustSec advisories, so Cargo.lock pins smallvec 1.6.0 and ansi_term 0.12.1 as a real one would.
 */
let root: string;
let crate: string;
const saved = { ...process.env };

function pathCrate(name: string, version: string): void {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'Cargo.toml'),
    `[package]\nname = "${name}"\nversion = "${version}"\nedition = "2021"\n`,
  );
  fs.writeFileSync(path.join(dir, 'src', 'lib.rs'), 'pub fn answer() -> u32 {\n    42\n}\n');
}

async function gates(inputs: Record<string, string>) {
  const annotations: Annotation[] = [];
  const lines: string[] = [];
  setSink({ ...textSink((l) => lines.push(l)), annotate: (a) => annotations.push(a) });
  const all: Record<string, string> = { stages: 'gates', 'working-directory': 'app', ...inputs };
  const p = await prepare(
    new InputReader((n) => all[n] ?? ''),
    localContext({}, root, { ref: 'refs/heads/main' }),
  );
  const result = await runPipeline(p);
  return { result, annotations, log: lines.join('\n'), gates: JSON.parse(result.outputs.gates ?? '{}') };
}

const lockLine = (name: string) =>
  fs.readFileSync(path.join(crate, 'Cargo.lock'), 'utf8').split('\n').indexOf(`name = "${name}"`) + 1;

describeWith(
  'audit gate with a stand-in cargo-audit',
  missingCommands('cargo', 'cargo-clippy', 'rustfmt'),
  () => {
    jest.setTimeout(300_000);

    beforeAll(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-'));
      pathCrate('smallvec', '1.6.0');
      pathCrate('ansi_term', '0.12.1');
      execFileSync('cargo', ['new', '--vcs', 'none', '--offline', '--quiet', 'app'], { cwd: root });
      fs.appendFileSync(
        path.join(root, 'app', 'Cargo.toml'),
        'smallvec = { path = "../smallvec" }\nansi_term = { path = "../ansi_term" }\n',
      );
      crate = path.join(root, 'app');
      execFileSync('cargo', ['generate-lockfile', '--offline'], { cwd: crate });
      process.env.PATH = installStandin(path.join(root, 'bin'), 'cargo-audit');
      process.env.RUNNER_TOOL_CACHE = path.join(root, 'toolcache');
    });
    afterAll(() => {
      process.env = { ...saved };
      fs.rmSync(root, { recursive: true, force: true });
    });

    test('a vulnerable smallvec fails the gate, annotated on its Cargo.lock line', async () => {
      const r = await gates({});
      expect(r.gates.audit).toMatchObject({ status: 'failed', findings: '1 vulnerability, 1 warning' });
      expect(r.result.failure).toMatch(/audit \(1 vulnerability, 1 warning\)/);
      const vuln = r.annotations.find((a) => a.title?.startsWith('RUSTSEC-2021-0003'));
      expect(vuln).toMatchObject({
        level: 'error',
        title: 'RUSTSEC-2021-0003: smallvec 1.6.0',
        file: 'app/Cargo.lock',
        line: lockLine('smallvec'),
      });
      expect(vuln?.message).toContain(
        'Buffer overflow in SmallVec::insert_many (patched: >=0.6.14, <1.0.0, >=1.6.1)',
      );
      const warn = r.annotations.find((a) => a.title?.startsWith('RUSTSEC-2021-0139'));
      expect(warn).toMatchObject({ level: 'warning', file: 'app/Cargo.lock', line: lockLine('ansi_term') });
      // The other gates ran on the same crate and passed: only audit failed.
      expect(r.gates.clippy.status).toBe('passed');
      expect(r.log).toMatch(/cargo-audit 0\.22\.2: using .*\/bin\/cargo-audit/);
    });

    test('audit-ignore of the advisory lets the gate pass; the unmaintained crate stays a warning', async () => {
      const r = await gates({ 'audit-ignore': 'RUSTSEC-2021-0003' });
      expect(r.gates.audit).toMatchObject({ status: 'passed', findings: '0 vulnerabilities, 1 warning' });
      expect(r.annotations.map((a) => [a.level, a.title])).toEqual([
        ['warning', 'RUSTSEC-2021-0139: ansi_term 0.12.1'],
      ]);
      expect(r.result.failure).toBeUndefined();
    });

    test('audit-deny unmaintained turns the warning into a failure', async () => {
      const r = await gates({ 'audit-ignore': 'RUSTSEC-2021-0003', 'audit-deny': 'unmaintained' });
      expect(r.gates.audit.status).toBe('failed');
      expect(r.annotations.map((a) => [a.level, a.title])).toEqual([
        ['error', 'RUSTSEC-2021-0139: ansi_term 0.12.1'],
      ]);
    });

    test("from a workspace member's directory the audit reads the workspace's Cargo.lock", async () => {
      const ws = path.join(root, 'ws');
      execFileSync('cargo', [
        'new',
        '--vcs',
        'none',
        '--offline',
        '--quiet',
        '--lib',
        path.join(ws, 'member'),
      ]);
      fs.appendFileSync(path.join(ws, 'member', 'Cargo.toml'), 'smallvec = { path = "../../smallvec" }\n');
      fs.writeFileSync(path.join(ws, 'Cargo.toml'), '[workspace]\nmembers = ["member"]\nresolver = "2"\n');
      execFileSync('cargo', ['generate-lockfile', '--offline'], { cwd: ws });
      expect(fs.existsSync(path.join(ws, 'member', 'Cargo.lock'))).toBe(false);
      const r = await gates({ 'working-directory': 'ws/member' });
      expect(r.gates.audit).toMatchObject({ status: 'failed', findings: '1 vulnerability, 0 warnings' });
      expect(r.log).toContain('cargo audit --json --file ../Cargo.lock');
      const line =
        fs.readFileSync(path.join(ws, 'Cargo.lock'), 'utf8').split('\n').indexOf('name = "smallvec"') + 1;
      expect(r.annotations.find((a) => a.title?.startsWith('RUSTSEC-2021-0003'))).toMatchObject({
        file: 'ws/Cargo.lock',
        line,
      });
    });

    test('without cargo-audit on PATH the gate tries the installer and fails saying why', async () => {
      const server = await startReleaseServer();
      const withStandin = process.env.PATH;
      process.env.PATH = (withStandin ?? '').split(path.delimiter).slice(1).join(path.delimiter);
      try {
        const r = await gates({ 'tools-mirror': server.base });
        expect(r.gates.audit.status).toBe('failed');
        expect(server.requests).toEqual([
          expect.stringMatching(/^\/cargo-audit\/0\.22\.2\/cargo-audit-.*-v0\.22\.2\.tgz$/),
        ]);
        expect(r.result.summary.toMarkdown()).toMatch(
          /audit: why it failed[\s\S]*HTTP 404[\s\S]*set input 'audit' to false/,
        );
      } finally {
        process.env.PATH = withStandin;
        await server.close();
      }
    });
  },
);

/** The stand-in run as `cargo audit` runs it, in `dir`, as exec would return it. */
function standin(dir: string, args: string[]): ExecResult {
  const r = spawnSync(
    process.execPath,
    [path.join(__dirname, 'support', 'standin-cargo-audit.js'), ...args],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  return {
    argv: ['cargo', ...args],
    exitCode: r.status ?? 1,
    stdout: r.stdout,
    stderr: r.stderr,
    durationMs: 1,
    timedOut: false,
  };
}

describe('classifyAudit: a report, or why there is none', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-classify-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('vulnerabilities found: exit 1 with the report, which is read', () => {
    const crate = path.join(dir, 'locked');
    fs.mkdirSync(crate);
    fs.writeFileSync(
      path.join(crate, 'Cargo.lock'),
      '# This file is automatically @generated by Cargo.\nversion = 4\n\n[[package]]\nname = "smallvec"\nversion = "1.6.0"\n',
    );
    // cargo hands cargo-audit the words after `cargo`.
    const r = standin(crate, auditArgv('Cargo.lock', []).slice(1));
    expect(r.exitCode).toBe(1);
    const a = classifyAudit(r);
    expect(a.kind).toBe('report');
    expect(a.kind === 'report' && a.findings.map((f) => [f.kind, f.id])).toEqual([
      ['vulnerability', 'RUSTSEC-2021-0003'],
    ]);
  });

  test('the advisory database could not be fetched (cargo-audit 0.22.2 offline)', () => {
    const stderr = fs.readFileSync(
      path.join(__dirname, 'fixtures', 'cargo-audit', 'database-fetch-failed.stderr'),
      'utf8',
    );
    const a = classifyAudit({ argv: [], exitCode: 1, stdout: '', stderr, durationMs: 1, timedOut: false });
    expect(a).toEqual({
      kind: 'database',
      cause: "couldn't fetch advisory database: git operation failed: failed to prepare fetch",
      detail: stderr.trim(),
    });
  });

  test('no Cargo.lock', () => {
    const a = classifyAudit(standin(dir, ['audit', '--json']));
    expect(a).toMatchObject({ kind: 'lockfile', cause: "not found: Couldn't load Cargo.lock" });
  });

  test('a timeout, even with part of a report printed', () => {
    const a = classifyAudit({
      argv: [],
      exitCode: 143,
      stdout: '{"database":',
      stderr: '',
      durationMs: 1,
      timedOut: true,
    });
    expect(a).toMatchObject({ kind: 'timeout', detail: '{"database":' });
  });

  test('no Cargo.lock where --file points', () => {
    const a = classifyAudit(standin(dir, ['audit', '--json', '--file', '../Cargo.lock']));
    expect(a).toMatchObject({ kind: 'lockfile', cause: "not found: Couldn't load ../Cargo.lock" });
  });

  test('the lock file named, and --ignore once per advisory', () => {
    expect(auditArgv('../Cargo.lock', ['RUSTSEC-2021-0003', 'RUSTSEC-2021-0139'])).toEqual([
      'cargo',
      'audit',
      '--json',
      '--file',
      '../Cargo.lock',
      '--ignore',
      'RUSTSEC-2021-0003',
      '--ignore',
      'RUSTSEC-2021-0139',
    ]);
  });
});
