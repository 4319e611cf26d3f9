import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addCleanup } from '../cleanup';
import type { RunContext } from '../context';
import { exec } from '../exec';
import { log, registerSecret } from '../report/log';
import {
  cosignPath,
  parseVerified,
  publicKeyArgv,
  signArgv,
  signatureRef,
  signEnv,
  signFailure,
  splitDigestRef,
  verifyArgv,
  verifyEnv,
  verifyFailure,
  writeKeyFile,
  type SignPlan,
  type VerifiedSignature,
  type VerifyPlan,
} from '../tools/cosign';
import type { EnsureOptions } from '../tools/install';
import { signAnnotations, type SignSettings, type VerifySettings } from './settings';

export interface CosignRunOptions {
  /** `<repository>@sha256:<hex>`. */
  ref: string;
  /** The input the reference came from, named when the registry is the problem. */
  refInput: string;
  /** The registry speaks plain HTTP (build's registry-insecure). */
  plainHttp: boolean;
  /** A private directory of the stage; key files go in a 0700 directory below it, removed by the post step. */
  tempDir: string;
  /** The docker config the push logged in to: cosign reads the registry credentials from it. */
  dockerConfig?: string;
  /** How to find or install cosign (tools-mirror, a test's release table). */
  install?: EnsureOptions;
  timeoutMs?: number;
}

/** A fresh directory for key material, removed at the end of the job whatever happens. */
function keyDir(tempDir: string): string {
  const dir = path.join(tempDir, `cosign-${randomBytes(6).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  addCleanup({ kind: 'remove', path: dir });
  return dir;
}

const dockerEnv = (o: CosignRunOptions) => (o.dockerConfig ? { DOCKER_CONFIG: o.dockerConfig } : {});

export interface Signed {
  /** Where the signature is: `<repository>:sha256-<hex>.sig`. */
  signature: string;
  mode: 'key' | 'keyless';
  durationMs: number;
}

/** Signs the pushed digest (the index for several platforms) with the annotations of this run. */
export async function signImage(
  s: Exclude<SignSettings, { mode: 'off' }>,
  ctx: RunContext,
  o: CosignRunOptions,
): Promise<Signed> {
  splitDigestRef(o.ref, o.refInput);
  const cosign = await cosignPath(o.install);
  let dir: string | undefined;
  let password = '';
  let keyFile: string | undefined;
  if (s.mode === 'key') {
    registerSecret(s.privateKey);
    registerSecret(s.password);
    password = s.password;
    dir = keyDir(o.tempDir);
    keyFile = writeKeyFile(dir, 'cosign.key', s.privateKey);
  }
  const plan: SignPlan = {
    mode: s.mode,
    ref: o.ref,
    keyFile,
    transparencyLog: s.transparencyLog,
    plainHttp: o.plainHttp,
    annotations: signAnnotations(ctx),
    inputs: { ref: o.refInput },
  };
  try {
    const r = await exec(signArgv(cosign, plan), {
      env: signEnv(plan, password, dockerEnv(o)),
      timeoutMs: o.timeoutMs ?? 300_000,
    });
    if (r.exitCode !== 0) throw signFailure(r, plan);
    const signature = signatureRef(`${r.stderr}\n${r.stdout}`, o.ref);
    log.info(
      `signed ${o.ref} (${s.mode}${s.transparencyLog ? ', recorded in the transparency log' : ''}): ${signature}`,
    );
    return { signature, mode: s.mode, durationMs: r.durationMs };
  } finally {
    // The post step removes it too; no reason to keep the key on disk until then.
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Key mode: cosign decrypts cosign-private-key with cosign-password once before the build, so a wrong
 * password or a key cosign cannot read fails before anything is pushed, in the same one line as signing.
 */
export async function checkSigningKey(
  s: Extract<SignSettings, { mode: 'key' }>,
  o: Pick<CosignRunOptions, 'tempDir' | 'install' | 'timeoutMs'>,
): Promise<void> {
  const cosign = await cosignPath(o.install);
  registerSecret(s.privateKey);
  registerSecret(s.password);
  const dir = keyDir(o.tempDir);
  const plan: SignPlan = {
    mode: 'key',
    ref: '',
    keyFile: writeKeyFile(dir, 'cosign.key', s.privateKey),
    transparencyLog: s.transparencyLog,
    plainHttp: false,
    annotations: {},
    inputs: { ref: 'image' },
  };
  try {
    const r = await exec(publicKeyArgv(cosign, plan.keyFile!), {
      env: signEnv(plan, s.password),
      timeoutMs: o.timeoutMs ?? 60_000,
    });
    if (r.exitCode !== 0) throw signFailure(r, plan);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface Verified {
  signatures: VerifiedSignature[];
  durationMs: number;
}

/**
 * Checks that the digest carries a signature by the key, or by the identity, deploy accepts. Refusals are
 * ActionErrors naming the input; nothing else has run against the cluster by then.
 */
export async function verifyImage(
  s: Exclude<VerifySettings, { mode: 'off' }>,
  o: CosignRunOptions,
): Promise<Verified> {
  splitDigestRef(o.ref, o.refInput);
  const cosign = await cosignPath(o.install);
  let dir: string | undefined;
  const common = {
    ref: o.ref,
    transparencyLog: s.transparencyLog,
    plainHttp: o.plainHttp,
    inputs: { ref: o.refInput },
  };
  let plan: VerifyPlan;
  if (s.mode === 'key') {
    dir = keyDir(o.tempDir);
    plan = { ...common, mode: 'key', publicKeyFile: writeKeyFile(dir, 'cosign.pub', s.publicKey) };
  } else plan = { ...common, mode: 'keyless', identity: s.identity };
  try {
    const r = await exec(verifyArgv(cosign, plan), {
      env: verifyEnv(dockerEnv(o)),
      timeoutMs: o.timeoutMs ?? 120_000,
    });
    if (r.exitCode !== 0) throw verifyFailure(r, plan);
    const signatures = parseVerified(r.stdout);
    if (!signatures.length) throw verifyFailure({ ...r, stderr: `${r.stderr}\nno signatures found` }, plan);
    const a = signatures[0].annotations;
    log.info(
      `verified ${o.ref}: ${signatures.length} signature${signatures.length === 1 ? '' : 's'} (${s.mode})${a.commit ? `, signed for ${a.repository || '?'}@${a.commit}` : ''}`,
    );
    return { signatures, durationMs: r.durationMs };
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
