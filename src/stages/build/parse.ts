/** Pure readers: what binfmt_misc registered, and the lines of a failed command worth showing. */
/**
 * A binfmt_misc entry (/proc/sys/fs/binfmt_misc/qemu-aarch64) that a build container can use: enabled, and
 * with the F flag, so the kernel opened the interpreter at registration and the container need not have it.
 */
export function binfmtEntryUsable(content: string): boolean {
  const lines = content.split('\n').map((l) => l.trim());
  const flags = lines.find((l) => l.startsWith('flags:'))?.slice('flags:'.length) ?? '';
  return lines[0] === 'enabled' && flags.includes('F');
}

/** Architectures with a registered binfmt_misc handler (entries of /proc/sys/fs/binfmt_misc like qemu-aarch64). */
export function binfmtArchs(entries: string[]): string[] {
  const map: Record<string, string> = {
    aarch64: 'arm64',
    arm: 'arm',
    x86_64: 'amd64',
    riscv64: 'riscv64',
    ppc64le: 'ppc64le',
    s390x: 's390x',
    i386: '386',
  };
  return entries.flatMap((e) => {
    const m = /^qemu-(.+)$/.exec(e);
    return m && map[m[1]] ? [map[m[1]]] : [];
  });
}

/** The lines of a failed build worth showing: buildx's ERROR lines, else the tail. */
export function errorLines(output: string, n = 8): string {
  const errors = output.split('\n').filter((l) => /\bERROR\b|^error|Error response/i.test(l));
  return (errors.length ? errors : output.trim().split('\n')).slice(-n).join('\n');
}
