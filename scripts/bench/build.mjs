// Build stage (through the action bundle) against the bare `docker buildx build` it runs, with the same flags,
// side by side on a tiny two-platform context, so the stage's own overhead (node start, input parsing, engine
// probes, metadata file, summary) is what shows. Uses the test harness's dockerd and registry helpers.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fmtMs, median, ROOT, table } from './lib.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-build-'));

// The harness helpers are TypeScript: transpile them (no type check needed) rather than start a second copy.
const require = createRequire(import.meta.url);
const ts = require(path.join(ROOT, 'node_modules', 'typescript'));
function load(name) {
  const src = fs.readFileSync(path.join(ROOT, '__tests__', 'support', `${name}.ts`), 'utf8');
  const out = path.join(work, `${name}.cjs`);
  fs.writeFileSync(
    out,
    ts.transpileModule(src, {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    }).outputText,
  );
  return require(out);
}
const { startDockerd } = load('dockerd');
const { startRegistry } = load('registry');

const [engine, reg] = await Promise.all([startDockerd(), startRegistry()]);
try {
  const ctx = path.join(work, 'ctx');
  fs.mkdirSync(ctx);
  fs.writeFileSync(path.join(ctx, 'hello.txt'), 'hello\n');
  fs.writeFileSync(
    path.join(ctx, 'Dockerfile'),
    'FROM --platform=$TARGETPLATFORM scratch\nARG TARGETARCH\nCOPY hello.txt /hello-${TARGETARCH}.txt\n',
  );
  const image = `${reg.host}/bench/app`;
  const gh = path.join(work, 'gh');
  fs.mkdirSync(gh);
  const actionEnv = {
    ...engine.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ctx,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_EVENT_NAME: 'push',
    RUNNER_TEMP: gh,
    GITHUB_OUTPUT: path.join(gh, 'out'),
    GITHUB_STEP_SUMMARY: path.join(gh, 'summary'),
    GITHUB_STATE: path.join(gh, 'state'),
    // Same labels in every round, so both sides push identical content.
    SOURCE_DATE_EPOCH: '1700000000',
    INPUT_STAGES: 'build',
    INPUT_IMAGE: image,
    INPUT_PLATFORMS: 'linux/amd64,linux/arm64',
    // Nothing in the Dockerfile RUNs, and tonistiigi/binfmt cannot be pulled here.
    INPUT_QEMU: 'false',
  };
  const resetFiles = () => ['out', 'summary', 'state'].forEach((f) => fs.writeFileSync(path.join(gh, f), ''));
  resetFiles();
  const stageArgv = [process.execPath, path.join(ROOT, 'dist', 'index.js')];

  // Warm-up, and the exact command the stage ran: the bare side runs it verbatim.
  const warm = spawnSync(stageArgv[0], stageArgv.slice(1), {
    env: { ...process.env, ...actionEnv },
    encoding: 'utf8',
  });
  if (warm.status !== 0) throw new Error(`stage failed:\n${warm.stdout}\n${warm.stderr}`);
  const line = warm.stdout.split('\n').find((l) => l.startsWith('$ docker buildx build'));
  const bare = shellWords(line.slice(2));
  // The bare command runs in the same job environment as the stage (a `run:` step sees GITHUB_* too, and buildx
  // does more work when GITHUB_ACTIONS=true): only the wrapper differs between the two sides.

  // docker-registry 2.8 answers 500 ("invalid checksum digest format") now and then while dockerd writes several
  // tags at once. The stage retries that; the bare command fails. Either way the round measures the registry,
  // not the wrapper: such rounds are dropped (and counted) and run again.
  let dropped = 0;
  const timed = (argv, cwd) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(argv[0], argv.slice(1), {
      cwd,
      env: { ...process.env, ...actionEnv },
      encoding: 'utf8',
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const clean = r.status === 0 && !/transient registry error/.test(r.stdout);
    if (!clean && !/500 Internal Server Error/.test(r.stdout + r.stderr))
      throw new Error(`${argv.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
    return { ms, clean };
  };
  const tBare = [];
  const tStage = [];
  while (tBare.length < ROUNDS) {
    const b = timed(bare, ctx);
    resetFiles();
    const s = timed(stageArgv);
    if (b.clean && s.clean) {
      tBare.push(b.ms);
      tStage.push(s.ms);
    } else if (++dropped > ROUNDS) throw new Error('the registry keeps failing pushes');
  }
  const overhead = tStage.map((t, i) => t - tBare[i]);
  const ratio = tStage.map((t, i) => t / tBare[i]);
  const mBare = median(tBare);
  const mStage = median(tStage);
  const mOver = median(overhead);

  const digest = /^digest<<(\S+)\n(sha256:[a-f0-9]{64})/m.exec(
    fs.readFileSync(path.join(gh, 'out'), 'utf8'),
  )?.[2];
  process.stdout.write(`## Build stage vs bare \`docker buildx build\` (scripts/bench/build.mjs)

A two-platform (linux/amd64, linux/arm64) build of a tiny \`FROM scratch\` context, pushed with 4 tags to a
local registry (docker-registry on 127.0.0.1) by a private dockerd with the containerd image store, docker
driver. Every round is cached, so the numbers are the fixed cost around the build. ${ROUNDS} alternating rounds after a warm-up
(${dropped} more dropped because the registry answered 500 to one side; see the script).

${table(
  ['', 'median', 'min', 'max'],
  [
    ['bare `docker buildx build`', fmtMs(mBare), fmtMs(Math.min(...tBare)), fmtMs(Math.max(...tBare))],
    [
      'build stage (`node dist/index.js`)',
      fmtMs(mStage),
      fmtMs(Math.min(...tStage)),
      fmtMs(Math.max(...tStage)),
    ],
    [
      'overhead (stage − bare, per round)',
      fmtMs(mOver),
      fmtMs(Math.min(...overhead)),
      fmtMs(Math.max(...overhead)),
    ],
    [
      'ratio (stage / bare, per round)',
      `${median(ratio).toFixed(2)}x`,
      `${Math.min(...ratio).toFixed(2)}x`,
      `${Math.max(...ratio).toFixed(2)}x`,
    ],
  ],
)}

Anchor: docker/build-push-action adds about 1.0 s here (median, 2.7x the bare command); the target is at most a
third of that (≤ 0.33 s). The stage's overhead is Node start-up and loading the bundle, reading and checking every
input, the metadata file, outputs and the summary: with several platforms it probes nothing and lets buildx say
when the docker driver cannot do the build (then it creates a docker-container builder). Both sides run in the
same job environment (GITHUB_ACTIONS=true and the rest), as a \`run:\` step would. Last digest: \`${digest ?? '?'}\`.

The bare command, exactly as the stage ran it:

\`\`\`
${line.slice(2)}
\`\`\`
`);
} finally {
  await Promise.all([engine.stop(), reg.stop()]);
  fs.rmSync(work, { recursive: true, force: true });
}

/** Undoes exec.ts's quote() with POSIX rules: '...' quoting, \' outside quotes. */
function shellWords(s) {
  const out = [];
  let cur = null;
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === ' ') {
      if (cur !== null) out.push(cur);
      cur = null;
      i++;
      continue;
    }
    cur ??= '';
    if (c === "'") {
      const j = s.indexOf("'", i + 1);
      cur += s.slice(i + 1, j);
      i = j + 1;
    } else if (c === '\\') {
      cur += s[i + 1];
      i += 2;
    } else {
      cur += c;
      i++;
    }
  }
  if (cur !== null) out.push(cur);
  return out;
}
