import * as fs from 'node:fs';
import * as path from 'node:path';
import { ActionError } from '../errors';
import { exec, type ExecResult } from '../exec';
import { log } from '../report/log';
import { ensureTool, versionIn, type EnsureOptions } from './install';
import { which } from './path';
import { PINNED } from './pinned';

/**
 * cosign, driven by argv only. What is signed and verified is always `<repository>@sha256:<hex>`: a tag
 * could move between the signature and the check. The private key's password reaches the one cosign child
 * that signs through COSIGN_PASSWORD, never argv; every other child is started without it.
 */

/** The inputs these commands can go wrong on, named in every error so the one failure line says what to fix. */
export interface CosignInputNames {
  /** The input the image reference came from: `image` in build, `image-ref` in deploy. */
  ref: string;
}

export interface SignPlan {
  mode: 'key' | 'keyless';
  /** `<repository>@sha256:<hex>`: the pushed digest, the index when several platforms were built. */
  ref: string;
  /** key mode: the private key, a 0600 file (see writeKeyFile). */
  keyFile?: string;
  transparencyLog: boolean;
  /** The registry speaks plain HTTP. cosign allows that on loopback only, unless told. */
  plainHttp: boolean;
  /** Written into the signature's payload: repository, commit, ref and run, so a signature says where it came from. */
  annotations: Record<string, string>;
  inputs: CosignInputNames;
}

export interface KeylessIdentity {
  /** Exactly one of identity and identityRegexp. */
  identity?: string;
  identityRegexp?: string;
  issuer: string;
  /**
   * GitHub: owner/name the signing run was for (the certificate's repository claim). A reusable workflow
   * signs with its own identity whoever calls it, so the identity alone does not say whose build it was.
   */
  githubRepository?: string;
}

export type VerifyPlan = {
  ref: string;
  transparencyLog: boolean;
  plainHttp: boolean;
  inputs: CosignInputNames;
} & ({ mode: 'key'; publicKeyFile: string } | { mode: 'keyless'; identity: KeylessIdentity });

/** `<repository>@sha256:<hex>` split in two; anything else is refused before cosign runs. */
export function splitDigestRef(ref: string, input: string): { repository: string; digest: string } {
  const m = /^([^@\s]+)@(sha256:[a-f0-9]{64})$/.exec(ref);
  if (!m)
    throw new ActionError(
      `'${ref}' is not an image reference by digest`,
      input,
      'give <registry>/<repository>@sha256:<digest>, e.g. the image-ref output of build',
    );
  return { repository: m[1], digest: m[2] };
}

export function signArgv(cosign: string, p: SignPlan): string[] {
  return [
    cosign,
    'sign',
    '--yes',
    ...(p.mode === 'key' ? ['--key', p.keyFile!] : []),
    `--tlog-upload=${p.transparencyLog}`,
    ...(p.plainHttp ? ['--allow-http-registry'] : []),
    ...Object.entries(p.annotations)
      .filter(([, v]) => v)
      .flatMap(([k, v]) => ['-a', `${k}=${v}`]),
    p.ref,
  ];
}

/** Decrypts the private key and prints its public half: proves key and password before anything is pushed. */
export function publicKeyArgv(cosign: string, keyFile: string): string[] {
  return [cosign, 'public-key', '--key', keyFile];
}

export function verifyArgv(cosign: string, p: VerifyPlan): string[] {
  const who =
    p.mode === 'key'
      ? ['--key', p.publicKeyFile]
      : [
          ...(p.identity.identity
            ? ['--certificate-identity', p.identity.identity]
            : ['--certificate-identity-regexp', p.identity.identityRegexp!]),
          '--certificate-oidc-issuer',
          p.identity.issuer,
          ...(p.identity.githubRepository
            ? ['--certificate-github-workflow-repository', p.identity.githubRepository]
            : []),
        ];
  return [
    cosign,
    'verify',
    ...who,
    ...(p.transparencyLog ? [] : ['--insecure-ignore-tlog=true']),
    ...(p.plainHttp ? ['--allow-http-registry'] : []),
    '--output',
    'json',
    p.ref,
  ];
}

