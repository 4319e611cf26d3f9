import { ActionError } from './errors';

/**
 * Image references, one grammar for every stage (distribution/reference's, with a lower-case host):
 * [host[:port]/]path[:tag][@sha256:<64 hex>]. Build checks its repository with it, scan and deploy their
 * image-ref, verify the image it puts in place of {image}.
 */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const HOST = '(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::[0-9]+)?';
const NAME = `(?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*`;
const REFERENCE = new RegExp(
  `^(?<name>${NAME})(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@sha256:(?<digest>[0-9a-f]{64}))?$`,
);
const REPOSITORY = new RegExp(`^${NAME}$`);

export interface OciRef {
  /** Repository with its host, as written: ghcr.io/o/app, localhost:5000/app, nginx. */
  name: string;
  tag?: string;
  /** The 64 hex digits of a sha256 digest. */
  digest?: string;
}

export function parseReference(ref: string): OciRef | undefined {
  const m = REFERENCE.exec(ref);
  if (!m?.groups) return undefined;
  return { name: m.groups.name, tag: m.groups.tag, digest: m.groups.digest };
}

/** A repository without tag or digest (the build stage's `image`). */
export const isRepository = (name: string): boolean => REPOSITORY.test(name);

export const isDigest = (d: string): boolean => /^sha256:[0-9a-f]{64}$/.test(d);

/** name[:tag][@sha256:...] back as text. */
export const display = (r: OciRef): string =>
  `${r.name}${r.tag ? `:${r.tag}` : ''}${r.digest ? `@sha256:${r.digest}` : ''}`;

/** The reference by digest only, as the build stage hands it on: name@sha256:... */
export const byDigest = (name: string, digest: string): string => `${name}@${digest}`;

/** The repository part of any reference (what manifests name as their image), tag and digest dropped. */
export function imageName(ref: string): string {
  const noDigest = ref.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

/** The registry host of an image reference, as docker decides it: a first part with a dot, a port or `localhost`. */
export function registryOf(image: string): string {
  const first = image.split('/')[0];
  return image.includes('/') && (/[.:]/.test(first) || first === 'localhost') ? first : 'docker.io';
}

/** Loopback registries speak plain HTTP in tests and local setups; everything else must be TLS. */
export function isLoopback(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '');
  return host === 'localhost' || host.startsWith('127.') || host === '[::1]';
}

/** A reference that must be by digest (deploy, and scan unless scan-allow-tag). */
export function checkDigestRef(v: string, input = 'image-ref'): string {
  const p = parseReference(v);
  if (p?.digest) return v;
  if (!v.includes('@'))
    throw new ActionError(
      `'${v}' is not a digest reference: deploys use the digest, never a mutable tag`,
      input,
      'give image@sha256:<64 hex digits>, e.g. the build stage output image-ref',
    );
  throw new ActionError(`'${v}' is not a valid digest reference`, input, 'give image@sha256:<64 hex digits>');
}

/** Validates a reference to scan; with allowTag a mutable tag passes (the caller warns). */
export function checkScanRef(ref: string, allowTag: boolean, input = 'image-ref'): OciRef {
  const p = parseReference(ref);
  if (!p)
    throw new ActionError(
      `'${ref}' is not an image reference`,
      input,
      'use name@sha256:<64 hex>, e.g. ghcr.io/o/app@sha256:…',
    );
  if (!p.digest && !allowTag)
    throw new ActionError(
      `'${ref}' is a mutable tag, not a digest`,
      input,
      "scan what was pushed: name@sha256:<digest> (the build stage's `digest` output), or set scan-allow-tag: true",
    );
  return p;
}
