import * as core from '@actions/core';
import * as fs from 'node:fs';
import { errorMessage } from './errors';
import { log } from './report/log';
import { logout } from './tools/docker';

/**
 * Things to undo when the job ends, whatever happened: a registry login, a kubeconfig on disk. On GitHub
 * they are saved to the action state and undone by the post step (dist/post.js); the CLI undoes them
 * before it exits.
 */
export type Cleanup =
  { kind: 'remove'; path: string } | { kind: 'docker-logout'; registry: string; config?: string };

const STATE_KEY = 'cleanups';
const pending: Cleanup[] = [];

export function addCleanup(c: Cleanup): void {
  pending.push(c);
  if (process.env.GITHUB_STATE) core.saveState(STATE_KEY, JSON.stringify(pending));
}

export async function runCleanups(list: Cleanup[] = pending.splice(0)): Promise<void> {
  for (const c of list.reverse()) {
    try {
      if (c.kind === 'remove') {
        fs.rmSync(c.path, { recursive: true, force: true });
        log.info(`removed ${c.path}`);
      } else {
        await logout(c.registry, c.config);
        if (c.config) fs.rmSync(c.config, { recursive: true, force: true });
      }
    } catch (e) {
      log.warning(`cleanup ${c.kind} failed: ${errorMessage(e)}`);
    }
  }
}

/** The cleanups the main step saved, read back in the post step. */
export function savedCleanups(): Cleanup[] {
  const raw = core.getState(STATE_KEY);
  return raw ? (JSON.parse(raw) as Cleanup[]) : [];
}
