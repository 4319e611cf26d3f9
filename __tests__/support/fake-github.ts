import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The real Octokit client of @actions/github against a fake GitHub: a local HTTP server that records what
 * it is sent and answers like the REST API does.
 */
export interface FakeGithub {
  url: string;
  calls: { method: string; path: string; auth?: string; body: Record<string, unknown> }[];
  stop(): Promise<void>;
}

export async function startFakeGithub(opts: { denyDeployments?: boolean } = {}): Promise<FakeGithub> {
  const calls: FakeGithub['calls'] = [];
  let nextId = 1000;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = chunks.length
        ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
        : {};
      calls.push({ method: req.method ?? '', path: req.url ?? '', auth: req.headers.authorization, body });
      const reply = (code: number, json: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(json));
      };
      if (opts.denyDeployments)
        return reply(403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest',
        });
      if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/deployments$/.test(req.url ?? ''))
        return reply(201, { id: ++nextId, ref: body.ref, environment: body.environment, sha: body.ref });
      const status = /^\/repos\/[^/]+\/[^/]+\/deployments\/(\d+)\/statuses$/.exec(req.url ?? '');
      if (req.method === 'POST' && status) return reply(201, { id: ++nextId, state: body.state });
      reply(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
