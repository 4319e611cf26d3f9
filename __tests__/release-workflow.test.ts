import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './support/action';

/**
 * .github/workflows/release.yml: the credential rules (issue 15) and the order of the release. The parser
 * and SHA-pinning checks for every workflow are in workflows.test.ts.
 */
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { needs?: string | string[]; permissions?: Record<string, string>; steps: Step[]; strategy?: any };
const wf = () => parse(fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8'));
const jobs = (): Record<string, Job> => wf().jobs;
const needs = (j: Job) => ([] as string[]).concat(j.needs ?? []);
const INSTALLS = /\bnpm (ci|install)\b|\bapt-get install\b|\bpip install\b/;
const SECRET = /\$\{\{\s*secrets\./;

describe('the release workflow', () => {
  test('every checkout leaves no token on disk', () => {
    for (const [id, j] of Object.entries(jobs()))
      for (const s of j.steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
        expect({ id, persist: s.with?.['persist-credentials'] }).toEqual({ id, persist: false });
  });

  test('a job that installs packages has no write permission and no secret', () => {
    const installers = Object.entries(jobs()).filter(([, j]) =>
      j.steps.some((s) => INSTALLS.test(s.run ?? '')),
    );
    expect(installers.map(([id]) => id)).toEqual(['prepare']);
    for (const [id, j] of installers) {
      expect({ id, perms: j.permissions }).toEqual({ id, perms: { contents: 'read' } });
      expect(JSON.stringify(j)).not.toMatch(SECRET);
    }
  });

  test('a token reaches only the step that uses it (step env, never job env or with:)', () => {
    const w = wf();
    expect(JSON.stringify(w.env ?? {})).not.toMatch(SECRET);
    for (const [id, j] of Object.entries(jobs())) {
      expect({ id, env: JSON.stringify((j as any).env ?? {}) }).not.toEqual({
        id,
        env: expect.stringMatching(SECRET),
      });
      for (const s of j.steps) {
        expect(JSON.stringify(s.with ?? {})).not.toMatch(SECRET);
        // A run: script never expands a secret inline (it would be part of the script text).
        expect(s.run ?? '').not.toMatch(SECRET);
      }
    }
    const pushers = Object.entries(jobs()).filter(([, j]) =>
      j.steps.some((s) => SECRET.test(JSON.stringify(s.env ?? {}))),
    );
    expect(pushers.map(([id]) => id).sort()).toEqual(['image', 'image-merge', 'move-major-tag', 'npm']);
  });

  test('registry logins use a private DOCKER_CONFIG in the same step as the push, and log out', () => {
    for (const id of ['image', 'image-merge']) {
      const step = jobs()[id].steps.find((s) => s.env?.TOKEN)!;
      expect(step.run).toMatch(/export DOCKER_CONFIG="\$RUNNER_TEMP\/docker-config"/);
      expect(step.run).toMatch(/--password-stdin/);
      expect(step.run).toMatch(/trap 'docker logout ghcr\.io/);
    }
  });

  test('prepares, then publishes npm with provenance and the image for amd64 and arm64 by digest, then moves v1', () => {
    const j = jobs();
    const prepare = j.prepare.steps.map((s) => s.run ?? '').join('\n');
    expect(prepare).toMatch(
      /node scripts\/release-prepare\.mjs --repository "\$GITHUB_REPOSITORY" --version "\$VERSION"/,
    );
    expect(prepare).toMatch(/release-prepare\.mjs --check/);
    expect(j.npm.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(j.npm.steps.map((s) => s.run ?? '').join('\n')).toMatch(
      /npm publish out\/\*\.tgz --provenance --access public/,
    );
    expect(j.image.strategy.matrix.include.map((m: { arch: string }) => m.arch)).toEqual(['amd64', 'arm64']);
    const build = j.image.steps.map((s) => s.run ?? '').join('\n');
    expect(build).toMatch(/--file docker\/Dockerfile --platform "linux\/\$ARCH"/);
    expect(build).toMatch(/push-by-digest=true/);
    expect(j['image-merge'].steps.map((s) => s.run ?? '').join('\n')).toMatch(
      /docker buildx imagetools create/,
    );
    expect(needs(j['image-merge'])).toContain('image');
    expect(needs(j['move-major-tag']).sort()).toEqual(['image-merge', 'npm', 'prepare']);
  });
});
