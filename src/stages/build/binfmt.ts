import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The architectures this runner can already execute through QEMU: the kernel's binfmt_misc handlers, which
 * decide whether the build needs tonistiigi/binfmt first.
 */

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

/** Architectures a build container can run through a handler registered here; none without binfmt_misc. */
export function emulatedArchs(dir = '/proc/sys/fs/binfmt_misc'): string[] {
  try {
    const usable = fs
      .readdirSync(dir)
      .filter((e) => e.startsWith('qemu-') && binfmtEntryUsable(fs.readFileSync(path.join(dir, e), 'utf8')));
    return binfmtArchs(usable);
  } catch {
    // no binfmt_misc (a container, macOS): only the native architecture runs
    return [];
  }
}
