import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, spawnAsync } from './support/action';
import { describeWith, missingCommands } from './support/skip';

/**
 * The replay harness on a small caller + reusable workflow written for this test, where every answer is
 * known: a matrix from another job's output (fromJSON), artifacts passed between jobs, a reusable
 * workflow's typed inputs, secrets and outputs, `needs` with skipped and failed jobs, `if: failure()`,
 * environments and concurrency. workflow-replay.test.ts runs the real workflows with it.
 */
const UPLOAD = 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02';
const DOWNLOAD = 'actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093';
const REF = 'acme/tools/.github/workflows/parts.yml@v2';

const REUSABLE = `name: parts
on:
  workflow_call:
    inputs:
      targets: {type: string, default: 'a,b'}
      fail: {type: boolean, default: false}
    secrets:
      token: {required: false}
    outputs:
      joined:
        value: \${{ jobs.join.outputs.joined }}
permissions: {}
jobs:
  plan:
    runs-on: ubuntu-latest
    outputs:
      matrix: \${{ steps.m.outputs.matrix }}
    steps:
      - id: m
        env:
          TARGETS: \${{ inputs.targets }}
        run: |
          echo "matrix=$(jq -cn --arg t "$TARGETS" '[$t | split(",")[] | {name: .}]')" >> "$GITHUB_OUTPUT"
  each:
    needs: plan
    runs-on: ubuntu-latest
    strategy:
      matrix:
        include: \${{ fromJSON(needs.plan.outputs.matrix) }}
    steps:
      - env:
          NAME: \${{ matrix.name }}
        run: mkdir -p out && echo "$NAME" > "out/$NAME"
      - uses: ${UPLOAD} # v4.6.2
        with:
          name: part-\${{ matrix.name }}
          path: out/\${{ matrix.name }}
          if-no-files-found: error
  join:
    needs: each
    runs-on: ubuntu-latest
    outputs:
      joined: \${{ steps.j.outputs.joined }}
    steps:
      - uses: ${DOWNLOAD} # v4.3.0
        with:
          pattern: part-*
          merge-multiple: true
          path: parts
      - id: j
        run: echo "joined=$(cat parts/* | sort | paste -sd+ -)" >> "$GITHUB_OUTPUT"
  deploy:
    needs: join
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    environment:
      name: staging
      url: https://staging.example.com/\${{ needs.join.outputs.joined }}
    concurrency:
      group: parts-\${{ github.repository }}-staging
      cancel-in-progress: false
    steps:
      - env:
          FAIL: \${{ inputs.fail }}
          TOKEN: \${{ secrets.token }}
        run: |
          echo "token has \${#TOKEN} characters" >> "$GITHUB_STEP_SUMMARY"
          test "$FAIL" != true
      - if: failure()
        run: echo "cleaning up" >> "$GITHUB_STEP_SUMMARY"
  undo:
    needs: deploy
    if: failure()
    runs-on: ubuntu-latest
    steps:
      - run: echo undone
`;

const CALLER = `name: caller
on: push
permissions: {}
jobs:
  call:
    uses: ${REF}
    with:
      targets: x,z,y
    secrets:
      token: \${{ secrets.TOKEN }}
  after:
    needs: call
    runs-on: ubuntu-latest
    steps:
      - env:
          J: \${{ needs.call.outputs.joined }}
        run: echo "$J" >> "$GITHUB_STEP_SUMMARY"
`;

interface Step {
  name: string;
  result: string;
  summary?: string;
}
interface Replay {
  result: string;
  jobs: {
    job: string;
    result: string;
    condition?: string;
    matrix?: unknown[];
    steps?: Step[];
    needs?: object;
  }[];
  environments: object[];
  artifacts: { job: string; name: string }[];
  outputs: Record<string, Record<string, string>>;
}

