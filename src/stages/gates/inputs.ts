import * as fs from 'node:fs';
import * as path from 'node:path';
import { readManifest, str, workspaceRoot } from '../../cargo-manifest';
import { ActionError } from '../../errors';
import { INPUTS, type InputReader } from '../../inputs';
import { shellWords } from '../../words';
import { readToolsMirror } from '../../tools';
import type { Scope } from '../../tools/cargo';

export const GATES = ['fmt', 'clippy', 'test', 'audit'] as const;
export type Gate = (typeof GATES)[number];
export const AUDIT_DENY = INPUTS['audit-deny'].allowed;

export interface GatesInputs {
  toolchain: string;
  /** What every gate covers, always explicit (see {@link Scope}). */
  scope: Scope;
  /** [] = default features; ['all'] = --all-features. */
  features: string[];
  clippyArgs: string[];
  testArgs: string[];
  audit: boolean;
  auditIgnore: string[];
  auditDeny: (typeof AUDIT_DENY)[number][];
  /** The Cargo.lock cargo-audit reads, relative to the crate: the workspace's, also from a member's directory. */
  lockfile: string;
  failFast: boolean;
  /** Where cargo-audit is downloaded from, when it is not on PATH. */
  toolsMirror: string;
}

/**
 * The workspace root (a Cargo.toml with [workspace]) means every member, also when it is a package
 * itself; any other Cargo.toml is the one package, whether a workspace member or a crate of its own.
 */
export function cargoScope(cwd: string): Scope {
  const m = readManifest(fs.readFileSync(path.join(cwd, 'Cargo.toml'), 'utf8'));
  const name = str(m.package?.name);
  return m.workspace !== undefined || !name ? { kind: 'workspace' } : { kind: 'package', name };
}

/**
 * cargo-audit takes any string after --ignore but compares it with the advisory's own ID only, so a CVE or
 * GHSA alias (or a typo) ignores nothing and the gate fails on the advisory the user meant to ignore.
 */
function checkAdvisoryId(id: string): void {
  if (/^RUSTSEC-\d{4}-\d{4}$/.test(id)) return;
  const alias = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$/i.test(id);
  throw new ActionError(
    alias
      ? `'${id}' is an alias; cargo-audit ignores advisories by their RUSTSEC ID only`
      : `'${id}' is not a RustSec advisory ID`,
    'audit-ignore',
    alias
      ? `list the RUSTSEC-YYYY-NNNN ID that rustsec.org gives for ${id} (the ID cargo-audit prints)`
      : 'list IDs like RUSTSEC-2023-0071, as cargo-audit prints them',
  );
}

/** Stage.parse: reads and checks the gates' inputs for the crate in `cwd`, inside the checkout `workspace`. */
export function parseGatesInputs(r: InputReader, cwd: string, workspace = cwd): GatesInputs {
  if (!fs.existsSync(path.join(cwd, 'Cargo.toml')))
    throw new ActionError(
      `no Cargo.toml in ${cwd}`,
      'working-directory',
      'point it at the directory of the crate (the one with Cargo.toml)',
    );
  const toolchain = r.string('toolchain');
  if (toolchain && !/^[\w.-]+$/.test(toolchain))
    throw new ActionError(
      `'${toolchain}' is not a toolchain name`,
      'toolchain',
      'use e.g. stable, nightly or 1.95.0',
    );
  const auditIgnore = r.list('audit-ignore');
  auditIgnore.forEach(checkAdvisoryId);
  return {
    toolchain,
    scope: cargoScope(cwd),
    features: r.list('features'),
    clippyArgs: shellWords(r.string('clippy-args'), 'clippy-args'),
    testArgs: shellWords(r.string('test-args'), 'test-args'),
    audit: r.bool('audit'),
    auditIgnore,
    auditDeny: r.subset('audit-deny', AUDIT_DENY),
    lockfile: path.relative(cwd, path.join(workspaceRoot(cwd, workspace), 'Cargo.lock')),
    failFast: r.bool('fail-fast'),
    toolsMirror: readToolsMirror(r),
  };
}
