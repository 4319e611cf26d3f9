import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunContext } from '../src/context';
import { ActionError } from '../src/errors';
import { toolEnv, type ExecResult } from '../src/exec';
import { cliSource, envName, SECRET_INPUTS } from '../src/inputs';
import { setSink, textSink } from '../src/report/log';
import {
  GITHUB_ISSUER,
  normalizeRepo,
  provenanceByPlatform,
  resolveSign,
  resolveVerify,
  signAnnotations,
} from '../src/signing';
import {
  signArgv,
  signatureRef,
  signEnv,
  signFailure,
  verifyArgv,
  verifyEnv,
  verifyFailure,
  type SignPlan,
  type VerifyPlan,
} from '../src/tools/cosign';
import { assetUrl, currentPlatform, ensureTool, PINNED, type ToolTable } from '../src/tools';
import { sha256, startReleaseServer } from './support/release-server';

/**
 * What signing decides before anything runs: the mode, the identity deploy accepts, the exact argv and
 * environment cosign gets. Keyless is tested here as a plan: Fulcio and Rekor cannot be reached from here.
 */
setSink(textSink(() => undefined));

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const REF = `registry.example/acme/hello@${DIGEST}`;

const github: RunContext = {
  platform: 'github',
  event: 'push',
  ref: 'refs/heads/main',
  sha: '0123456789abcdef0123456789abcdef01234567',
  repository: 'acme/hello-mcp',
  repositoryUrl: 'https://github.com/acme/hello-mcp',
  runUrl: 'https://github.com/acme/hello-mcp/actions/runs/42',
  workspace: '/',
};
const gitlab: RunContext = {
  ...github,
  platform: 'gitlab',
  repository: 'grp/hello-mcp',
  repositoryUrl: 'https://gitlab.example.com/grp/hello-mcp',
  runUrl: 'https://gitlab.example.com/grp/hello-mcp/-/pipelines/7',
};
const local: RunContext = { ...github, platform: 'local', repositoryUrl: undefined, runUrl: undefined };
const OIDC = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/x',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'tok',
};
const PEM_KEY =
  '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nabc\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n';
const PEM_PUB = '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----\n';

const sign = (over: Partial<Record<string, string>>, ctx = github, env: Record<string, string> = {}) =>
  resolveSign(
    { sign: '', 'transparency-log': '', 'cosign-private-key': '', 'cosign-password': '', ...over },
    ctx,
    env,
  );
const verify = (over: Partial<Record<string, string>>, ctx = github) =>
  resolveVerify(
    {
      'verify-signature': '',
      'transparency-log': '',
      'cosign-public-key': '',
      'certificate-identity': '',
      'certificate-identity-regexp': '',
      'certificate-oidc-issuer': '',
      ...over,
    },
    ctx,
  );

function thrown(f: () => unknown): ActionError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ActionError);
    expect((e as Error).message.split('\n')).toHaveLength(1);
    return e as ActionError;
  }
  throw new Error('did not throw');
}

