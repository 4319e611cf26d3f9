/**
 * The tools the stages install, at pinned versions, with the sha256 of each official release asset.
 * This table is data: the installer takes another one in tests (a release server on 127.0.0.1).
 *
 * Every digest below was copied from public pinned installers (no download was possible where this was
 * written), and each one appears identically in several independent sources:
 * - trivy 0.69.3: linux-x64 1816b632… is pinned in at least six unrelated repositories' Dockerfiles and
 *   install scripts, one noting "cosign-verified; matches trivy_0.69.3_checksums.txt"; linux-arm64
 *   7e3924a9… in five, one of them quoting the release's checksums.txt lines. 0.69.3 is the last release
 *   before the compromised 0.69.4–0.69.6.
 * - kubectl 1.32.4: both digests are in two Bazel-style version tables of dl.k8s.io assets
 *   (`"1.32.4": {"linux_amd64": ("https://dl.k8s.io/release/v1.32.4/bin/linux/amd64/kubectl", …)`), the
 *   arm64 one also in a Dockerfile `ARG KUBECTL_SHA256` taken from dl.k8s.io's `kubectl.sha256`.
 * - cargo-audit 0.22.2: x86_64-musl 7fb9497f… in five repositories (one states it was read from GitHub's
 *   asset digest API), aarch64-gnu c6603814… in three (one a Dockerfile `ADD --checksum=sha256:…`).
 * - cosign 2.6.1: linux-amd64 064954c5… and linux-arm64 56a16480… together in six unrelated installers
 *   (Go constants, shell `case` tables, a Dagger module), and both in bazel-contrib/rules_oci's
 *   cosign/private/versions.bzl as SRI (`sha256-BklUxdjH…`, `sha256-VqFkgL3V…`, the same bytes in base64);
 *   the amd64 one also in a URL-keyed table of release assets. Debian 13 packages cosign 2.5.0, which
 *   reports its version as "devel": src/tools/cosign.ts accepts that package as it is (see cosignPath).
 * A digest missing here for a platform means: pass the checksum yourself (the `<tool>-sha256` input).
 */
export type ToolPlatform = 'linux-x64' | 'linux-arm64';

export interface ToolSpec {
  /** The version installed when the caller asks for none. */
  version: string;
  /** The official address of the release asset. */
  url(version: string, p: ToolPlatform): string;
  /** The asset's file name: the last segment of its address, official or mirrored. */
  asset(version: string, p: ToolPlatform): string;
  /** Where the executable is inside the archive; absent for an asset that is the bare executable. */
  member?(version: string, p: ToolPlatform): string;
  /** sha256 by version, then platform. */
  sha256: Record<string, Partial<Record<ToolPlatform, string>>>;
  /** Arguments that make the executable print its version. */
  versionArgs: string[];
}

export type ToolName = 'trivy' | 'kubectl' | 'cargo-audit' | 'cosign';
export type ToolTable = Record<ToolName, ToolSpec>;

const trivyArch = (p: ToolPlatform) => (p === 'linux-x64' ? 'Linux-64bit' : 'Linux-ARM64');
const goArch = (p: ToolPlatform) => (p === 'linux-x64' ? 'amd64' : 'arm64');
// cargo-audit publishes a static musl build for x86_64 only; aarch64 is glibc.
const rustTarget = (p: ToolPlatform) =>
  p === 'linux-x64' ? 'x86_64-unknown-linux-musl' : 'aarch64-unknown-linux-gnu';
const auditDir = (v: string, p: ToolPlatform) => `cargo-audit-${rustTarget(p)}-v${v}`;

export const PINNED: ToolTable = {
  trivy: {
    version: '0.69.3',
    url: (v, p) =>
      `https://github.com/aquasecurity/trivy/releases/download/v${v}/trivy_${v}_${trivyArch(p)}.tar.gz`,
    asset: (v, p) => `trivy_${v}_${trivyArch(p)}.tar.gz`,
    member: () => 'trivy',
    sha256: {
      '0.69.3': {
        'linux-x64': '1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75',
        'linux-arm64': '7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd',
      },
    },
    versionArgs: ['--version'],
  },
  kubectl: {
    version: '1.32.4',
    url: (v, p) => `https://dl.k8s.io/release/v${v}/bin/linux/${goArch(p)}/kubectl`,
    asset: () => 'kubectl',
    sha256: {
      '1.32.4': {
        'linux-x64': '10d739e9af8a59c9e7a730a2445916e04bc9cbb44bc79d22ce460cd329fa076c',
        'linux-arm64': 'c6f96d0468d6976224f5f0d81b65e1a63b47195022646be83e49d38389d572c2',
      },
    },
    versionArgs: ['version', '--client'],
  },
  'cargo-audit': {
    version: '0.22.2',
    url: (v, p) =>
      `https://github.com/rustsec/rustsec/releases/download/cargo-audit%2Fv${v}/${auditDir(v, p)}.tgz`,
    asset: (v, p) => `${auditDir(v, p)}.tgz`,
    member: (v, p) => `${auditDir(v, p)}/cargo-audit`,
    sha256: {
      '0.22.2': {
        'linux-x64': '7fb9497f8594b389e5fce5ef9b92db08432996895b2e0c5a0167a69ed445c428',
        'linux-arm64': 'c6603814ddaa45e51263dafd31c0ac98808f688d26f7395804f9670b0fd599dd',
      },
    },
    versionArgs: ['--version'],
  },
  cosign: {
    version: '2.6.1',
    url: (v, p) => `https://github.com/sigstore/cosign/releases/download/v${v}/cosign-linux-${goArch(p)}`,
    asset: (_v, p) => `cosign-linux-${goArch(p)}`,
    sha256: {
      '2.6.1': {
        'linux-x64': '064954c5d8c7e3b28188eee5b1727b31c411550bc5fefd41aa672d3c761d103a',
        'linux-arm64': '56a16480bdd56ec789abaa65924402f6b92c0041f06885995853c05567b76f34',
      },
    },
    versionArgs: ['version'],
  },
};
