import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction } from './support/action';
import { appendRust, CLIPPY_LINE_OFFSET, CLIPPY_VIOLATION, FAILING_TEST, newCrate } from './support/crate';
import { describeWith, missingCommands } from './support/skip';

/**
 * The committed bundle (dist/index.js), run as the runner runs it, on crates made by `cargo new` here:
 * crates no other test has seen.
 */
describeWith(
  'action bundle: gates on a fresh crate with real cargo',
  missingCommands('cargo', 'cargo-clippy', 'rustfmt'),
  () => {
    jest.setTimeout(300_000);

    test('a clean crate passes: outputs, summary, exit 0', () => {
      const crate = newCrate('fresh_clean');
      const r = runAction(
        { stages: 'gates', 'working-directory': 'fresh_clean', audit: 'false' },
        { workspace: path.dirname(crate) },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).not.toContain('::error');
      expect(JSON.parse(r.outputs.gates)).toMatchObject({
        fmt: { status: 'passed' },
        clippy: { status: 'passed' },
        test: { status: 'passed', findings: '1 passed, 0 failed' },
      });
      expect(r.summary).toContain('| gates | ✅ passed | 3 gates passed |');
      expect(r.summary).toContain('```mermaid');
    });

    test("a crate's build.rs and tests see none of the action's inputs, secrets or job credentials", () => {
      const crate = newCrate('fresh_env');
      // The same check at build time (build.rs, like any dependency's) and at test time.
      const check = `fn leaked() -> Vec<String> {
    std::env::vars()
        .filter(|(k, v)| k.starts_with("INPUT_") || v.contains("s3cr3t"))
        .map(|(k, _)| k)
        .collect()
}
`;
      fs.writeFileSync(
        path.join(crate, 'build.rs'),
        `${check}\nfn main() {\n    let l = leaked();\n    assert!(l.is_empty(), "build.rs sees {:?}", l);\n}\n`,
      );
      appendRust(
        path.join(crate, 'src', 'lib.rs'),
        `\n#[cfg(test)]\nmod env_tests {\n    ${check.replace(/\n/g, '\n    ').trimEnd()}\n\n    #[test]\n    fn sees_no_secret() {\n        let l = leaked();\n        assert!(l.is_empty(), "the test sees {:?}", l);\n        assert!(std::env::var("PATH").is_ok());\n    }\n}\n`,
      );
      const r = runAction(
        { stages: 'gates', 'working-directory': 'fresh_env', audit: 'false' },
        {
          workspace: path.dirname(crate),
          env: {
            INPUT_KUBECONFIG: 'apiVersion: v1\nusers:\n- user:\n    token: s3cr3t-kube',
            INPUT_PASSWORD: 's3cr3t-registry',
            'INPUT_MCP-TOKEN': 's3cr3t-mcp',
            MCP_MCP_TOKEN: 's3cr3t-mcp',
            MCP_PASSWORD: 's3cr3t-registry',
            GITHUB_TOKEN: 's3cr3t-github',
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: 's3cr3t-oidc',
            CI_JOB_TOKEN: 's3cr3t-gitlab',
          },
        },
      );
      expect(r.stdout).not.toMatch(/sees \[/);
      expect(JSON.parse(r.outputs.gates)).toMatchObject({
        clippy: { status: 'passed' },
        test: { status: 'passed', findings: '2 passed, 0 failed' },
      });
      expect(r.status).toBe(0);
    });

    test('lint and test failures: workflow annotations on the right lines, summary, exit 1', () => {
      const crate = newCrate('fresh_broken');
      const lib = path.join(crate, 'src', 'lib.rs');
      const at = appendRust(lib, CLIPPY_VIOLATION);
      appendRust(lib, FAILING_TEST);
      const r = runAction(
        { stages: 'gates', 'working-directory': 'fresh_broken', audit: 'false' },
        { workspace: path.dirname(crate) },
      );
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(
        // Workflow commands escape ':' in properties as %3A.
        `::error title=clippy%3A%3Aneedless_return,file=fresh_broken/src/lib.rs,line=${at + CLIPPY_LINE_OFFSET},col=5::`,
      );
      expect(r.stdout).toMatch(
        /::error title=test failed%3A injected_tests%3A%3Ainjected_failure,file=fresh_broken\/src\/lib.rs,line=\d+/,
      );
      expect(r.stdout).toMatch(
        /::error::gates: gates failed: clippy \(1 error, 0 warnings\); test \(\d+ passed, 1 failed\)/,
      );
      expect(r.summary).toContain('- `injected_tests::injected_failure`');
      expect(r.outputs['failing-tests']).toBe('injected_tests::injected_failure');
      // Log groups per gate, each echoing its command.
      expect(r.stdout).toMatch(
        /::group::clippy: failed[^\n]*\n\$ cargo clippy -p fresh_broken --keep-going --all-targets --message-format=json -- -D warnings/,
      );
    });
  },
);

describe('action bundle: bad input fails in one line before any tool runs', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'badinput-'));
  fs.mkdirSync(path.join(ws, 'nocargo'));
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'unknown stage',
      { stages: 'gates,deploi' },
      /^::error::input 'stages': unknown value 'deploi' \(fix: use any of: gates, build, scan, deploy, verify\)$/m,
    ],
    [
      'missing working directory',
      { stages: 'gates', 'working-directory': 'nope' },
      /^::error::input 'working-directory': directory 'nope' does not exist/m,
    ],
    [
      'no Cargo.toml',
      { stages: 'gates', 'working-directory': 'nocargo' },
      /^::error::input 'working-directory': no Cargo.toml in .*nocargo \(fix: point it at the directory of the crate/m,
    ],
    [
      'a boolean that is not one',
      { stages: 'gates', 'working-directory': '.', audit: 'yes' },
      /input 'audit': 'yes' is not a boolean/,
    ],
  ];
  test.each(cases)('%s', (_name, inputs, message) => {
    if (inputs['working-directory'] === '.')
      fs.writeFileSync(path.join(ws, 'Cargo.toml'), '[package]\nname="x"\n');
    // An empty PATH proves no tool was needed to reach the error.
    const r = runAction(inputs, { workspace: ws, env: { PATH: '' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(message);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(1);
    expect(r.stdout).not.toContain('$ cargo');
  });
});
