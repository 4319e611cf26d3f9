import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunContext } from '../src/context';
import { InputReader } from '../src/inputs';
import { runsOnTarget } from '../src/stages/build/dockerfile';
import { binfmtArchs, binfmtEntryUsable } from '../src/stages/build/binfmt';
import { parseBuildInputs } from '../src/stages/build/inputs';
import { ASSUMED_FACTS, decide, hostArch } from '../src/stages/build/plan';

const TEMPLATE = fs.readFileSync(path.join(__dirname, '..', 'templates', 'docker', 'Dockerfile'), 'utf8');

describe('runsOnTarget: does a stage the target needs RUN on the target platform?', () => {
  test.each([
    ['copy only', 'FROM scratch\nCOPY srv /srv\n', '', false],
    ['a RUN on the target platform', 'FROM debian:bookworm-slim\nRUN apt-get update\n', '', true],
    ['lower-case instructions and a continuation', 'from debian AS a\nrun \\\n  true\n', '', true],
    ['a RUN in a comment only', 'FROM scratch\n# RUN true\nCOPY a /a\n', '', false],
    [
      'cross-compiling in a $BUILDPLATFORM stage, copied into scratch',
      'FROM --platform=$BUILDPLATFORM rust AS b\nRUN cargo build\nFROM scratch\nCOPY --from=b /x /x\n',
      '',
      false,
    ],
    [
      'a stage that starts from a $BUILDPLATFORM stage runs there too',
      'FROM --platform=${BUILDPLATFORM} rust AS b\nFROM b AS c\nRUN make\nFROM scratch\nCOPY --from=c /x /x\n',
      '',
      false,
    ],
    [
      'a RUN in a target-platform stage that the final stage copies from',
      'FROM debian AS deps\nRUN apt-get install -y ca-certificates\nFROM scratch\nCOPY --from=deps /etc/ssl /etc/ssl\n',
      '',
      true,
    ],
    [
      'RUN --mount=from= counts as a dependency',
      'FROM debian AS tools\nRUN true\nFROM scratch AS out\nFROM debian\nRUN --mount=type=bind,from=out,target=/o ls /o\n',
      '',
      true,
    ],
    [
      'a stage the target does not need is not counted',
      'FROM debian AS test\nRUN make test\nFROM scratch AS release\nCOPY a /a\n',
      'release',
      false,
    ],
    [
      'the same file, target test',
      'FROM debian AS test\nRUN make test\nFROM scratch AS release\nCOPY a /a\n',
      'test',
      true,
    ],
    ['an unknown target: assume it runs', 'FROM scratch\n', 'nope', true],
  ])('%s', (_, text, target, expected) => {
    expect(runsOnTarget(text, target)).toBe(expected);
  });

  test("the project's own Dockerfile template runs nothing on the target platform, either binary source", () => {
    expect(runsOnTarget(TEMPLATE)).toBe(false);
    expect(runsOnTarget(TEMPLATE, '', { BINARY_SOURCE: 'prebuilt' })).toBe(false);
    // A base image chosen by an unset ARG could be a stage with RUN steps: unsure means emulate.
    expect(runsOnTarget('ARG BASE\nFROM ${BASE}\nCOPY a /a\n')).toBe(true);
  });
});

describe('binfmt_misc entries', () => {
  // The shape of /proc/sys/fs/binfmt_misc/qemu-aarch64 as Debian's qemu-user-static registers it.
  const entry = (state: string, flags: string) =>
    `${state}\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\nflags: ${flags}\noffset 0\nmagic 7f454c460201010000000000000000000200b700\nmask ffffffffffffff00fffffffffffffffffeffffff\n`;
  test.each([
    ['enabled', 'POCF', true],
    ['enabled', 'F', true],
    ['enabled', 'OC', false],
    ['disabled', 'POCF', false],
  ])('%s with flags %s usable: %p', (state, flags, usable) => {
    expect(binfmtEntryUsable(entry(state, flags))).toBe(usable);
  });
  test('entry names map to Go architectures', () => {
    expect(binfmtArchs(['qemu-aarch64', 'qemu-riscv64', 'status', 'register', 'python3.11'])).toEqual([
      'arm64',
      'riscv64',
    ]);
  });
});

describe('qemu: auto emulates only when something foreign runs and the kernel cannot run it yet', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'build-qemu-'));
  afterAll(() => fs.rmSync(ws, { recursive: true, force: true }));
  const ctx: RunContext = {
    platform: 'local',
    event: 'push',
    ref: 'refs/heads/main',
    sha: '0'.repeat(40),
    workspace: ws,
  };
  const OTHER = hostArch() === 'arm64' ? 'amd64' : 'arm64';
  const inputs = (dockerfile: string, qemu = 'auto') => {
    fs.writeFileSync(path.join(ws, 'Dockerfile'), dockerfile);
    const v: Record<string, string> = { image: '127.0.0.1:5000/a/b', platforms: `linux/${OTHER}`, qemu };
    return parseBuildInputs(new InputReader((n) => v[n] ?? ''), ctx, ws, {});
  };
  const facts = (runnable: string[]) => ({ ...ASSUMED_FACTS, runnable: [hostArch(), ...runnable] });

  test.each([
    ['a RUN step, no handler', 'FROM debian\nRUN true\n', 'auto', [], [OTHER]],
    ['a RUN step, the kernel has a usable handler', 'FROM debian\nRUN true\n', 'auto', [OTHER], []],
    ['no RUN step on the target platform', TEMPLATE, 'auto', [], []],
    ['qemu: true emulates even so', TEMPLATE, 'true', [OTHER], [OTHER]],
    ['qemu: false never', 'FROM debian\nRUN true\n', 'false', [], []],
  ])('%s', (_, dockerfile, qemu, runnable, emulate) => {
    expect(decide(inputs(dockerfile, qemu), facts(runnable), ctx).emulate).toEqual(emulate);
  });

  test('what the kernel runs without setup is named, so the log can say why nothing was set up', () => {
    const run = 'FROM debian\nRUN true\n';
    expect(decide(inputs(run), facts([OTHER]), ctx).kernel).toEqual([OTHER]);
    expect(decide(inputs(run), facts([]), ctx).kernel).toEqual([]);
    expect(decide(inputs(TEMPLATE), facts([OTHER]), ctx).kernel).toEqual([]);
    expect(decide(inputs(run, 'false'), facts([OTHER]), ctx).kernel).toEqual([]);
  });
});
