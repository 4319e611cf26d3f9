import * as fs from 'node:fs';
import { InputReader } from '../inputs';
import { redact, setSink, textSink } from '../report/log';
import { Summary } from '../report/summary';
import { verifyServer } from '../stages/verify/client';
import { diffContracts, parseContract, snapshot, type ContractDiff } from '../stages/verify/contract';
import { parseVerifyInputs } from '../stages/verify/inputs';
import { buildTarget, chooseTarget, healthHeaders } from '../stages/verify/plan';
import { parseArgs, type Command } from './args';
import { cwdFlag } from './local';
import { localEnv, TARGET_OPTIONS, VERIFY_OPTIONS, verifySource } from './verify';

async function snapshotCmd(args: string[]): Promise<number> {
  // stdout carries the JSON (redirected into mcp-contract.json); everything else goes to stderr.
  setSink(textSink((l) => process.stderr.write(`${l}\n`)));
  const { flags } = parseArgs(args, VERIFY_OPTIONS);
  const cwd = cwdFlag(flags.cwd);
  delete flags.cwd;
  const env = localEnv(cwd);
  const i = parseVerifyInputs(new InputReader(verifySource({ ...flags, contract: 'off' })), cwd);
  const target = buildTarget(i, chooseTarget(i, env.ctx), cwd);
  const report = await verifyServer({
    target,
    healthUrl: i.healthUrl,
    healthHeaders: healthHeaders(i),
    smoke: [],
    timeoutMs: i.timeoutSec * 1000,
  });
  const failed = report.checks.filter((c) => c.status === 'failed');
  if (failed.length || !report.listing) {
    for (const c of failed) process.stderr.write(`error: ${c.name} failed: ${redact(c.detail)}\n`);
    if (report.stderr.trim()) process.stderr.write(`server stderr:\n${redact(report.stderr.trim())}\n`);
    return 1;
  }
  if (report.invalidTools)
    process.stderr.write(
      `warning: tools/list: the MCP SDK rejects this listing: ${report.invalidTools}; the contract is taken from the raw result\n`,
    );
  process.stdout.write(`${JSON.stringify(snapshot(report.listing), null, 2)}\n`);
  return 0;
}

function diffCmd(args: string[]): number {
  const { positional, flags } = parseArgs(args, { inputs: [], own: { json: true } });
  if (positional.length !== 2) {
    process.stderr.write('error: contract diff needs two files: BASELINE NEW\n');
    return 2;
  }
  const [a, b] = positional.map((f) => parseContract(fs.readFileSync(f, 'utf8'), f));
  const d = diffContracts(a, b);
  // The same serialization as the action's `contract-diff` output, so scripts can read either.
  if (flags.json) process.stdout.write(`${JSON.stringify(d)}\n`);
  else process.stdout.write(diffText(d));
  return d.breaking ? 1 : 0;
}

function diffText(d: ContractDiff): string {
  const s = new Summary().text(`${d.breaking} breaking, ${d.compatible} compatible`);
  if (d.changes.length)
    s.table(
      ['Impact', 'Where', 'Path', 'Change', 'Why'],
      d.changes.map((c) => [c.impact, c.where, c.path, c.change, c.why]),
    );
  return s.toText();
}

export const contractCommand: Command = {
  usage: `mcp-deploy contract snapshot (--url URL | --command "CMD ARGS") [options] > mcp-contract.json
mcp-deploy contract diff [--json] BASELINE.json NEW.json     (exit 1 on a breaking change)

Options:
${TARGET_OPTIONS}
  --cwd DIR                where the command starts (default .)
  --json                   (diff) print the diff as JSON, as the action's contract-diff output`,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'snapshot') return snapshotCmd(rest);
    if (sub === 'diff') return diffCmd(rest);
    process.stderr.write(`error: unknown subcommand '${sub ?? ''}' (use snapshot or diff)\n`);
    return 2;
  },
};
