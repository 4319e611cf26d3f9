import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SmokeCall } from './client';

/**
 * Synthetic MCP load for a bake whose server gets too little real traffic to judge: `rate` calls a second
 * over one MCP session with the official SDK client, cycling through tools/list and the smoke calls. It
 * is bounded three ways: it stops at `untilMs`, when stop() is called, and it never has more than one
 * call in flight (a slow server gets fewer calls, never a pile-up).
 */
export interface TrafficOptions {
  url: string;
  headers: Record<string, string>;
  /** Calls a second. */
  rate: number;
  smoke: SmokeCall[];
  /** Date.now() value at which it stops by itself. */
  untilMs: number;
  /** Per call. */
  timeoutMs?: number;
}

export interface TrafficStats {
  /** Calls made, of which tool calls (what the server's tool metrics count). */
  calls: number;
  toolCalls: number;
  /** Tool results with isError, and calls that threw (transport, protocol). */
  toolErrors: number;
  failures: number;
  /** The first failure that was not a tool error, for the summary. */
  firstFailure?: string;
}

export interface Traffic {
  stats: TrafficStats;
  /** Stops the load and closes the session; resolves when it is down. */
  stop(): Promise<TrafficStats>;
}

const CLIENT_INFO = { name: 'mcp-deploy-bake', version: '1.0.0' };

export async function startTraffic(o: TrafficOptions): Promise<Traffic> {
  const stats: TrafficStats = { calls: 0, toolCalls: 0, toolErrors: 0, failures: 0 };
  const timeout = o.timeoutMs ?? 10000;
  const transport = new StreamableHTTPClientTransport(new URL(o.url), {
    requestInit: { headers: o.headers },
    reconnectionOptions: {
      maxReconnectionDelay: 0,
      initialReconnectionDelay: 0,
      reconnectionDelayGrowFactor: 1,
      maxRetries: 0,
    },
  });
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  await client.connect(transport, { timeout });
  const steps: (() => Promise<void>)[] = [
    async () => {
      await client.listTools(undefined, { timeout });
    },
    ...o.smoke.map((s) => async () => {
      stats.toolCalls++;
      const r = await client.callTool({ name: s.tool, arguments: s.args }, undefined, { timeout });
      if (r.isError) stats.toolErrors++;
    }),
  ];
  let stopped = false;
  // Ends the pause between calls when the bake stops.
  const wake = new AbortController();
  const loop = (async () => {
    const periodMs = 1000 / o.rate;
    const t0 = Date.now();
    for (let i = 0; !stopped && Date.now() < o.untilMs; i++) {
      stats.calls++;
      try {
        await steps[i % steps.length]();
      } catch (e) {
        stats.failures++;
        stats.firstFailure ??= (e as Error).message;
      }
      // Paced against the start, not the last call: the rate holds whatever each call took.
      const wait = Math.min(t0 + (i + 1) * periodMs, o.untilMs) - Date.now();
      if (wait > 0 && !stopped) await sleep(wait, undefined, { signal: wake.signal }).catch(() => undefined);
    }
  })();
  return {
    stats,
    async stop() {
      stopped = true;
      wake.abort();
      await loop;
      if (transport.sessionId) await transport.terminateSession().catch(() => undefined);
      await client.close().catch(() => undefined);
      return stats;
    },
  };
}
