// `npm run bench`: runs every scripts/bench/<stage>.mjs in turn (never two at once: they would measure
// each other) and writes their Markdown sections to docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv.slice(2);
const order = ['gates', 'build', 'rustbuild', 'scan', 'deploy', 'verify', 'bake', 'sign'];
const benches = fs
  .readdirSync(path.join(root, 'scripts', 'bench'))
  .filter((f) => f.endsWith('.mjs') && f !== 'lib.mjs')
  .map((f) => f.replace(/\.mjs$/, ''))
  .filter((b) => !only.length || only.includes(b))
  .sort((a, b) => order.indexOf(a) - order.indexOf(b));

const sections = [];
for (const b of benches) {
  process.stderr.write(`bench ${b} ...\n`);
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench', `${b}.mjs`)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  sections.push(
    r.status === 0
      ? r.stdout.trim()
      : `## ${b}\n\nThe benchmark failed (exit ${r.status}):\n\n\`\`\`\n${r.stdout.trim().slice(-2000)}\n\`\`\``,
  );
}
const header = `# Benchmarks

Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}),
Node ${process.version}. The machine is shared and noisy: every comparison below is measured side by side in one
run (alternating rounds) and reported as a ratio or a median, never against a number from another run.
`;
const out = path.join(root, 'docs', 'benchmarks.md');
fs.mkdirSync(path.dirname(out), { recursive: true });
const previous = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
// Running a subset keeps the other sections of the previous report.
const kept = only.length
  ? previous
      .split(/\n(?=## )/)
      .slice(1)
      .filter((s) => !benches.some((b) => s.toLowerCase().includes(`scripts/bench/${b}.mjs`)))
  : [];
const rank = (section) => {
  const k = order.findIndex((b) => section.includes(`scripts/bench/${b}.mjs`));
  return k < 0 ? order.length : k;
};
const all = [...sections, ...kept.map((s) => s.trim())].sort((a, b) => rank(a) - rank(b));
fs.writeFileSync(out, [header, ...all].join('\n\n') + '\n');
process.stderr.write(`wrote ${path.relative(root, out)}\n`);
