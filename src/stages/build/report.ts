import { ActionError } from '../../errors';
import type { ExecResult } from '../../exec';
import { Summary } from '../../report/summary';
import type { Signed } from '../../signing';
import { plural, secs } from '../../text';
import type { StageResult } from '../stage';
import type { BuildInputs } from './inputs';
import { hostArch, type Decisions, type TagPlan } from './plan';

/** What a build, a merge or a buildah run produced. */
export interface Built {
  digest: string;
  platforms: string[];
  metadata: Record<string, unknown>;
  attempts: number;
  pushedRefs: string[];
}

/** The lines of a failed build worth showing: buildx's ERROR lines, else the tail. */
export function errorLines(output: string, n = 8): string {
  const errors = output.split('\n').filter((l) => /\bERROR\b|^error|Error response/i.test(l));
  return (errors.length ? errors : output.trim().split('\n')).slice(-n).join('\n');
}

export function authError(i: BuildInputs, what: string, r: ExecResult): ActionError {
  const detail = errorLines(`${r.stderr}\n${r.stdout}`, 3);
  return i.password
    ? new ActionError(
        `registry ${i.registry} refused the credentials of '${i.username}' (${what}): ${detail}`,
        'password',
        `check 'password' and 'username' (on GitHub pass \${{ secrets.GITHUB_TOKEN }} with permissions packages: write)`,
      )
    : new ActionError(
        `registry ${i.registry} needs credentials (${what}): ${detail}`,
        'password',
        `set 'username' and 'password', or log in to ${i.registry} before this step`,
      );
}

export function commandFailed(what: string, r: ExecResult, attempts: number, note = ''): Error {
  return new Error(
    `${what} failed${attempts > 1 ? ` after ${attempts} attempts` : ''}${note} (exit ${r.exitCode}):\n${errorLines(`${r.stderr}\n${r.stdout}`)}`,
  );
}

/** A RUN step for a foreign platform had nothing to execute it: the setting to change is qemu. */
export function foreignRunFailed(i: BuildInputs, r: ExecResult): ActionError {
  const foreign = [...new Set(i.platforms.filter((p) => p.split('/')[1] !== hostArch()))];
  // buildx's step lines start with `#<step> <seconds> `: the kernel's words are what follows.
  const cause = r.stderr
    .split('\n')
    .find((l) => l.includes('exec format error'))
    ?.replace(/^#\d+\s+[\d.]+\s+/, '')
    .trim();
  return new ActionError(
    `a RUN step for ${foreign.join(', ') || 'the target platform'} could not execute: no emulator for it is registered on this runner (${cause ?? 'exec format error'})`,
    'qemu',
    i.qemu === 'false'
      ? 'set qemu: auto to set up QEMU, build that platform on a native runner (build-mode by-digest + merge), or cross-compile in a $BUILDPLATFORM stage'
      : 'build that platform on a native runner (build-mode by-digest + merge), or cross-compile in a $BUILDPLATFORM stage',
  );
}

export function emulationFailed(archs: string[], r: ExecResult): ActionError {
  return new ActionError(
    `could not set up emulation for ${archs.join(', ')}: ${errorLines(r.stderr, 3)}`,
    'qemu',
    'build each platform on a native runner (build-mode by-digest + merge), or set qemu: false if the Dockerfile runs nothing',
  );
}

export function builderFailed(r: ExecResult): ActionError {
  return new ActionError(
    `could not create a docker-container builder: ${errorLines(r.stderr, 3)}`,
    'builder-driver',
    'set builder-driver: docker on an engine with the containerd image store, or make moby/buildkit pullable',
  );
}

/**
 * The note a failed push's error gets on which tags moved: `pushed` are the tags that now point at what the
 * build pushed, `undefined` when buildx pushed no manifest at all.
 */
export function tagsMovedNote(pushed: string[] | undefined, not: string[]): string {
  if (!pushed) return `; buildx pushed no manifest, so no tag moved`;
  return pushed.length
    ? `, ${pushed.length} of ${pushed.length + not.length} tags moved (pushed: ${pushed.join(', ')}; not pushed: ${not.join(', ') || 'none'})`
    : `; no tag points at what it pushed (not pushed: ${not.join(', ')})`;
}

export interface BuildReport {
  t: TagPlan;
  built: Built;
  /** What run() decided about the builder (buildx builds only). */
  decisions?: Decisions;
  /** Where the image's binary came from (buildx builds only). */
  binaryRow?: string;
  signed?: Signed;
  /** image@digest, or '' when nothing was pushed. */
  imageRef: string;
  ms: number;
}

/** The stage's summary table, headline and outputs. */
export function buildResult(i: BuildInputs, r: BuildReport): StageResult {
  const { t, built, decisions, signed } = r;
  const tagsOut = i.mode === 'by-digest' ? built.pushedRefs : t.refs;
  const labels = Object.entries(t.labels).map(([k, v]) => `${k}=${v}`);
  const summary = new Summary()
    .heading('Build')
    .table(
      ['What', 'Value'],
      [
        ['Image', `\`${i.image}\``],
        ['Digest', built.digest ? `\`${built.digest}\`` : '(not pushed)'],
        ['Platforms', built.platforms.join(', ')],
        ['Tags', tagsOut.length ? tagsOut.map((ref) => `\`${ref}\``).join('<br>') : '(by digest only)'],
        [
          'Mode',
          `${i.builder} ${i.mode}${i.push ? '' : ', not pushed'}${decisions?.createBuilder ? ', docker-container builder' : ''}${decisions?.emulate.length ? `, QEMU for ${decisions.emulate.join(', ')}` : ''}`,
        ],
        ...(r.binaryRow ? [['Binary', r.binaryRow]] : []),
        ['Signature', signed ? `\`${signed.signature}\` (${signed.mode})` : 'not signed'],
        ['Time', `${secs(r.ms)}${built.attempts > 1 ? ` (${built.attempts} attempts)` : ''}`],
      ],
    );
  summary.details('OCI labels', labels.join('\n'));
  return {
    status: 'success',
    headline: `${plural(tagsOut.length, 'tag')}, ${plural(built.platforms.length, 'platform')}${r.imageRef ? '' : ', not pushed'}`,
    summary,
    outputs: {
      image: i.image,
      digest: built.digest,
      'image-ref': r.imageRef,
      tags: tagsOut.join('\n'),
      labels: labels.join('\n'),
      metadata: JSON.stringify(built.metadata),
      signature: signed?.signature ?? '',
    },
  };
}