/**
 * Variables no cosign child inherits: the key's password (given only to the signing child, by signEnv) and
 * the secret inputs as the runner (INPUT_*) or the CLI (MCP_*) hold them.
 */
function withoutSecrets(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { COSIGN_PASSWORD: undefined };
  for (const k of Object.keys(env))
    if (/^(INPUT_COSIGN-(PASSWORD|PRIVATE-KEY)|MCP_COSIGN_(PASSWORD|PRIVATE_KEY))$/i.test(k))
      out[k] = undefined;
  return out;
}

/**
 * What keyless cosign needs to get the job's OIDC token: GitHub's token request address and token, or
 * GitLab's id_tokens variable. exec keeps them from every other tool.
 */
export const OIDC_ENV = [
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'SIGSTORE_ID_TOKEN',
];

/**
 * The environment changes for the signing child. In key mode COSIGN_PASSWORD is always set, empty for a key
 * without one: without it cosign asks on the terminal, and a job has none. In keyless mode it gets the
 * OIDC variables, and only then.
 */
export function signEnv(
  p: SignPlan,
  password: string,
  extra: Record<string, string | undefined> = {},
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string | undefined> {
  const oidc =
    p.mode === 'keyless' ? Object.fromEntries(OIDC_ENV.filter((k) => env[k]).map((k) => [k, env[k]])) : {};
  return {
    ...withoutSecrets(env),
    ...oidc,
    ...extra,
    ...(p.mode === 'key' ? { COSIGN_PASSWORD: password } : {}),
  };
}

export function verifyEnv(
  extra: Record<string, string | undefined> = {},
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string | undefined> {
  return { ...withoutSecrets(env), ...extra };
}

/**
 * Where the signature went. cosign prints the repository it pushed to ("Pushing signature to: <repo>"),
 * which COSIGN_REPOSITORY can move away from the image's; the tag there is `sha256-<hex>.sig`.
 */
export function signatureRef(output: string, ref: string): string {
  const { repository, digest } = splitDigestRef(ref, 'image');
  const pushedTo = /Pushing signature to:\s*(\S+)/.exec(output)?.[1] ?? repository;
  return `${pushedTo}:${digest.replace(':', '-')}.sig`;
}

/** The registry part of a reference, for messages. */
const registryOf = (ref: string) => ref.split('/')[0];

/** The last error line cosign printed, without its "Error: " and the command wrapper lines. */
function lastError(r: ExecResult): string {
  const lines = `${r.stderr}\n${r.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^WARNING:|^error during command execution:/.test(l));
  const err = [...lines].reverse().find((l) => l.startsWith('Error:')) ?? lines[lines.length - 1] ?? '';
  return err.replace(/^Error:\s*/, '');
}

const UNREACHABLE =
  /connection refused|no such host|i\/o timeout|dial tcp|TLS handshake|server gave HTTP response to HTTPS client|could not parse reference|context deadline exceeded/i;
const UNAUTHORIZED = /UNAUTHORIZED|authentication required|401 Unauthorized|DENIED|403 Forbidden/i;
const NOT_FOUND = /MANIFEST_UNKNOWN|NAME_UNKNOWN|manifest unknown|404 Not Found/i;

/** Failures about the registry, the same whether signing or verifying. */
function registryFailure(r: ExecResult, ref: string, input: string): ActionError | undefined {
  const text = `${r.stderr}\n${r.stdout}`;
  const registry = registryOf(ref);
  if (UNAUTHORIZED.test(text))
    return new ActionError(
      `registry ${registry} refused cosign's credentials for ${ref}`,
      input,
      'log in to the registry first (the same credentials as the push), with read and write access for signing',
    );
  if (NOT_FOUND.test(text))
    return new ActionError(`${ref} is not in registry ${registry}`, input, 'give the digest that was pushed');
  if (UNREACHABLE.test(text))
    return new ActionError(
      `registry ${registry} could not be reached for ${ref}: ${lastError(r)}`,
      input,
      'check the registry address and that this runner can reach it; a plain-HTTP registry off loopback needs registry-insecure: true',
    );
  return undefined;
}

/** One line for a failed `cosign sign`, naming the input to change. */
export function signFailure(r: ExecResult, p: SignPlan): Error {
  const text = `${r.stderr}\n${r.stdout}`;
  if (r.timedOut)
    return new Error(`cosign sign ${p.ref} timed out after ${Math.round(r.durationMs / 1000)} s`);
  if (p.mode === 'key' && /decrypt|decryption failed|incorrect passphrase/i.test(text))
    return new ActionError(
      'cosign could not decrypt cosign-private-key with this password',
      'cosign-password',
      'give the password the key pair was generated with (COSIGN_PASSWORD of `cosign generate-key-pair`)',
    );
  if (
    p.mode === 'key' &&
    /reading key|invalid pem|pem block|unsupported pem|parsing private key|loading private key/i.test(text)
  )
    return new ActionError(
      `cosign cannot read cosign-private-key: ${lastError(r).replace(/^.*reading key:\s*/, '')}`,
      'cosign-private-key',
      'give the cosign.key file that `cosign generate-key-pair` wrote (-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----)',
    );
  if (
    p.mode === 'keyless' &&
    /OIDC|identity token|id[-_ ]token|getting signer|fulcio|rekor|tlog|transparency/i.test(text) &&
    !UNAUTHORIZED.test(text)
  )
    return new ActionError(
      `keyless signing of ${p.ref} failed: ${lastError(r)}`,
      'sign',
      'give the job an OIDC token (GitHub: permissions id-token: write; GitLab: id_tokens SIGSTORE_ID_TOKEN with aud sigstore) and access to Fulcio and Rekor, or use sign: key',
    );
  return (
    registryFailure(r, p.ref, p.inputs.ref) ??
    new Error(`cosign sign ${p.ref} failed (exit ${r.exitCode}): ${lastError(r)}`)
  );
}

/** One line for a refused `cosign verify`: what was found, and the input that decides what is accepted. */
export function verifyFailure(r: ExecResult, p: VerifyPlan): Error {
  const text = `${r.stderr}\n${r.stdout}`;
  if (r.timedOut)
    return new Error(`cosign verify ${p.ref} timed out after ${Math.round(r.durationMs / 1000)} s`);
  if (p.mode === 'key' && /loading public key|pem to public key/i.test(text))
    return new ActionError(
      `cosign cannot read cosign-public-key: ${lastError(r).replace(/^loading public key:\s*/, '')}`,
      'cosign-public-key',
      'pass the contents of cosign.pub (-----BEGIN PUBLIC KEY-----)',
    );
  if (/no signatures found/i.test(text))
    return new ActionError(
      `${p.ref} is not signed: cosign found no signature for it`,
      'verify-signature',
      `deploy a digest that build signed (sign: ${p.mode}), or set verify-signature: off`,
    );
  if (
    p.mode === 'key' &&
    /no matching signatures|invalid signature|signature mismatch|verification failure/i.test(text)
  )
    return new ActionError(
      `${p.ref} is signed, but not by the key in cosign-public-key (${lastError(r).replace(/^no matching signatures:\s*/, '')})`,
      'cosign-public-key',
      'give the public key of the pair whose private key build signs with (cosign.pub)',
    );
  if (
    p.mode === 'keyless' &&
    /no matching signatures|none of the expected identities|expected .*issuer|certificate/i.test(text)
  ) {
    const input = p.identity.identity ? 'certificate-identity' : 'certificate-identity-regexp';
    return new ActionError(
      `${p.ref} is signed, but by no identity that matches ${p.identity.identity ?? p.identity.identityRegexp} from ${p.identity.issuer} (${lastError(r).replace(/^no matching signatures:\s*/, '')})`,
      input,
      `give the workflow identity that signs in build (${input}) and its issuer (certificate-oidc-issuer)`,
    );
  }
  return (
    registryFailure(r, p.ref, p.inputs.ref) ??
    new Error(`cosign verify ${p.ref} failed (exit ${r.exitCode}): ${lastError(r)}`)
  );
}

export interface VerifiedSignature {
  /** The annotations the signer wrote (repository, commit, ref, run), as cosign read them. */
  annotations: Record<string, string>;
  /** keyless: the certificate's subject and issuer. */
  subject?: string;
  issuer?: string;
}

/** `cosign verify --output json` prints a JSON array of the payloads that passed. */
export function parseVerified(stdout: string): VerifiedSignature[] {
  const line = stdout
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('['));
  if (!line) return [];
  const items = JSON.parse(line) as {
    optional?: Record<string, unknown> | null;
  }[];
  return items.map((it) => {
    const optional = it.optional ?? {};
    const annotations: Record<string, string> = {};
    let subject: string | undefined;
    let issuer: string | undefined;
    for (const [k, v] of Object.entries(optional)) {
      if (k === 'Subject') subject = String(v);
      else if (k === 'Issuer') issuer = String(v);
      else if (typeof v === 'string') annotations[k] = v;
    }
    return { annotations, subject, issuer };
  });
}

