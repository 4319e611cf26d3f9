import type { RunContext } from '../context';
import { ActionError } from '../errors';
import type { KeylessIdentity } from '../tools/cosign';

/**
 * What build signs with and what deploy accepts, decided from the inputs before anything is built or
 * changed: a setting that cannot work fails here, in one line naming the input.
 */
type Env = Record<string, string | undefined>;

export const SIGN_MODES = ['auto', 'keyless', 'key', 'off'] as const;
export const VERIFY_MODES = ['off', 'key', 'keyless'] as const;

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export interface SignInputs {
  sign: string;
  'transparency-log': string;
  /** Secret: the PEM text of cosign.key. */
  'cosign-private-key': string;
  /** Secret. */
  'cosign-password': string;
}

export type SignSettings =
  | { mode: 'off'; note?: string }
  | { mode: 'keyless'; transparencyLog: true; note?: string }
  | { mode: 'key'; transparencyLog: boolean; privateKey: string; password: string; note?: string };

function bool(raw: string, input: string, fallback: boolean): boolean {
  const v = raw.trim().toLowerCase();
  if (!v) return fallback;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new ActionError(`'${raw.trim()}' is not a boolean`, input, 'use true or false');
}

function oneOf<T extends string>(raw: string, input: string, allowed: readonly T[], fallback: T): T {
  const v = raw.trim() || fallback;
  if (!(allowed as readonly string[]).includes(v))
    throw new ActionError(
      `'${v}' is not one of ${allowed.join(', ')}`,
      input,
      `use one of ${allowed.join(', ')}`,
    );
  return v as T;
}

/** An OIDC token cosign can pick up without being handed one: GitHub's token service, or GitLab's id_tokens. */
export function oidcAvailable(ctx: RunContext, env: Env): boolean {
  if (ctx.platform === 'github')
    return !!env.ACTIONS_ID_TOKEN_REQUEST_URL && !!env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  return !!env.SIGSTORE_ID_TOKEN;
}

const NO_TOKEN_FIX =
  'give the job permissions id-token: write (GitHub) or id_tokens: SIGSTORE_ID_TOKEN with aud: sigstore (GitLab), or use sign: key';

/**
 * `auto` signs with the key when one is given, keyless where the job can get an OIDC token, and not at all
 * elsewhere, saying so in one line. Keyless certificates live ten minutes: without the transparency log
 * nothing could verify them later, so keyless requires it.
 */
export function resolveSign(raw: SignInputs, ctx: RunContext, env: Env = process.env): SignSettings {
  const requested = oneOf(raw.sign, 'sign', SIGN_MODES, 'auto');
  const transparencyLog = bool(raw['transparency-log'], 'transparency-log', true);
  const privateKey = raw['cosign-private-key'].trim();
  const password = raw['cosign-password'];
  if (requested === 'off') return { mode: 'off' };
  if (requested === 'key' || (requested === 'auto' && privateKey)) {
    if (!privateKey)
      throw new ActionError(
        'is required with sign: key',
        'cosign-private-key',
        'pass the contents of cosign.key from `cosign generate-key-pair` as a secret',
      );
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey))
      throw new ActionError(
        'is not a PEM private key',
        'cosign-private-key',
        'pass the contents of cosign.key (-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----), not its path or the public key',
      );
    return {
      mode: 'key',
      transparencyLog,
      privateKey,
      password,
      note: requested === 'auto' ? 'sign: auto signs with cosign-private-key' : undefined,
    };
  }
  if (requested === 'keyless') {
    if (!transparencyLog)
      throw new ActionError(
        'keyless signing needs the transparency log',
        'transparency-log',
        'set transparency-log: true, or use sign: key for a private or offline registry',
      );
    if (!oidcAvailable(ctx, env))
      throw new ActionError(
        'keyless signing needs an OIDC token and this job has none',
        'sign',
        NO_TOKEN_FIX,
      );
    return { mode: 'keyless', transparencyLog: true };
  }
  if (!oidcAvailable(ctx, env))
    return {
      mode: 'off',
      note: `sign: auto does not sign here: no OIDC token for keyless signing (${ctx.platform === 'github' ? 'the job lacks permissions id-token: write' : 'no SIGSTORE_ID_TOKEN'}) and no cosign-private-key`,
    };
  if (!transparencyLog)
    return {
      mode: 'off',
      note: 'sign: auto does not sign here: keyless signing needs transparency-log: true; use sign: key for a private registry',
    };
  return { mode: 'keyless', transparencyLog: true, note: 'sign: auto signs keyless with the job OIDC token' };
}