describe('sign: auto | keyless | key | off', () => {
  test('auto is keyless on GitHub when the job has id-token: write', () => {
    expect(sign({}, github, OIDC)).toMatchObject({ mode: 'keyless', transparencyLog: true });
  });

  test('auto is off without an OIDC token, and says why in one line', () => {
    const s = sign({}, github, {});
    expect(s.mode).toBe('off');
    expect(s.note).toMatch(/^sign: auto does not sign here: .*id-token: write/);
    expect(s.note!.split('\n')).toHaveLength(1);
    expect(sign({}, local, OIDC).mode).toBe('off');
  });

  test('auto on GitLab is keyless with an id_tokens SIGSTORE_ID_TOKEN', () => {
    expect(sign({}, gitlab, { SIGSTORE_ID_TOKEN: 'eyJ' }).mode).toBe('keyless');
    expect(sign({}, gitlab, {}).mode).toBe('off');
  });

  test('auto with a private key signs with it; auto keyless without the log stays off', () => {
    expect(sign({ 'cosign-private-key': PEM_KEY }, github, OIDC).mode).toBe('key');
    const s = sign({ 'transparency-log': 'false' }, github, OIDC);
    expect(s.mode).toBe('off');
    expect(s.note).toMatch(/transparency-log: true/);
  });

  test('keyless needs the transparency log and an OIDC token', () => {
    expect(thrown(() => sign({ sign: 'keyless', 'transparency-log': 'false' }, github, OIDC)).input).toBe(
      'transparency-log',
    );
    const e = thrown(() => sign({ sign: 'keyless' }, github, {}));
    expect(e.input).toBe('sign');
    expect(e.message).toMatch(/id-token: write/);
  });

  test('key needs a PEM private key, and keeps the password', () => {
    expect(thrown(() => sign({ sign: 'key' })).input).toBe('cosign-private-key');
    expect(thrown(() => sign({ sign: 'key', 'cosign-private-key': '/home/me/cosign.key' })).input).toBe(
      'cosign-private-key',
    );
    expect(thrown(() => sign({ sign: 'key', 'cosign-private-key': PEM_PUB })).input).toBe(
      'cosign-private-key',
    );
    expect(
      sign({
        sign: 'key',
        'transparency-log': 'false',
        'cosign-private-key': PEM_KEY,
        'cosign-password': 'pw',
      }),
    ).toEqual({ mode: 'key', transparencyLog: false, privateKey: PEM_KEY.trim(), password: 'pw' });
  });

  test('unknown values name their input', () => {
    expect(thrown(() => sign({ sign: 'yes' })).input).toBe('sign');
    expect(thrown(() => sign({ 'transparency-log': 'maybe' })).input).toBe('transparency-log');
  });

  test('annotations: repository, commit, ref and run of this job', () => {
    expect(signAnnotations(github)).toEqual({
      repository: 'acme/hello-mcp',
      commit: github.sha,
      ref: 'refs/heads/main',
      run: 'https://github.com/acme/hello-mcp/actions/runs/42',
    });
  });
});

