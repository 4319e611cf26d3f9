/** What a job's environment says about the run: enough to replay `mcp-deploy plan` with the same inputs. */
const KEPT = /^(CI_|GITLAB_|MCP_|SOURCE_DATE_EPOCH$|RUNNER_TEMP$|TMPDIR$)/;

/**
 * Shared by the recording STAND-INS for docker, trivy and kubectl (the GitLab template test puts this
 * directory first on PATH). Each call appends {tool, argv, cwd} as one JSON line to $RECORD_FILE, so the
 * test can compare what the jobs ran with what `mcp-deploy plan` prints for the same inputs (the job's
 * CI_* and MCP_* variables are recorded alongside, so the plan can be replayed with exactly those).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');

const kept = (env) => Object.fromEntries(Object.entries(env).filter(([k]) => KEPT.test(k)));

/**
 * The job's variables are those of the process that started this tool (mcp-deploy, which hands its tools
 * a scrubbed environment): read from /proc, so a plan can be replayed with exactly what the job had.
 */
function jobEnv() {
  try {
    const raw = fs.readFileSync(`/proc/${process.ppid}/environ`, 'utf8');
    return kept(
      Object.fromEntries(
        raw
          .split('\0')
          .filter(Boolean)
          .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
      ),
    );
  } catch {
    return kept(process.env);
  }
}

function record(tool, extra = {}) {
  const argv = process.argv.slice(2);
  if (process.env.RECORD_FILE)
    fs.appendFileSync(
      process.env.RECORD_FILE,
      `${JSON.stringify({ tool, argv, ...extra, cwd: process.cwd(), env: jobEnv(), toolEnv: kept(process.env) })}\n`,
    );
  return argv;
}

/** A stable, plausible sha256 digest derived from some text. */
const digestOf = (text) => `sha256:${crypto.createHash('sha256').update(text).digest('hex')}`;

/** The value after `--flag` or in `--flag=value`. */
function flag(argv, name) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

module.exports = { record, digestOf, flag };