describeWith(
  'the workflow replay harness on a workflow with known answers',
  missingCommands('bash', 'jq'),
  () => {
    jest.setTimeout(120_000);
    let tmp: string;
    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replay-harness-'));
      fs.writeFileSync(path.join(tmp, 'parts.yml'), REUSABLE);
      fs.writeFileSync(path.join(tmp, 'caller.yml'), CALLER);
      fs.mkdirSync(path.join(tmp, 'repo'));
    });
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

    async function replay(ref: string, overrides: Record<string, unknown> = {}): Promise<Replay> {
      const work = fs.mkdtempSync(path.join(tmp, 'run-'));
      const spec = {
        caller: path.join(tmp, 'caller.yml'),
        reusable: { ref: REF, file: path.join(tmp, 'parts.yml'), sha: 'f'.repeat(40) },
        actionRepo: { name: 'acme/tools', dir: tmp },
        repository: 'acme/app',
        event: { name: 'push', ref, sha: 'e'.repeat(40), payload: { ref } },
        secrets: { TOKEN: 'sekrit-1234' },
        withOverrides: overrides,
        callerRepoDir: path.join(tmp, 'repo'),
        runnerEnv: { PATH: process.env.PATH ?? '', HOME: tmp },
        workDir: work,
        cacheDir: path.join(tmp, 'runner'),
        stepTimeoutMs: 30_000,
      };
      fs.writeFileSync(path.join(work, 'spec.json'), JSON.stringify(spec));
      const r = await spawnAsync(
        [
          process.execPath,
          '--import',
          path.join(ROOT, '__tests__', 'support', 'workflow-parser-loader.mjs'),
          path.join(ROOT, '__tests__', 'support', 'workflow-replay.mjs'),
          path.join(work, 'spec.json'),
        ],
        { PATH: process.env.PATH ?? '' },
        100_000,
      );
      if (r.status !== 0) throw new Error(`the replay failed (${r.status}):\n${r.stderr}`);
      return JSON.parse(r.stdout) as Replay;
    }
    const results = (r: Replay) => Object.fromEntries(r.jobs.map((j) => [j.job, j.result]));
    const job = (r: Replay, id: string) => r.jobs.find((j) => j.job === id)!;

    test('main: a matrix from a job output, artifacts joined, typed inputs, secrets, outputs up to the caller', async () => {
      const r = await replay('refs/heads/main');
      expect(results(r)).toEqual({
        call: 'success',
        'call/plan': 'success',
        'call/each': 'success',
        'call/join': 'success',
        'call/deploy': 'success',
        'call/undo': 'skipped',
        after: 'success',
      });
      expect(job(r, 'call/each').matrix).toEqual([{ name: 'x' }, { name: 'z' }, { name: 'y' }]);
      expect(r.artifacts.map((a) => a.name)).toEqual(['part-x', 'part-z', 'part-y']);
      expect(r.outputs.call).toEqual({ joined: 'x+y+z' });
      expect(job(r, 'after').steps![0].summary).toBe('x+y+z\n');
      const deploy = job(r, 'call/deploy').steps!;
      expect(deploy[0].summary).toBe('token has 11 characters\n');
      expect(deploy[1].result).toBe('skipped');
      expect(r.environments).toEqual([
        { job: 'call/deploy', name: 'staging', url: 'https://staging.example.com/x+y+z' },
      ]);
      expect(job(r, 'call/undo').condition).toBe('failure()');
    });

    test('a failing deploy: its failure() step runs, the undo job runs, the caller’s next job is skipped', async () => {
      const r = await replay('refs/heads/main', { fail: true });
      expect(r.result).toBe('failure');
      expect(results(r)).toMatchObject({
        call: 'failure',
        'call/deploy': 'failure',
        'call/undo': 'success',
        after: 'skipped',
      });
      expect(job(r, 'call/deploy').steps!.map((s) => s.result)).toEqual(['failure', 'success']);
      expect(job(r, 'call/deploy').steps![1].summary).toBe('cleaning up\n');
    });

    test('another branch: deploy skipped by its condition (recorded), its dependants skipped too', async () => {
      const r = await replay('refs/heads/feature');
      expect(results(r)).toMatchObject({
        'call/deploy': 'skipped',
        'call/undo': 'skipped',
        after: 'success',
      });
      expect(job(r, 'call/deploy').condition).toBe("success() && (github.ref == 'refs/heads/main')");
      expect(job(r, 'call/undo').needs).toEqual({ deploy: 'skipped' });
      expect(r.environments).toEqual([]);
    });
  },
);
