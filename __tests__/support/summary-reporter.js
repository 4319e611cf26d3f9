const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/**
 * Ends the run with the plain line CI reads ("N passed, N failed, N skipped") and a banner for every suite
 * that skipped because a tool was missing, so a skip is never silent and never counted as a pass.
 */
class SummaryReporter {
  constructor() {
    this.log = path.join(os.tmpdir(), `mcp-deploy-skips-${process.pid}.log`);
    fs.rmSync(this.log, { force: true });
    // Workers inherit the environment, so test files find the log through this variable.
    process.env.MCP_DEPLOY_SKIP_LOG = this.log;
  }
  onRunComplete(_contexts, results) {
    let reasons = [];
    if (fs.existsSync(this.log)) {
      reasons = [...new Set(fs.readFileSync(this.log, 'utf8').split('\n').filter(Boolean))];
      fs.rmSync(this.log, { force: true });
    }
    if (reasons.length) {
      const bar = '!'.repeat(78);
      process.stdout.write(`\n${bar}\nSKIPPED SUITES (not counted as passed):\n`);
      for (const r of reasons) process.stdout.write(`  - ${r}\n`);
      process.stdout.write(`${bar}\n`);
    }
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
  }
}
module.exports = SummaryReporter;
