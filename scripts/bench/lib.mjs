// Shared helpers for the benchmark scripts: timing whole commands, medians, Markdown tables.
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** Wall time of one command in ms; throws when it exits with another status than expected. */
export function timeRun(argv, { cwd, env, expectStatus = 0 } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (expectStatus !== undefined && r.status !== expectStatus)
    throw new Error(`${argv.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return ms;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

export function table(headers, rows) {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Runs the candidates in alternation (a, b, a, b ...) so drift on a shared machine hits both alike. */
export function alternate(candidates, rounds) {
  const times = candidates.map(() => []);
  for (let i = 0; i < rounds; i++) candidates.forEach((run, k) => times[k].push(run()));
  return times;
}

/** Wall time of several commands started together and all finished, in ms. */
export async function timeTogether(argvs, { cwd } = {}) {
  const t0 = process.hrtime.bigint();
  await Promise.all(
    argvs.map(
      (argv) =>
        new Promise((resolve, reject) =>
          spawn(argv[0], argv.slice(1), { cwd, stdio: 'ignore' }).on('close', (code) =>
            code === 0 ? resolve() : reject(new Error(`${argv.join(' ')} exited ${code}`)),
          ),
        ),
    ),
  );
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
