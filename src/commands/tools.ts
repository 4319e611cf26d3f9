import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ActionError } from '../errors';
import { log } from '../report/log';
import { ensureTool } from '../tools/install';
import { PINNED, type ToolName, type ToolPlatform, type ToolTable } from '../tools/pinned';
import { parseArgs, type Command } from './args';

const TOOLS: ToolName[] = ['kubectl', 'trivy', 'cargo-audit', 'cosign'];
const ARCHES: Record<string, ToolPlatform> = { amd64: 'linux-x64', arm64: 'linux-arm64' };

/**
 * Trivy's release archive also carries contrib/ (the report templates, among them gitlab.tpl, which the
 * GitLab scan job converts with). Same asset, same pinned sha256: only the archive member differs.
 */
const TRIVY_CONTRIB: ToolTable = {
  ...PINNED,
  trivy: { ...PINNED.trivy, member: () => 'contrib' },
};

export const toolsCommand: Command = {
  usage: `mcp-deploy tools install --dir DIR [--arch amd64|arm64] [--mirror URL]

Installs the pinned kubectl, trivy, cargo-audit and cosign the way the stages do (the official release asset, or
<mirror>/<tool>/<version>/<asset>, checked against its pinned sha256 before anything is unpacked) into
DIR/bin, and Trivy's report templates into DIR/contrib. --arch picks the platform (default: this
machine's), so an amd64 build can fill an arm64 image (docker/Dockerfile does).`,
  async run(args) {
    const { flags, positional } = parseArgs(args, {
      inputs: [],
      own: { dir: false, arch: false, mirror: false },
    });
    if (positional[0] !== 'install')
      throw new ActionError(
        `unknown tools subcommand '${positional[0] ?? ''}'`,
        'tools',
        'use: mcp-deploy tools install --dir DIR',
      );
    if (!flags.dir) throw new ActionError('--dir is required', 'dir', 'pass --dir DIR (tools go to DIR/bin)');
    const platform = flags.arch ? ARCHES[flags.arch] : undefined;
    if (flags.arch && !platform)
      throw new ActionError(
        `'${flags.arch}' is not a supported architecture`,
        'arch',
        'use --arch amd64 or --arch arm64',
      );
    const mirror = flags.mirror ?? '';
    if (mirror && !/^https?:\/\/\S+$/.test(mirror))
      throw new ActionError(
        `'${mirror}' is not an http(s) address`,
        'mirror',
        'use e.g. https://artifacts.example.com/tools',
      );
    const bin = path.join(path.resolve(flags.dir), 'bin');
    fs.mkdirSync(bin, { recursive: true });
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tools-'));
    try {
      // A cache of our own per install: nothing on PATH or in a runner's cache stands in for a download.
      const install = async (name: ToolName, table: ToolTable, cache: string) => {
        process.env.RUNNER_TOOL_CACHE = path.join(work, cache);
        process.env.RUNNER_TEMP = work;
        return ensureTool(name, { usePath: false, mirror, platform, table });
      };
      for (const name of TOOLS) {
        const exe = await install(name, PINNED, name);
        fs.copyFileSync(exe, path.join(bin, name));
        fs.chmodSync(path.join(bin, name), 0o755);
        log.info(`${name}: ${path.join(bin, name)}`);
      }
      const contrib = await install('trivy', TRIVY_CONTRIB, 'trivy-contrib');
      fs.cpSync(contrib, path.join(path.resolve(flags.dir), 'contrib'), { recursive: true });
      return 0;
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  },
};
