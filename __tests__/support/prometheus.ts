import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { missingCommands } from './skip';

/**
 * Debian's Prometheus server on 127.0.0.1, with a scrape config the test writes (scrape_interval 1s) and
 * its TSDB in a temporary directory. stop() kills it and waits for the exit.
 */
export const prometheusMissing = (): string | undefined => missingCommands('prometheus');

export interface ScrapeTarget {
  /** host:port of a /metrics endpoint. */
  address: string;
  labels: Record<string, string>;
}

export interface RunningPrometheus {
  url: string;
  child: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export function scrapeConfig(targets: ScrapeTarget[], intervalSec = 1): string {
  const statics = targets
    .map(
      (t) =>
        `      - targets: ['${t.address}']\n        labels:\n` +
        Object.entries(t.labels)
          .map(([k, v]) => `          ${k}: '${v}'\n`)
          .join(''),
    )
    .join('');
  return `global:\n  scrape_interval: ${intervalSec}s\n  evaluation_interval: ${intervalSec}s\nscrape_configs:\n  - job_name: mcp\n    metrics_path: /metrics\n    static_configs:\n${statics}`;
}

export async function startPrometheus(dir: string, targets: ScrapeTarget[]): Promise<RunningPrometheus> {
  const config = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(config, scrapeConfig(targets));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(dir, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.on('data', (b: Buffer) => (log = (log + b.toString('utf8')).slice(-8000)));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  // Ready once every target has been scraped once (up == 1): bounded, 30 s.
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}:\n${log}`);
    try {
      const r = await fetch(`${url}/api/v1/query?query=${encodeURIComponent('sum(up)')}`, {
        signal: AbortSignal.timeout(2000),
      });
      const body = (await r.json()) as { data?: { result?: { value: [number, string] }[] } };
      if (Number(body.data?.result?.[0]?.value[1]) === targets.length)
        return { url, child, log: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`prometheus did not scrape its ${targets.length} targets within 30 s:\n${log}`);
}