/** repository, commit, ref and run: what a signature says about where it was made. */
export function signAnnotations(ctx: RunContext): Record<string, string> {
  return {
    repository: ctx.repository ?? '',
    commit: ctx.sha,
    ref: ctx.ref,
    run: ctx.runUrl ?? '',
  };
}

export interface VerifyInputs {
  'verify-signature': string;
  'transparency-log': string;
  /** The PEM text of cosign.pub. */
  'cosign-public-key': string;
  'certificate-identity': string;
  'certificate-identity-regexp': string;
  'certificate-oidc-issuer': string;
}

export type VerifySettings =
  | { mode: 'off' }
  | { mode: 'key'; transparencyLog: boolean; publicKey: string }
  | { mode: 'keyless'; transparencyLog: true; identity: KeylessIdentity };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The identity a keyless signature of this repository carries: the certificate's subject is the workflow
 * that signed (GitHub: https://github.com/OWNER/REPO/.github/workflows/FILE@REF; GitLab:
 * https://gitlab.example/GROUP/PROJECT//CONFIG@REF), its issuer the platform's token service.
 */
export function defaultIdentity(ctx: RunContext): KeylessIdentity | undefined {
  if (!ctx.repositoryUrl) return undefined;
  const base = escapeRegExp(ctx.repositoryUrl.replace(/\/+$/, ''));
  if (ctx.platform === 'github')
    return { identityRegexp: `^${base}/\\.github/workflows/[^@]+@refs/.+$`, issuer: GITHUB_ISSUER };
  if (ctx.platform === 'gitlab')
    return { identityRegexp: `^${base}//[^@]+@refs/.+$`, issuer: new URL(ctx.repositoryUrl).origin };
  return undefined;
}

export function resolveVerify(raw: VerifyInputs, ctx: RunContext): VerifySettings {
  const mode = oneOf(raw['verify-signature'], 'verify-signature', VERIFY_MODES, 'off');
  const transparencyLog = bool(raw['transparency-log'], 'transparency-log', true);
  if (mode === 'off') return { mode };
  if (mode === 'key') {
    const publicKey = raw['cosign-public-key'].trim();
    if (!publicKey)
      throw new ActionError(
        'is required with verify-signature: key',
        'cosign-public-key',
        'pass the contents of cosign.pub, the public half of the key build signs with',
      );
    if (!/-----BEGIN PUBLIC KEY-----/.test(publicKey))
      throw new ActionError(
        'is not a PEM public key',
        'cosign-public-key',
        'pass the contents of cosign.pub (-----BEGIN PUBLIC KEY-----)',
      );
    return { mode, transparencyLog, publicKey };
  }
  if (!transparencyLog)
    throw new ActionError(
      'keyless signatures are verified against the transparency log',
      'transparency-log',
      'set transparency-log: true, or sign and verify with a key (verify-signature: key)',
    );
  const identity = raw['certificate-identity'].trim();
  const identityRegexp = raw['certificate-identity-regexp'].trim();
  if (identity && identityRegexp)
    throw new ActionError(
      'cannot be combined with certificate-identity',
      'certificate-identity-regexp',
      'give one of certificate-identity and certificate-identity-regexp',
    );
  if (identityRegexp) {
    try {
      new RegExp(identityRegexp);
    } catch (e) {
      throw new ActionError(
        `'${identityRegexp}' is not a regular expression (${(e as Error).message})`,
        'certificate-identity-regexp',
        'escape the dots and slashes, e.g. ^https://github\\.com/OWNER/REPO/\\.github/workflows/.+$',
      );
    }
  }
  const fallback = defaultIdentity(ctx);
  const issuer = raw['certificate-oidc-issuer'].trim() || fallback?.issuer;
  if (!identity && !identityRegexp && !fallback)
    throw new ActionError(
      'is required with verify-signature: keyless outside GitHub and GitLab',
      'certificate-identity',
      'give the identity that signs in build (the signing certificate subject)',
    );
  if (!issuer)
    throw new ActionError(
      'is required with verify-signature: keyless outside GitHub and GitLab',
      'certificate-oidc-issuer',
      'give the OIDC issuer of the signing identity, e.g. https://token.actions.githubusercontent.com',
    );
  // On GitHub the certificate must also say the run was for this repository, whichever workflow signed.
  const githubRepository = ctx.platform === 'github' && issuer === GITHUB_ISSUER ? ctx.repository : undefined;
  const who = identity ? { identity } : { identityRegexp: identityRegexp || fallback!.identityRegexp };
  return {
    mode,
    transparencyLog: true,
    identity: { ...who, issuer, ...(githubRepository ? { githubRepository } : {}) },
  };
}