/**
 * The cosign to run. A cosign 2.x that the system's package manager installed is used as is (Debian 13
 * packages 2.5.0 and builds it without a version stamp: `cosign version` says "devel"), identified by the
 * package database rather than trusted on its word; so is one on PATH at the pinned version. Anything else
 * is downloaded at the pinned version and checked against its sha256, like trivy.
 */
export function cosignPath(opts: EnsureOptions = {}): Promise<string> {
  // Asked once per job step: `cosign version` alone takes a second on a busy runner.
  const key = JSON.stringify([opts.version, opts.usePath, opts.mirror, opts.table ? 'table' : '']);
  let p = resolved.get(key);
  if (!p) {
    p = findCosign(opts);
    p.catch(() => resolved.delete(key));
    resolved.set(key, p);
  }
  return p;
}

const resolved = new Map<string, Promise<string>>();

async function findCosign(opts: EnsureOptions): Promise<string> {
  const want = (opts.version || PINNED.cosign.version).replace(/^v/, '');
  const onPath = opts.usePath === false ? undefined : which('cosign');
  // The package database answers in milliseconds; starting cosign to ask it takes about a second.
  const pkg = onPath ? await packagedVersion(onPath) : undefined;
  if (pkg && /^2\./.test(pkg)) {
    log.info(`cosign ${pkg}: using ${onPath}, installed by the system's package manager`);
    return onPath!;
  }
  return ensureTool('cosign', { ...opts, version: want });
}

/**
 * The Debian package version of cosign (e.g. 2.5.0 of cosign_2.5.0-2+b5) when that package installed `exe`,
 * else undefined. Its own file list says so; `dpkg-query -S` would read every package's list to find it.
 */
async function packagedVersion(exe: string): Promise<string | undefined> {
  const real = fs.realpathSync(exe);
  const owned = ['cosign.list', `cosign:${process.arch === 'x64' ? 'amd64' : process.arch}.list`].some(
    (f) => {
      try {
        return fs.readFileSync(path.join('/var/lib/dpkg/info', f), 'utf8').split('\n').includes(real);
      } catch {
        return false;
      }
    },
  );
  if (!owned) return undefined;
  const v = await exec(['dpkg-query', '-W', '-f=${Version}', 'cosign'], { echo: false, timeoutMs: 30_000 });
  return v.exitCode === 0 ? versionIn(v.stdout) : undefined;
}

/**
 * Writes key material into `dir` (created 0700) as a 0600 file, for cosign's --key. The caller registers
 * the directory for removal (addCleanup), so the post step deletes it whatever happened.
 */
export function writeKeyFile(dir: string, name: string, pem: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, name);
  fs.writeFileSync(file, pem.endsWith('\n') ? pem : `${pem}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}