describe('verify-signature: off | key | keyless', () => {
  test('off by default', () => {
    expect(verify({})).toEqual({ mode: 'off' });
  });

  test("keyless on GitHub defaults to this repository's workflows and GitHub's issuer", () => {
    const v = verify({ 'verify-signature': 'keyless' });
    if (v.mode !== 'keyless') throw new Error(v.mode);
    expect(v.identity.issuer).toBe(GITHUB_ISSUER);
    expect(v.identity.githubRepository).toBe('acme/hello-mcp');
    const re = new RegExp(v.identity.identityRegexp!);
    expect(
      re.test('https://github.com/acme/hello-mcp/.github/workflows/mcp-deploy.yml@refs/heads/main'),
    ).toBe(true);
    expect(re.test('https://github.com/acme/hello-mcp/.github/workflows/release.yml@refs/tags/v1.2.3')).toBe(
      true,
    );
    expect(re.test('https://github.com/acme/hello-mcp-fork/.github/workflows/x.yml@refs/heads/main')).toBe(
      false,
    );
    expect(re.test('https://github.com/evil/hello-mcp/.github/workflows/x.yml@refs/heads/main')).toBe(false);
    expect(re.test('https://githubXcom/acme/hello-mcp/.github/workflows/x.yml@refs/heads/main')).toBe(false);
  });

  test("keyless on GitLab defaults to the project's pipeline config identity and the instance as issuer", () => {
    const v = verify({ 'verify-signature': 'keyless' }, gitlab);
    if (v.mode !== 'keyless') throw new Error(v.mode);
    expect(v.identity.issuer).toBe('https://gitlab.example.com');
    const re = new RegExp(v.identity.identityRegexp!);
    expect(re.test('https://gitlab.example.com/grp/hello-mcp//.gitlab-ci.yml@refs/heads/main')).toBe(true);
    expect(re.test('https://gitlab.example.com/grp/other//.gitlab-ci.yml@refs/heads/main')).toBe(false);
  });

  test("a reusable workflow's identity still has to have signed for this repository", () => {
    const v = verify({
      'verify-signature': 'keyless',
      'certificate-identity-regexp':
        '^https://github\\.com/tools/mcp-deploy-action/\\.github/workflows/mcp-deploy\\.yml@.+$',
    });
    expect(v).toMatchObject({
      identity: {
        identityRegexp: expect.stringContaining('tools/mcp-deploy-action'),
        githubRepository: 'acme/hello-mcp',
      },
    });
    expect(verify({ 'verify-signature': 'keyless' }, gitlab)).not.toHaveProperty('identity.githubRepository');
  });

  test('explicit identities win; contradictions and bad patterns name their input', () => {
    expect(
      verify({
        'verify-signature': 'keyless',
        'certificate-identity': 'https://x/y',
        'certificate-oidc-issuer': 'https://i',
      }),
    ).toEqual({
      mode: 'keyless',
      transparencyLog: true,
      identity: { identity: 'https://x/y', issuer: 'https://i' },
    });
    expect(
      thrown(() =>
        verify({
          'verify-signature': 'keyless',
          'certificate-identity': 'a',
          'certificate-identity-regexp': 'b',
        }),
      ).input,
    ).toBe('certificate-identity-regexp');
    expect(
      thrown(() => verify({ 'verify-signature': 'keyless', 'certificate-identity-regexp': '(' })).input,
    ).toBe('certificate-identity-regexp');
    expect(thrown(() => verify({ 'verify-signature': 'keyless' }, local)).input).toBe('certificate-identity');
    expect(
      thrown(() => verify({ 'verify-signature': 'keyless', 'certificate-identity': 'https://x/y' }, local))
        .input,
    ).toBe('certificate-oidc-issuer');
    expect(thrown(() => verify({ 'verify-signature': 'keyless', 'transparency-log': 'false' })).input).toBe(
      'transparency-log',
    );
  });

  test('key needs a PEM public key', () => {
    expect(thrown(() => verify({ 'verify-signature': 'key' })).input).toBe('cosign-public-key');
    expect(thrown(() => verify({ 'verify-signature': 'key', 'cosign-public-key': PEM_KEY })).input).toBe(
      'cosign-public-key',
    );
    expect(verify({ 'verify-signature': 'key', 'cosign-public-key': PEM_PUB })).toMatchObject({
      mode: 'key',
    });
  });
});

