import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assetUrl, currentPlatform, ensureTool, PINNED, versionIn, type ToolTable } from '../src/tools';
import { setSink, textSink } from '../src/report/log';
import { describeWith, missingCommands } from './support/skip';
import {
  executablesUnder,
  makeTarball,
  sha256,
  startReleaseServer,
  type ReleaseServer,
} from './support/release-server';

const lines: string[] = [];
setSink(textSink((l) => lines.push(l)));

const platform = currentPlatform();
const fast = { attempts: 3, firstDelayMs: 10 };

function withDigest(name: 'trivy' | 'kubectl' | 'cargo-audit', version: string, digest: string): ToolTable {
  return { ...PINNED, [name]: { ...PINNED[name], version, sha256: { [version]: { [platform]: digest } } } };
}

let tmp: string;
let server: ReleaseServer;
beforeEach(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tools-'));
  process.env.RUNNER_TOOL_CACHE = path.join(tmp, 'toolcache');
  process.env.RUNNER_TEMP = path.join(tmp, 'runner-temp');
  fs.mkdirSync(process.env.RUNNER_TEMP);
  server = await startReleaseServer();
  lines.length = 0;
});
afterEach(async () => {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('pinned table', () => {
  test('every pinned digest is a sha256 for both linux platforms', () => {
    for (const [name, spec] of Object.entries(PINNED)) {
      const digests = spec.sha256[spec.version];
      expect({ name, x64: digests?.['linux-x64'] }).toEqual({
        name,
        x64: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect({ name, arm64: digests?.['linux-arm64'] }).toEqual({
        name,
        arm64: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    }
  });

  test('official addresses are the projects own release URLs', () => {
    expect(assetUrl('trivy', '0.69.3', 'linux-x64', '', PINNED)).toBe(
      'https://github.com/aquasecurity/trivy/releases/download/v0.69.3/trivy_0.69.3_Linux-64bit.tar.gz',
    );
    expect(assetUrl('kubectl', '1.32.4', 'linux-arm64', '', PINNED)).toBe(
      'https://dl.k8s.io/release/v1.32.4/bin/linux/arm64/kubectl',
    );
    expect(assetUrl('cargo-audit', '0.22.2', 'linux-x64', '', PINNED)).toBe(
      'https://github.com/rustsec/rustsec/releases/download/cargo-audit%2Fv0.22.2/cargo-audit-x86_64-unknown-linux-musl-v0.22.2.tgz',
    );
  });

  test('a mirror replaces the base with <mirror>/<tool>/<version>/<asset>', () => {
    expect(assetUrl('trivy', '0.69.3', 'linux-arm64', 'https://mirror.example/tools/', PINNED)).toBe(
      'https://mirror.example/tools/trivy/0.69.3/trivy_0.69.3_Linux-ARM64.tar.gz',
    );
  });

  test('version output of each tool is understood', () => {
    expect(versionIn('Version: 0.69.3\n')).toBe('0.69.3');
    expect(versionIn('Client Version: v1.32.4-dispatcher\nKustomize Version: v5.5.0')).toBe('1.32.4');
    expect(versionIn('cargo-audit 0.22.2')).toBe('0.22.2');
  });
});

describe('installing from a release server on 127.0.0.1 (real tarballs)', () => {
  test('a good checksum installs, the executable runs, and the second call comes from the cache', async () => {
    const tarball = makeTarball(tmp, 'trivy', 'Version: 0.69.3');
    server.serve(`/trivy/0.69.3/${PINNED.trivy.asset('0.69.3', platform)}`, tarball);
    const opts = {
      mirror: server.base,
      table: withDigest('trivy', '0.69.3', sha256(tarball)),
      usePath: false,
      retry: fast,
    };

    const exe = await ensureTool('trivy', opts);
    expect(exe.startsWith(process.env.RUNNER_TOOL_CACHE!)).toBe(true);
    expect(execFileSync(exe, ['--version']).toString()).toBe('Version: 0.69.3\n');
    expect(server.requests).toHaveLength(1);

    expect(await ensureTool('trivy', opts)).toBe(exe);
    expect(server.requests).toHaveLength(1);
    expect(lines.join('\n')).toMatch(/from the tool cache/);
  });

  test('cargo-audit: the executable is taken from the directory inside its .tgz', async () => {
    const member = PINNED['cargo-audit'].member!('0.22.2', platform);
    const tarball = makeTarball(tmp, member, 'cargo-audit 0.22.2');
    server.serve(`/cargo-audit/0.22.2/${PINNED['cargo-audit'].asset('0.22.2', platform)}`, tarball);
    const exe = await ensureTool('cargo-audit', {
      mirror: server.base,
      table: withDigest('cargo-audit', '0.22.2', sha256(tarball)),
      usePath: false,
      retry: fast,
    });
    expect(path.basename(exe)).toBe('cargo-audit');
    expect(execFileSync(exe, ['--version']).toString()).toBe('cargo-audit 0.22.2\n');
  });

  test('kubectl: a bare binary is verified and made executable', async () => {
    const binary = Buffer.from("#!/bin/sh\necho 'Client Version: v1.32.4'\n");
    server.serve('/kubectl/1.32.4/kubectl', binary);
    const exe = await ensureTool('kubectl', {
      mirror: server.base,
      table: withDigest('kubectl', '1.32.4', sha256(binary)),
      usePath: false,
      retry: fast,
    });
    expect(execFileSync(exe, ['version', '--client']).toString()).toContain('v1.32.4');
  });

  test('a checksum mismatch names the tool and both digests, and leaves nothing executable', async () => {
    const tarball = makeTarball(tmp, 'trivy', 'Version: 0.69.3');
    server.serve(`/trivy/0.69.3/${PINNED.trivy.asset('0.69.3', platform)}`, tarball);
    const expected = 'ab'.repeat(32);
    const err = await ensureTool('trivy', {
      mirror: server.base,
      table: withDigest('trivy', '0.69.3', expected),
      usePath: false,
      retry: fast,
    }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const msg = (err as Error).message;
    expect(msg).toContain('trivy 0.69.3');
    expect(msg).toContain(`expected sha256 ${expected}`);
    expect(msg).toContain(`got ${sha256(tarball)}`);
    expect(msg).toMatch(/^input 'tools-mirror': /);
    expect(executablesUnder(process.env.RUNNER_TOOL_CACHE!)).toEqual([]);
    expect(executablesUnder(process.env.RUNNER_TEMP!)).toEqual([]);
    expect(fs.readdirSync(process.env.RUNNER_TEMP!)).toEqual([]);
  });

  test('a 500 then a 200 is retried and installs', async () => {
    const tarball = makeTarball(tmp, 'trivy', 'Version: 0.69.3');
    const url = `/trivy/0.69.3/${PINNED.trivy.asset('0.69.3', platform)}`;
    server.serve(url, tarball, [500]);
    const exe = await ensureTool('trivy', {
      mirror: server.base,
      table: withDigest('trivy', '0.69.3', sha256(tarball)),
      usePath: false,
      retry: fast,
    });
    expect(server.requests).toEqual([url, url]);
    expect(fs.existsSync(exe)).toBe(true);
    expect(lines.join('\n')).toMatch(/HTTP 500 .*attempt 1\/3; retrying in 10 ms/);
  });

  test('a 404 is not retried', async () => {
    const err = await ensureTool('trivy', {
      mirror: server.base,
      table: withDigest('trivy', '0.69.3', 'cd'.repeat(32)),
      usePath: false,
      retry: fast,
    }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/HTTP 404/);
    expect(server.requests).toHaveLength(1);
  });

  test('a version without a pinned digest asks for the checksum input before downloading', async () => {
    const err = await ensureTool('trivy', { version: '0.50.0', mirror: server.base, usePath: false }).catch(
      (e: Error) => e,
    );
    expect((err as Error).message).toMatch(/^input 'trivy-sha256': no pinned sha256 for trivy 0.50.0/);
    expect(server.requests).toEqual([]);
  });

  test('a tool on PATH at another version is not used: the pinned one is installed', async () => {
    const bin = path.join(tmp, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'trivy'), "#!/bin/sh\necho 'Version: 0.50.0'\n", { mode: 0o755 });
    const tarball = makeTarball(tmp, 'trivy', 'Version: 0.69.3');
    server.serve(`/trivy/0.69.3/${PINNED.trivy.asset('0.69.3', platform)}`, tarball);
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved}`;
    try {
      const exe = await ensureTool('trivy', {
        mirror: server.base,
        table: withDigest('trivy', '0.69.3', sha256(tarball)),
        retry: fast,
      });
      expect(exe).not.toBe(path.join(bin, 'trivy'));
      expect(lines.join('\n')).toMatch(/is 0\.50\.0, not 0\.69\.3/);
    } finally {
      process.env.PATH = saved;
    }
  });
});

describeWith('kubectl already on PATH (the real kubectl)', missingCommands('kubectl'), () => {
  test('kubectl at the pinned version on PATH is used as is, without a download', async () => {
    const real = execFileSync('kubectl', ['version', '--client']).toString();
    expect(versionIn(real)).toBe(PINNED.kubectl.version);
    const exe = await ensureTool('kubectl', { mirror: server.base });
    expect(fs.realpathSync(exe)).toBe(
      fs.realpathSync(execFileSync('sh', ['-c', 'command -v kubectl']).toString().trim()),
    );
    expect(server.requests).toEqual([]);
  });
});
