import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { build } from '../src/stages/build';
import { startDockerd, type Dockerd } from './support/dockerd';
import { startRegistry, type Registry } from './support/registry';
import { describeWith, missingCommands } from './support/skip';

/**
 * A real registry behind a small proxy that answers 500 to every manifest PUT of one tag: the push keeps
 * failing after the other tags moved. The error must name which tags moved and which did not, and the
 * registry is the judge of both lists.
 */
const FAILING_TAG = '1.2';

function faultyProxy(
  upstream: string,
): Promise<{ host: string; refused: () => number; close: () => Promise<void> }> {
  let refused = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'PUT' && req.url === `/v2/acme/partial/manifests/${FAILING_TAG}`) {
      refused++;
      req.resume();
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"errors":[{"code":"UNKNOWN","message":"injected"}]}');
      return;
    }
    const [h, p] = upstream.split(':');
    const up = http.request(
      { host: h, port: Number(p), method: req.method, path: req.url, headers: req.headers },
      (ur) => {
        res.writeHead(ur.statusCode ?? 502, ur.headers);
        ur.pipe(res);
      },
    );
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
        refused: () => refused,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

describeWith(
  'build: a push that fails on one tag names the tags that moved',
  missingCommands('dockerd', 'docker', 'docker-registry'),
  () => {
    let engine: Dockerd;
    let reg: Registry;
    let proxy: Awaited<ReturnType<typeof faultyProxy>>;
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'build-partial-'));
    const saved = { DOCKER_HOST: process.env.DOCKER_HOST, DOCKER_CONFIG: process.env.DOCKER_CONFIG };

    beforeAll(async () => {
      [engine, reg] = await Promise.all([startDockerd(), startRegistry()]);
      proxy = await faultyProxy(reg.host);
      Object.assign(process.env, engine.env);
      fs.writeFileSync(path.join(ws, 'hello.txt'), 'partial push\n');
      fs.writeFileSync(path.join(ws, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
    }, 120_000);

    afterAll(async () => {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      await Promise.all([proxy?.close(), engine?.stop(), reg?.stop()]);
      fs.rmSync(ws, { recursive: true, force: true });
    }, 60_000);

    test('the error lists pushed and not pushed tags, as the registry has them', async () => {
      const ctx: RunContext = {
        platform: 'github',
        event: 'push',
        ref: 'refs/tags/v1.2.3',
        sha: '0123456789abcdef0123456789abcdef01234567',
        repository: 'acme/partial',
        workspace: ws,
      };
      const values: Record<string, string> = {
        image: `${proxy.host}/acme/partial`,
        platforms: 'linux/amd64',
        qemu: 'false',
        provenance: 'false',
        'push-retries': '1',
      };
      const env = { ctx, cwd: ws, state: {} };
      const inputs = build.parse(new InputReader((n) => values[n] ?? ''), env);
      const err = await Promise.resolve()
        .then(() => build.run(inputs, env))
        .then(
          (r) => new Error(`no error: ${JSON.stringify(r.failure ?? r.headline)}`),
          (e: Error) => e,
        );
      expect(proxy.refused()).toBeGreaterThan(0);
      const m =
        /^docker buildx build failed after 2 attempts, (\d) of 4 tags moved \(pushed: ([^;]*); not pushed: ([^)]*)\) \(exit 1\)/.exec(
          err.message,
        );
      expect(m).not.toBeNull();
      const pushed = m![2].split(', ');
      const notPushed = m![3].split(', ');
      expect(notPushed).toContain(`${proxy.host}/acme/partial:${FAILING_TAG}`);
      expect(pushed.length + notPushed.length).toBe(4);
      for (const ref of pushed) {
        const tag = ref.split(':').at(-1)!;
        await expect(reg.manifest('acme/partial', tag)).resolves.toMatchObject({
          digest: expect.stringMatching(/^sha256:/),
        });
      }
      await expect(reg.manifest('acme/partial', FAILING_TAG)).rejects.toThrow();
    }, 240_000);
  },
);