describe('argv and environment', () => {
  const base = {
    ref: REF,
    plainHttp: false,
    annotations: signAnnotations(github),
    inputs: { ref: 'image' },
  };

  test('keyless sign: no key, the log on, the annotations, the digest last', () => {
    const p: SignPlan = { ...base, mode: 'keyless', transparencyLog: true };
    expect(signArgv('cosign', p)).toEqual([
      'cosign',
      'sign',
      '--yes',
      '--tlog-upload=true',
      '-a',
      'repository=acme/hello-mcp',
      '-a',
      `commit=${github.sha}`,
      '-a',
      'ref=refs/heads/main',
      '-a',
      'run=https://github.com/acme/hello-mcp/actions/runs/42',
      REF,
    ]);
    // The token is cosign's to fetch from the runner: exec keeps the OIDC variables from every tool, so the
    // keyless signing child is handed them by name; no password for keyless.
    expect(signEnv(p, 'pw', {}, { COSIGN_PASSWORD: 'leak', ...OIDC, SIGSTORE_ID_TOKEN: 'gl' })).toEqual({
      COSIGN_PASSWORD: undefined,
      ...OIDC,
      SIGSTORE_ID_TOKEN: 'gl',
    });
    expect(toolEnv({ ...OIDC, SIGSTORE_ID_TOKEN: 'gl', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });

  test('key sign: the key file, the log off, plain HTTP allowed; the password only in that child environment', () => {
    const p: SignPlan = {
      ...base,
      mode: 'key',
      keyFile: '/tmp/k/cosign.key',
      transparencyLog: false,
      plainHttp: true,
    };
    const argv = signArgv('cosign', p);
    expect(argv.slice(0, 7)).toEqual([
      'cosign',
      'sign',
      '--yes',
      '--key',
      '/tmp/k/cosign.key',
      '--tlog-upload=false',
      '--allow-http-registry',
    ]);
    expect(argv.join(' ')).not.toContain('s3cret');
    const env = signEnv(
      p,
      's3cret',
      { DOCKER_CONFIG: '/d' },
      {
        'INPUT_COSIGN-PASSWORD': 's3cret',
        'INPUT_COSIGN-PRIVATE-KEY': PEM_KEY,
        MCP_COSIGN_PASSWORD: 's3cret',
        PATH: '/bin',
      },
    );
    expect(env).toEqual({
      COSIGN_PASSWORD: 's3cret',
      'INPUT_COSIGN-PASSWORD': undefined,
      'INPUT_COSIGN-PRIVATE-KEY': undefined,
      MCP_COSIGN_PASSWORD: undefined,
      DOCKER_CONFIG: '/d',
    });
    // An empty password is still given, so cosign never waits on a terminal the job does not have.
    expect(signEnv(p, '', {}, {}).COSIGN_PASSWORD).toBe('');
    // Key signing and verifying never get the OIDC token.
    expect(signEnv(p, '', {}, { ...OIDC })).toEqual({ COSIGN_PASSWORD: '' });
    expect(verifyEnv({}, { ...OIDC })).toEqual({ COSIGN_PASSWORD: undefined });
    expect(verifyEnv({}, { COSIGN_PASSWORD: 'x', 'INPUT_COSIGN-PASSWORD': 'x' })).toEqual({
      COSIGN_PASSWORD: undefined,
      'INPUT_COSIGN-PASSWORD': undefined,
    });
  });

  test('keyless verify: identity flags, the log checked; key verify without the log skips it explicitly', () => {
    const v = verify({ 'verify-signature': 'keyless' });
    if (v.mode !== 'keyless') throw new Error(v.mode);
    const p: VerifyPlan = { ...base, mode: 'keyless', transparencyLog: true, identity: v.identity };
    expect(verifyArgv('cosign', p)).toEqual([
      'cosign',
      'verify',
      '--certificate-identity-regexp',
      '^https://github\\.com/acme/hello-mcp/\\.github/workflows/[^@]+@refs/.+$',
      '--certificate-oidc-issuer',
      GITHUB_ISSUER,
      '--certificate-github-workflow-repository',
      'acme/hello-mcp',
      '--output',
      'json',
      REF,
    ]);
    const k: VerifyPlan = { ...base, mode: 'key', publicKeyFile: '/k/cosign.pub', transparencyLog: false };
    expect(verifyArgv('cosign', k)).toEqual([
      'cosign',
      'verify',
      '--key',
      '/k/cosign.pub',
      '--insecure-ignore-tlog=true',
      '--output',
      'json',
      REF,
    ]);
  });

  test('the signature reference: the tag cosign pushed, in the repository it names', () => {
    expect(signatureRef('Pushing signature to: registry.example/acme/hello\n', REF)).toBe(
      `registry.example/acme/hello:sha256-${'ab'.repeat(32)}.sig`,
    );
    expect(signatureRef('Pushing signature to: sigs.example/store/hello\n', REF)).toBe(
      `sigs.example/store/hello:sha256-${'ab'.repeat(32)}.sig`,
    );
  });
});

describe('cosign failures become one line naming the input', () => {
  // The stderr lines below are what Debian's cosign 2.5.0 printed in these situations on this machine.
  const result = (stderr: string): ExecResult => ({
    argv: ['cosign'],
    exitCode: 1,
    stdout: '',
    stderr,
    durationMs: 10,
    timedOut: false,
  });
  const keyPlan: SignPlan = {
    mode: 'key',
    ref: REF,
    keyFile: '/k',
    transparencyLog: false,
    plainHttp: false,
    annotations: {},
    inputs: { ref: 'image' },
  };
  const verifyPlan: VerifyPlan = {
    mode: 'key',
    ref: REF,
    publicKeyFile: '/k.pub',
    transparencyLog: false,
    plainHttp: false,
    inputs: { ref: 'image-ref' },
  };
  const cases: [string, Error, string | undefined, RegExp][] = [
    [
      'wrong password',
      signFailure(
        result(`Error: signing [${REF}]: getting signer: reading key: decrypt: encrypted: decryption failed`),
        keyPlan,
      ),
      'cosign-password',
      /could not decrypt cosign-private-key/,
    ],
    [
      'not a key',
      signFailure(result(`Error: signing [${REF}]: getting signer: reading key: invalid pem block`), keyPlan),
      'cosign-private-key',
      /cannot read cosign-private-key: invalid pem block/,
    ],
    [
      'unsigned',
      verifyFailure(
        result(
          'WARNING: Skipping tlog verification\nError: no signatures found\nerror during command execution: no signatures found',
        ),
        verifyPlan,
      ),
      'verify-signature',
      /is not signed/,
    ],
    [
      'another key',
      verifyFailure(
        result('Error: no matching signatures: invalid signature when validating ASN.1 encoded signature'),
        verifyPlan,
      ),
      'cosign-public-key',
      /signed, but not by the key in cosign-public-key \(invalid signature when validating ASN\.1 encoded signature\)/,
    ],
    [
      'a public key cosign cannot read',
      verifyFailure(result('Error: loading public key: pem to public key: PEM decoding failed'), verifyPlan),
      'cosign-public-key',
      /cannot read cosign-public-key: pem to public key: PEM decoding failed/,
    ],
    [
      'unreachable',
      verifyFailure(
        result(
          'Error: Get "https://127.0.0.1:5999/v2/": dial tcp 127.0.0.1:5999: connect: connection refused',
        ),
        verifyPlan,
      ),
      'image-ref',
      /registry registry\.example could not be reached/,
    ],
  ];
  test.each(cases)('%s', (_name, e, input, message) => {
    expect(e).toBeInstanceOf(ActionError);
    expect((e as ActionError).input).toBe(input);
    expect(e.message).toMatch(message);
    expect(e.message.split('\n')).toHaveLength(1);
  });

  test('keyless identity mismatch names the identity input and says what was found', () => {
    const v = verify({ 'verify-signature': 'keyless' });
    if (v.mode !== 'keyless') throw new Error(v.mode);
    const e = verifyFailure(
      result(
        'Error: no matching signatures: none of the expected identities matched what was in the certificate, got subjects [https://github.com/evil/x/.github/workflows/a.yml@refs/heads/main] with issuer https://token.actions.githubusercontent.com',
      ),
      { ...verifyPlan, mode: 'keyless', transparencyLog: true, identity: v.identity },
    ) as ActionError;
    expect(e.input).toBe('certificate-identity-regexp');
    expect(e.message).toContain(
      'got subjects [https://github.com/evil/x/.github/workflows/a.yml@refs/heads/main]',
    );
  });
});

describe('provenance documents', () => {
  test('single-platform, index and absent attestations', () => {
    const slsa = {
      metadata: {
        'https://mobyproject.org/buildkit@v1#metadata': {
          vcs: { source: 'https://github.com/acme/hello-mcp.git', revision: github.sha },
        },
      },
    };
    expect(provenanceByPlatform(JSON.stringify({ SLSA: slsa }))).toEqual({
      image: { source: 'https://github.com/acme/hello-mcp.git', revision: github.sha },
    });
    expect(
      Object.keys(
        provenanceByPlatform(
          JSON.stringify({ 'linux/amd64': { SLSA: slsa }, 'linux/arm64': { SLSA: slsa } }),
        ),
      ),
    ).toEqual(['linux/amd64', 'linux/arm64']);
    expect(provenanceByPlatform('{}')).toEqual({});
    // A build from a git URL context records the repository as its config source instead.
    expect(
      provenanceByPlatform(
        JSON.stringify({
          SLSA: {
            invocation: {
              configSource: {
                uri: 'https://github.com/acme/hello-mcp.git#main',
                digest: { sha1: github.sha },
              },
            },
          },
        }),
      ),
    ).toEqual({ image: { source: 'https://github.com/acme/hello-mcp.git', revision: github.sha } });
  });

  test('repository addresses compare equal in every form git writes them', () => {
    const want = 'github.com/acme/hello-mcp';
    for (const u of [
      'https://github.com/acme/hello-mcp',
      'https://github.com/acme/hello-mcp.git',
      'https://x-access-token:abc@github.com/acme/hello-mcp.git',
      'git@github.com:acme/hello-mcp.git',
      'ssh://git@github.com/acme/hello-mcp.git',
      'https://GitHub.com/Acme/Hello-MCP/',
    ])
      expect([u, normalizeRepo(u)]).toEqual([u, want]);
    expect(normalizeRepo('https://github.com/acme/hello-mcp-fork')).not.toBe(want);
  });
});

describe('cosign installs like trivy: pinned, from a mirror, checked against its sha256', () => {
  test('the official address is the sigstore release asset', () => {
    expect(assetUrl('cosign', '2.6.1', 'linux-x64', '', PINNED)).toBe(
      'https://github.com/sigstore/cosign/releases/download/v2.6.1/cosign-linux-amd64',
    );
    expect(assetUrl('cosign', '2.6.1', 'linux-arm64', 'https://mirror.example/tools', PINNED)).toBe(
      'https://mirror.example/tools/cosign/2.6.1/cosign-linux-arm64',
    );
  });

  test('a bare binary from a release server on 127.0.0.1 is verified, cached and runs', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cosign-install-'));
    process.env.RUNNER_TOOL_CACHE = path.join(tmp, 'cache');
    process.env.RUNNER_TEMP = path.join(tmp, 'temp');
    fs.mkdirSync(process.env.RUNNER_TEMP);
    const server = await startReleaseServer();
    try {
      const platform = currentPlatform();
      const binary = Buffer.from("#!/bin/sh\necho 'GitVersion:    v2.6.1'\n");
      server.serve(`/cosign/2.6.1/${PINNED.cosign.asset('2.6.1', platform)}`, binary);
      const table: ToolTable = {
        ...PINNED,
        cosign: { ...PINNED.cosign, sha256: { '2.6.1': { [platform]: sha256(binary) } } },
      };
      const exe = await ensureTool('cosign', {
        mirror: server.base,
        table,
        usePath: false,
        retry: { attempts: 1, firstDelayMs: 1 },
      });
      expect(path.basename(exe)).toBe('cosign');
      expect(execFileSync(exe, ['version']).toString()).toContain('v2.6.1');
    } finally {
      await server.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('the signing inputs in the input table', () => {
  test('the key and its password are secrets: refused as CLI flags, kept from every tool', () => {
    expect(SECRET_INPUTS).toEqual(expect.arrayContaining(['cosign-private-key', 'cosign-password']));
    expect(SECRET_INPUTS).not.toContain('cosign-public-key');
    for (const name of ['cosign-private-key', 'cosign-password']) {
      const e = (() => {
        try {
          cliSource({ [name]: 'x' }, {});
        } catch (err) {
          return err as ActionError;
        }
        throw new Error(`--${name} was accepted`);
      })();
      expect(e.input).toBe(name);
      expect(e.message).toContain(`export ${envName(name)} instead`);
    }
    expect(toolEnv({ MCP_COSIGN_PRIVATE_KEY: PEM_KEY, MCP_COSIGN_PASSWORD: 'pw', PATH: '/bin' })).toEqual({
      PATH: '/bin',
    });
  });
});
