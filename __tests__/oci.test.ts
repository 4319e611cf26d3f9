import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ActionError } from '../src/errors';
import { InputReader } from '../src/inputs';
import {
  byDigest,
  checkDigestRef,
  checkScanRef,
  display,
  imageName,
  isRepository,
  parseReference,
} from '../src/oci';
import { resolveRun } from '../src/resolved';
import { localContext } from '../src/context';
import { prepare } from '../src/pipeline';

const HEX = 'ab'.repeat(32);

describe('one image reference grammar for build, scan, deploy and verify', () => {
  test.each([
    [`ghcr.io/o/app@sha256:${HEX}`, { name: 'ghcr.io/o/app', tag: undefined, digest: HEX }],
    [`localhost:5000/a/b:1.2@sha256:${HEX}`, { name: 'localhost:5000/a/b', tag: '1.2', digest: HEX }],
    ['nginx', { name: 'nginx', tag: undefined, digest: undefined }],
    ['ghcr.io/o/a__b-c.d:v1', { name: 'ghcr.io/o/a__b-c.d', tag: 'v1', digest: undefined }],
    [`ghcr.io/o/a..b@sha256:${HEX}`, undefined],
    ['ghcr.io/O/app', undefined],
    [`ghcr.io/o/app@sha256:${HEX.toUpperCase()}`, undefined],
    ['ghcr.io/o/app@sha256:abc', undefined],
    ['--config=/etc/passwd', undefined],
    ['ghcr.io/o/app:', undefined],
    ['', undefined],
  ])('%s', (ref, want) => {
    const p = parseReference(ref);
    expect(p).toEqual(want);
    if (p) expect(display(p)).toBe(ref);
  });

  test('scan and deploy agree on what is a reference (scan once took a..b, deploy refused it)', () => {
    const odd = `ghcr.io/o/a..b@sha256:${HEX}`;
    expect(() => checkScanRef(odd, false)).toThrow(ActionError);
    expect(() => checkDigestRef(odd)).toThrow(ActionError);
    const good = `ghcr.io/o/a.b@sha256:${HEX}`;
    expect(checkScanRef(good, false).digest).toBe(HEX);
    expect(checkDigestRef(good)).toBe(good);
  });

  test('repositories, names and digest references', () => {
    expect([isRepository('ghcr.io/o/app'), isRepository('ghcr.io/o/app:v1'), isRepository('App')]).toEqual([
      true,
      false,
      false,
    ]);
    expect(imageName(`ghcr.io/o/app:v1@sha256:${HEX}`)).toBe('ghcr.io/o/app');
    expect(byDigest('ghcr.io/o/app', `sha256:${HEX}`)).toBe(`ghcr.io/o/app@sha256:${HEX}`);
  });
});

describe('cross-stage values resolved once', () => {
  const reader = (v: Record<string, string>) => new InputReader((n) => v[n] ?? '');

  test('with build in the run, scan/deploy/verify act on what it pushes', () => {
    expect(resolveRun(reader({ stages: 'build,scan,deploy' }))).toEqual({
      stages: ['build', 'scan', 'deploy'],
      image: { from: 'build' },
    });
    expect(resolveRun(reader({ stages: 'deploy', 'image-ref': `a@sha256:${HEX}` })).image).toEqual({
      from: 'input',
      ref: `a@sha256:${HEX}`,
    });
  });

  test('image-ref together with build is refused before anything runs, in one line naming image-ref', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'resolve-'));
    const ctx = localContext({}, ws);
    await expect(
      prepare(reader({ stages: 'gates,build,scan,deploy', 'image-ref': `ghcr.io/o/app@sha256:${HEX}` }), ctx),
    ).rejects.toThrow(
      /^input 'image-ref': is set, but the build stage of this run decides the image[^\n]*\(fix: remove image-ref/,
    );
  });
});
