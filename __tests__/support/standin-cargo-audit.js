#!/usr/bin/env node
/**
 * A STAND-IN for `cargo-audit` (it cannot be installed here: no crates.io, no GitHub). Like the real one
 * it reads ./Cargo.lock (or the file `--file` names), matches its packages against an advisory database (here two real RustSec
 * advisories, embedded), honours `--ignore <ID>`, and with `--json` prints rustsec's `Report` struct
 * (database, lockfile, settings, vulnerabilities{found,count,list}, warnings{<kind>: [...]}); it exits 1
 * when a vulnerability is found, as cargo-audit does. Invoked as `cargo audit ...`, cargo passes `audit`
 * as the first argument.
 */
const fs = require('node:fs');

let args = process.argv.slice(2);
if (args[0] === '--version' || args[0] === '-V') {
  process.stdout.write('cargo-audit 0.22.2\n');
  process.exit(0);
}
if (args[0] === 'audit') args = args.slice(1);
const ignore = args.flatMap((a, i) => (a === '--ignore' ? [args[i + 1]] : []));
const lockfile = args.includes('--file') ? args[args.indexOf('--file') + 1] : 'Cargo.lock';
if (!args.includes('--json')) {
  process.stderr.write('stand-in cargo-audit: only --json output is modelled\n');
  process.exit(2);
}

// RUSTSEC-2021-0003 and RUSTSEC-2021-0139 as the advisory database has them (abridged descriptions).
const DB = [
  {
    advisory: {
      id: 'RUSTSEC-2021-0003',
      package: 'smallvec',
      title: 'Buffer overflow in SmallVec::insert_many',
      description:
        'A bug in the SmallVec::insert_many method caused it to allocate a buffer that was smaller than needed.',
      date: '2021-01-08',
      aliases: ['CVE-2021-25900', 'GHSA-43w2-9j62-hq99'],
      related: [],
      collection: 'crates',
      categories: ['memory-corruption'],
      keywords: ['buffer-overflow', 'heap-overflow'],
      cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      informational: null,
      references: [],
      source: null,
      url: 'https://github.com/servo/rust-smallvec/issues/252',
      withdrawn: null,
      license: 'CC0-1.0',
    },
    versions: { patched: ['>=0.6.14, <1.0.0', '>=1.6.1'], unaffected: ['<0.6.3'] },
    vulnerable: (v) => cmp(v, '1.0.0') >= 0 && cmp(v, '1.6.1') < 0,
    kind: null,
  },
  {
    advisory: {
      id: 'RUSTSEC-2021-0139',
      package: 'ansi_term',
      title: 'ansi_term is Unmaintained',
      description:
        'The maintainer has advised that this crate is deprecated and will not receive any maintenance.',
      date: '2021-08-18',
      aliases: [],
      related: [],
      collection: 'crates',
      categories: [],
      keywords: [],
      cvss: null,
      informational: 'unmaintained',
      references: [],
      source: null,
      url: 'https://github.com/ogham/rust-ansi-term/issues/72',
      withdrawn: null,
      license: 'CC0-1.0',
    },
    versions: { patched: [], unaffected: [] },
    vulnerable: () => true,
    kind: 'unmaintained',
  },
];

function cmp(a, b) {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

if (!fs.existsSync(lockfile)) {
  process.stderr.write(`error: not found: Couldn't load ${lockfile}\n`);
  process.exit(2);
}
const packages = [
  ...fs.readFileSync(lockfile, 'utf8').matchAll(/\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"/g),
].map((m) => ({ name: m[1], version: m[2], source: null, checksum: null, dependencies: [], replace: null }));

const list = [];
const warnings = {};
for (const entry of DB) {
  if (ignore.includes(entry.advisory.id)) continue;
  for (const pkg of packages.filter(
    (p) => p.name === entry.advisory.package && entry.vulnerable(p.version),
  )) {
    const found = { advisory: entry.advisory, versions: entry.versions, affected: null, package: pkg };
    if (entry.kind) (warnings[entry.kind] ||= []).push({ kind: entry.kind, ...found });
    else list.push(found);
  }
}

const report = {
  database: {
    'advisory-count': 912,
    'last-commit': '8bd5bd1c2e3a2b5e2d2bd0b0d0fd4b8c1e4b4a3f',
    'last-updated': '2026-11-20T14:31:05+01:00',
  },
  lockfile: { 'dependency-count': packages.length },
  settings: {
    target_arch: [],
    target_os: [],
    severity: null,
    ignore,
    informational_warnings: ['unmaintained', 'unsound', 'yanked'],
  },
  vulnerabilities: { found: list.length > 0, count: list.length, list },
  warnings,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(list.length ? 1 : 0);
