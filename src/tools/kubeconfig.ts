import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { addCleanup } from '../cleanup';
import { ActionError } from '../errors';
import { registerSecret } from '../report/log';

/**
 * A kubeconfig given as an input is a secret: it is checked here without ever quoting it (the YAML
 * library's own error messages quote the source, so only line numbers are passed on), written 0600 to a
 * private directory and removed by the post step.
 */
export interface KubeconfigInfo {
  contexts: string[];
  /** The context kubectl will use: the `context` input, else current-context. */
  context: string;
  /** API server of that context; an address, not a credential. */
  server: string;
}

const INPUT = 'kubeconfig';

/** Raw YAML or base64 of it (the usual way to store a kubeconfig in a CI secret). */
export function decodeKubeconfig(value: string): string {
  const v = value.trim();
  if (/^[A-Za-z0-9+/=\s]+$/.test(v) && !/^\s*(apiVersion|kind|clusters)\s*:/m.test(v)) {
    const decoded = Buffer.from(v.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (!/^\s*(apiVersion|kind|clusters|contexts|users|current-context)\s*:/m.test(decoded))
      throw new ActionError(
        'is neither kubeconfig YAML nor base64 of it',
        INPUT,
        'paste the kubeconfig file as is, or `base64 -w0` of it',
      );
    return decoded;
  }
  return v;
}

type Named<T> = { name?: unknown } & T;

export function checkKubeconfig(text: string, wantedContext?: string): KubeconfigInfo {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}` : '';
    throw new ActionError(
      `is not valid YAML${where}`,
      INPUT,
      'check the secret holds the whole kubeconfig file',
    );
  }
  const cfg = (doc ?? {}) as Record<string, unknown>;
  if (typeof doc !== 'object' || Array.isArray(doc) || cfg.kind !== 'Config' || cfg.apiVersion !== 'v1')
    throw new ActionError(
      'is not a kubeconfig (expected apiVersion: v1 and kind: Config)',
      INPUT,
      'use the file `kubectl config view --raw --minify` prints',
    );
  const list = <T>(key: string): Named<T>[] => {
    const v = cfg[key];
    if (!Array.isArray(v) || !v.length)
      throw new ActionError(
        `has no ${key}`,
        INPUT,
        'use the file `kubectl config view --raw --minify` prints',
      );
    return v as Named<T>[];
  };
  const clusters = list<{ cluster?: { server?: unknown } }>('clusters');
  const contexts = list<{ context?: { cluster?: unknown; user?: unknown } }>('contexts');
  const users = list<object>('users');
  const names = contexts.map((c) => String(c.name ?? ''));
  const chosen = wantedContext || (typeof cfg['current-context'] === 'string' ? cfg['current-context'] : '');
  if (!chosen)
    throw new ActionError(
      'sets no current-context',
      'context',
      `name one of the kubeconfig's contexts: ${names.join(', ')}`,
    );
  const ctx = contexts.find((c) => c.name === chosen);
  if (!ctx)
    throw new ActionError(
      `context '${chosen}' is not in the kubeconfig`,
      wantedContext ? 'context' : INPUT,
      `use one of: ${names.join(', ')}`,
    );
  const cluster = clusters.find((c) => c.name === ctx.context?.cluster);
  if (!cluster)
    throw new ActionError(
      `context '${chosen}' names a cluster that is not in the kubeconfig`,
      INPUT,
      'list the cluster under clusters',
    );
  if (!users.some((u) => u.name === ctx.context?.user))
    throw new ActionError(
      `context '${chosen}' names a user that is not in the kubeconfig`,
      INPUT,
      'list the user under users',
    );
  const server = cluster.cluster?.server;
  if (typeof server !== 'string' || !/^https?:\/\//.test(server))
    throw new ActionError(
      `cluster of context '${chosen}' has no server address`,
      INPUT,
      'set clusters[].cluster.server',
    );
  return { contexts: names, context: chosen, server };
}

/** Masks the value (and its decoded form, line by line) before anything else looks at it. */
export function readKubeconfig(
  value: string,
  wantedContext?: string,
): { text: string; info: KubeconfigInfo } {
  registerSecret(value);
  const text = decodeKubeconfig(value);
  registerSecret(text);
  return { text, info: checkKubeconfig(text, wantedContext) };
}

/** `$RUNNER_TEMP/mcp-deploy-<random>/kubeconfig`, 0600 in a 0700 directory, removed in the post step. */
export function writeKubeconfig(text: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.RUNNER_TEMP || os.tmpdir();
  const dir = path.join(base, `mcp-deploy-${crypto.randomBytes(6).toString('hex')}`);
  fs.mkdirSync(dir, { mode: 0o700 });
  addCleanup({ kind: 'remove', path: dir });
  const file = path.join(dir, 'kubeconfig');
  fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  return file;
}
