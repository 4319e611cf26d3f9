import * as core from '@actions/core';
import * as fs from 'node:fs';
import { detectContext } from './context';
import { errorMessage } from './errors';
import { actionSource, InputReader } from './inputs';
import { prepare, runPipeline } from './pipeline';
import { githubSink, log, setSink } from './report/log';

/** Action entry: inputs once, run, outputs and summary, and one setFailed at the top. */
export async function main(env = process.env): Promise<void> {
  setSink(githubSink);
  try {
    const ctx = detectContext(env);
    const prepared = await prepare(new InputReader(actionSource(env)), ctx);
    const result = await runPipeline(prepared);
    for (const [k, v] of Object.entries(result.outputs)) log.setOutput(k, v);
    if (env.GITHUB_STEP_SUMMARY) fs.appendFileSync(env.GITHUB_STEP_SUMMARY, result.summary.toMarkdown());
    if (result.failure) core.setFailed(result.failure);
  } catch (e) {
    core.setFailed(errorMessage(e));
  }
}
