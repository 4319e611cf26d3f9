// Gates stage (through the action bundle) against the same cargo commands run bare, one after another,
// on a warm copy of examples/hello-mcp. Also the bundles' start-up time and size.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { alternate, fmtMs, median, ROOT, table, timeRun, timeTogether } from './lib.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gates-'));
const crate = path.join(work, 'hello-mcp');
fs.cpSync(path.join(ROOT, 'examples', 'hello-mcp'), crate, {
  recursive: true,
  filter: (p) => !p.includes(`${path.sep}target`),
});

const bare = [
  ['cargo', 'fmt', '--all', '--check'],
  ['cargo', 'clippy', '--all-targets', '--', '-D', 'warnings'],
  ['cargo', 'test', '--no-fail-fast'],
];
const runBare = () => bare.reduce((ms, argv) => ms + timeRun(argv, { cwd: crate }), 0);

const outDir = fs.mkdtempSync(path.join(work, 'gh-'));
const actionEnv = {
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: work,
  GITHUB_OUTPUT: path.join(outDir, 'out'),
  GITHUB_STEP_SUMMARY: path.join(outDir, 'summary'),
  INPUT_STAGES: 'gates',
  'INPUT_WORKING-DIRECTORY': 'hello-mcp',
  // cargo-audit needs the advisory database from the network: left out of both sides.
  INPUT_AUDIT: 'false',
  'INPUT_CLIPPY-ARGS': '-D warnings',
};
for (const f of [actionEnv.GITHUB_OUTPUT, actionEnv.GITHUB_STEP_SUMMARY]) fs.writeFileSync(f, '');
const stageArgv = [process.execPath, path.join(ROOT, 'dist', 'index.js')];
const runStage = () => timeRun(stageArgv, { env: actionEnv });

// Warm-up: builds the check and test artifacts once, for both sides.
runBare();
runStage();
const [tBare, tStage] = alternate([runBare, runStage], ROUNDS);
const ratios = tStage.map((t, i) => t / tBare[i]);
// The same commands started together, as the stage runs them: what is left is the stage's own cost.
const tTogether = [];
const tStage2 = [];
for (let i = 0; i < ROUNDS; i++) {
  tTogether.push(await timeTogether(bare, { cwd: crate }));
  tStage2.push(runStage());
}
const overhead = tStage2.map((t, i) => t - tTogether[i]);

const startup = alternate(
  [
    () => timeRun([process.execPath, '-e', '']),
    () => timeRun([process.execPath, path.join(ROOT, 'dist', 'cli.js'), '--help']),
  ],
  15,
);
const distJs = () => fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => /^\d+\.index\.js$/.test(f));
const chunks = () => distJs().length;
const distSize = () =>
  `${(fs.readdirSync(path.join(ROOT, 'dist')).reduce((n, f) => n + fs.statSync(path.join(ROOT, 'dist', f)).size, 0) / 1024).toFixed(0)} KiB`;
const size = (f) => `${(fs.statSync(path.join(ROOT, 'dist', f)).size / 1024).toFixed(0)} KiB`;

console.log(`## Gates stage vs bare cargo (examples/hello-mcp, warm)

${ROUNDS} rounds, alternating, after one warm-up of each. Bare: \`${bare.map((a) => a.join(' ')).join('` → `')}\`, one after
another. Stage: \`node dist/index.js\` with \`INPUT_STAGES=gates\`, \`INPUT_AUDIT=false\` (cargo-audit needs the
advisory database from the network; left out of both sides).

${table(
  ['', 'median', 'min', 'max'],
  [
    ['bare cargo, in sequence', fmtMs(median(tBare)), fmtMs(Math.min(...tBare)), fmtMs(Math.max(...tBare))],
    [
      'gates stage (the gates side by side)',
      fmtMs(median(tStage)),
      fmtMs(Math.min(...tStage)),
      fmtMs(Math.max(...tStage)),
    ],
    [
      'ratio stage / bare (per round)',
      median(ratios).toFixed(3),
      Math.min(...ratios).toFixed(3),
      Math.max(...ratios).toFixed(3),
    ],
  ],
)}

The stage runs the gates side by side. Its own cost, against the same three cargo commands started together
by the benchmark (${ROUNDS} more alternating rounds): Node start-up, loading the bundle, parsing and reporting.

${table(
  ['', 'median', 'min', 'max'],
  [
    [
      'bare cargo, started together',
      fmtMs(median(tTogether)),
      fmtMs(Math.min(...tTogether)),
      fmtMs(Math.max(...tTogether)),
    ],
    ['gates stage', fmtMs(median(tStage2)), fmtMs(Math.min(...tStage2)), fmtMs(Math.max(...tStage2))],
    [
      'stage − together (per round)',
      fmtMs(median(overhead)),
      fmtMs(Math.min(...overhead)),
      fmtMs(Math.max(...overhead)),
    ],
  ],
)}

Bundle start-up (15 rounds alternating): \`node -e ''\` ${fmtMs(median(startup[0]))}, \`node dist/cli.js --help\`
${fmtMs(median(startup[1]))} (median); the bundle adds ${fmtMs(median(startup[1]) - median(startup[0]))}.
Sizes: dist/index.js (the entry) ${size('index.js')}; all of dist/ ${distSize()} in ${chunks()} chunks, each loaded on use.

Command: \`node scripts/bench/gates.mjs\` (BENCH_ROUNDS=${ROUNDS}).
`);
fs.rmSync(work, { recursive: true, force: true });
