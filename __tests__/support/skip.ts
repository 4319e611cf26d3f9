import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Integration suites need real tools (cargo, dockerd, kubectl, promtool ...). Where one is missing the
 * suite is skipped *loudly*: the reason is recorded for the summary reporter, which prints it in a banner
 * and leaves those tests out of the passed count. With MCP_DEPLOY_REQUIRE_TOOLS=1 (set by .ci/run) a
 * missing tool fails the suite instead, so CI can never go green on skipped tests.
 */
export const SKIP_LOG = process.env.MCP_DEPLOY_SKIP_LOG || path.join(os.tmpdir(), 'mcp-deploy-skips.log');

export function describeWith(name: string, missing: string | undefined, fn: () => void): void {
  if (!missing) {
    describe(name, fn);
    return;
  }
  if (process.env.MCP_DEPLOY_REQUIRE_TOOLS === '1') {
    describe(name, () => {
      test('has the real tools it needs', () => {
        throw new Error(`${name}: ${missing} (MCP_DEPLOY_REQUIRE_TOOLS=1 forbids skipping)`);
      });
    });
    return;
  }
  fs.appendFileSync(SKIP_LOG, `${name}: ${missing}\n`);
  describe.skip(name, fn);
}

/** Returns undefined when every command is on PATH, else a sentence naming the missing ones. */
export function missingCommands(...commands: string[]): string | undefined {
  const dirs = (process.env.PATH || '').split(path.delimiter);
  const missing = commands.filter((c) => !dirs.some((d) => fs.existsSync(path.join(d, c))));
  return missing.length ? `not on PATH: ${missing.join(', ')}` : undefined;
}
