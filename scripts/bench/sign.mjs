// Signing: what `cosign sign` adds to a build and what the deploy-side checks (`cosign verify`, the provenance
// read) add to a deploy, in one run: every round builds and pushes a new two-platform index, signs it, verifies it
// and reads its provenance, so each figure is measured next to the build it belongs to. Uses the test harness's
// dockerd and registry helpers and the cosign on PATH (Debian's, as in CI). Usage: node scripts/bench/sign.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fmtMs, median, ROOT, table } from './lib.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const PASSWORD = 'bench-password';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sign-'));

// The harness helpers are TypeScript: transpile them (no type check needed), as build.mjs does.
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
  const env = { ...process.env, ...engine.env };
  const ctx = path.join(work, 'ctx');
  fs.mkdirSync(ctx);
  fs.writeFileSync(
    path.join(ctx, 'Dockerfile'),
    'FROM --platform=$TARGETPLATFORM scratch\nARG TARGETARCH\nCOPY hello.txt /hello-${TARGETARCH}.txt\n',
  );
  const gitEnv = {
    ...env,
    GIT_AUTHOR_NAME: 'b',
    GIT_AUTHOR_EMAIL: 'b@b',
    GIT_COMMITTER_NAME: 'b',
    GIT_COMMITTER_EMAIL: 'b@b',
  };
  const git = (...args) => execFileSync('git', args, { cwd: ctx, env: gitEnv, encoding: 'utf8' }).trim();
  git('init', '-q');
  git('remote', 'add', 'origin', 'https://github.com/acme/hello-mcp.git');
  execFileSync('cosign', ['generate-key-pair'], {
    cwd: work,
    env: { ...env, COSIGN_PASSWORD: PASSWORD },
    stdio: 'ignore',
  });

  const image = `${reg.host}/bench/app`;
  const meta = path.join(work, 'meta.json');
  const run = (argv, extraEnv = {}) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(argv[0], argv.slice(1), { cwd: ctx, env: { ...env, ...extraEnv }, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
    return { ms, out: r.stdout };
  };
  // The flags the build stage passes for this case (docker driver, containerd store, provenance mode=max).
  const build = () =>
    run([
      'docker',
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--tag',
      `${image}:latest`,
      '--push',
      '--provenance=mode=max',
      '--sbom=false',
      '--metadata-file',
      meta,
      ctx,
    ]);
  const sign = (ref) =>
    run(
      [
        'cosign',
        'sign',
        '--yes',
        '--key',
        path.join(work, 'cosign.key'),
        '--tlog-upload=false',
        '-a',
        'repository=acme/hello-mcp',
        '-a',
        `commit=${git('rev-parse', 'HEAD')}`,
        '-a',
        'ref=refs/heads/main',
        '-a',
        'run=https://github.com/acme/hello-mcp/actions/runs/1',
        ref,
      ],
      { COSIGN_PASSWORD: PASSWORD },
    );
  const verify = (ref) =>
    run([
      'cosign',
      'verify',
      '--key',
      path.join(work, 'cosign.pub'),
      '--insecure-ignore-tlog=true',
      '--output',
      'json',
      ref,
    ]);
  const provenance = (ref) =>
    run(['docker', 'buildx', 'imagetools', 'inspect', ref, '--format', '{{json .Provenance}}']);
  // What src/tools/cosign.ts asks once per step to pick the binary: is it the package's, at which version.
  const cosignExe = fs.realpathSync(
    execFileSync('sh', ['-c', 'command -v cosign'], { encoding: 'utf8' }).trim(),
  );
  const resolve = () => {
    const t0 = process.hrtime.bigint();
    if (!fs.readFileSync('/var/lib/dpkg/info/cosign.list', 'utf8').split('\n').includes(cosignExe))
      throw new Error(`${cosignExe} is not Debian's cosign`);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const v = run(['dpkg-query', '-W', '-f=${Version}', 'cosign']);
    return { ms: ms + v.ms, out: v.out };
  };

  const rows = { build: [], sign: [], verify: [], provenance: [], resolve: [] };
  // Round 0 warms the builder and the registry and is not counted.
  for (let i = 0; i <= ROUNDS; i++) {
    // A new commit and a new file each round: a new index to push and sign, as in a real pipeline.
    fs.writeFileSync(path.join(ctx, 'hello.txt'), `round ${i}\n`);
    git('add', '-A');
    git('commit', '-qm', `round ${i}`);
    const b = build();
    const ref = `${image}@${JSON.parse(fs.readFileSync(meta, 'utf8'))['containerimage.digest']}`;
    // Alternate the order of the deploy-side checks, so neither always runs on a warmer registry.
    const checks =
      i % 2
        ? [
            ['verify', verify],
            ['provenance', provenance],
          ]
        : [
            ['provenance', provenance],
            ['verify', verify],
          ];
    const r = resolve();
    const s = sign(ref);
    const c = Object.fromEntries(checks.map(([k, f]) => [k, f(ref)]));
    if (!c.provenance.out.includes(git('rev-parse', 'HEAD')))
      throw new Error(`provenance of ${ref} lacks the commit`);
    if (i === 0) continue;
    rows.build.push(b.ms);
    rows.sign.push(s.ms);
    rows.resolve.push(r.ms);
    rows.verify.push(c.verify.ms);
    rows.provenance.push(c.provenance.ms);
  }
  const per = (xs, base) => xs.map((x, i) => (100 * x) / base[i]);
  const line = (name, xs) => [name, fmtMs(median(xs)), fmtMs(Math.min(...xs)), fmtMs(Math.max(...xs))];
  const deployChecks = rows.verify.map((v, i) => v + rows.provenance[i]);
  process.stdout.write(`## Signing and verification (scripts/bench/sign.mjs)

Each of ${ROUNDS} rounds (after a warm-up) commits a change to a tiny \`FROM scratch\` context, builds and pushes
the two-platform (linux/amd64, linux/arm64) index with provenance mode=max to docker-registry on 127.0.0.1 from a
private dockerd, signs the index with a key (\`cosign sign --tlog-upload=false\`, cosign ${resolve().out} from Debian),
then runs the two deploy-side checks on it in alternating order: \`cosign verify --key\` and the provenance read
(\`docker buildx imagetools inspect --format '{{json .Provenance}}'\`).

${table(
  ['', 'median', 'min', 'max'],
  [
    line('build and push (bare `docker buildx build`)', rows.build),
    line('package check (once per step, to pick the binary)', rows.resolve),
    line('`cosign sign` on the index', rows.sign),
    line('`cosign verify --key`', rows.verify),
    line('provenance read', rows.provenance),
    line('both deploy checks', deployChecks),
  ],
)}

Signing adds a median **${median(
    per(
      rows.sign.map((s, i) => s + rows.resolve[i]),
      rows.build,
    ),
  ).toFixed(0)} %** to the
build and push it follows (sign plus picking the binary, per round, against that round's build). Deploy's checks add
**${fmtMs(median(deployChecks))}** (median) before the first request to the cluster; the deploy stage itself is
not run here, so no ratio to it is given.
`);
} finally {
  await Promise.all([engine.stop(), reg.stop()]);
  fs.rmSync(work, { recursive: true, force: true });
}
