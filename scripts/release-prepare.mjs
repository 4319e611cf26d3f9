#!/usr/bin/env node
// Makes a release commit name its own repository: every reference to the `acme` placeholder that stands
// for the publisher of this project is rewritten in the tree, so a fork that publishes under its own name
// gets working `uses:`, includes, components, images and package names with no hand edits.
//
//   node scripts/release-prepare.mjs --repository OWNER/NAME [--version X.Y.Z] [--scope @npm-scope]
//                                    [--image ghcr.io/owner/mcp-deploy] [--root DIR] [--check]
//
// What is rewritten (tests/ keep the placeholder: they describe the source tree, not a release):
//   acme/mcp-deploy-action         the action, stage actions, reusable workflow, raw include, component,
//                                  package.json repository (npm provenance checks it)   -> OWNER/NAME
//   @acme/mcp-deploy               the npm package                                    -> <scope>/mcp-deploy
//   ghcr.io/acme/mcp-deploy[:V]    the tool image the GitLab jobs run, pinned to the release -> <image>:<version>
//   `acme` is a placeholder for... the prose that names the placeholder   -> `OWNER` is the organisation...
//   package.json / package-lock.json version                                          -> <version>
// Example images of a user's own server (ghcr.io/acme/hello-mcp) are not references to this project and
// stay. --check changes nothing and exits 1 when a placeholder is left (the release workflow runs it
// after the rewrite). Exits 2 on bad arguments, with one line naming the option and the fix.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIP_DIRS = new Set([
  '.git',
  'node_modules',
  'dist',
  '__tests__',
  'target',
  '.gitlab-ci-local',
  'coverage',
]);
// Anchored so that e.g. acme/mcp-deploy-action-fork or ghcr.io/acme/mcp-deploy-tools are not touched.
const PLACEHOLDERS = [
  /(?<![\w.-])acme\/mcp-deploy-action(?![\w-])/g,
  /@acme\/mcp-deploy(?![\w-])/g,
  /ghcr\.io\/acme\/mcp-deploy(?![\w-])/g,
  /`acme`/g,
];

function fail(option, message, fix) {
  process.stderr.write(`error: ${message} (--${option}): ${fix}\n`);
  process.exit(2);
}

function parse(argv) {
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) fail(a, `unexpected argument '${a}'`, 'options are --name value');
    const name = a.slice(2);
    if (name === 'check') flags.check = true;
    else if (i + 1 < argv.length) flags[name] = argv[++i];
    else fail(name, 'needs a value', `write --${name} <value>`);
  }
  return flags;
}

const SELF = fileURLToPath(import.meta.url);

function* textFiles(dir, root) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    // This file names the placeholders it looks for.
    if (full === SELF) continue;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !(dir === root && e.name === 'build')) yield* textFiles(full, root);
    } else if (e.isFile()) {
      const buf = fs.readFileSync(full);
      if (!buf.includes(0)) yield [full, buf.toString('utf8')];
    }
  }
}

export function leftovers(root) {
  const found = [];
  for (const [file, text] of textFiles(root, root))
    text.split('\n').forEach((line, n) => {
      if (PLACEHOLDERS.some((re) => line.match(re)))
        found.push(`${path.relative(root, file)}:${n + 1}: ${line.trim()}`);
    });
  return found;
}

function main() {
  const flags = parse(process.argv.slice(2));
  const root = path.resolve(flags.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  if (flags.check) {
    const left = leftovers(root);
    for (const l of left) process.stderr.write(`placeholder left: ${l}\n`);
    process.exit(left.length ? 1 : 0);
  }
  const repository = flags.repository ?? fail('repository', 'is required', 'pass --repository OWNER/NAME');
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9_.-]{1,100})$/.exec(repository);
  if (!m)
    fail(
      'repository',
      `'${repository}' is not OWNER/NAME`,
      'pass e.g. --repository my-org/mcp-deploy-action',
    );
  const owner = m[1].toLowerCase();
  const pkgFile = path.join(root, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const version = (flags.version ?? pkg.version).replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version))
    fail('version', `'${flags.version}' is not a version`, 'pass X.Y.Z, e.g. --version 1.4.0');
  const scope = flags.scope ?? `@${owner}`;
  if (!/^@[a-z0-9][a-z0-9._-]*$/.test(scope))
    fail('scope', `'${scope}' is not an npm scope`, 'pass e.g. --scope @my-org (lowercase)');
  const image = flags.image ?? `ghcr.io/${owner}/mcp-deploy`;
  if (!/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)+$/.test(image))
    fail(
      'image',
      `'${image}' is not an image repository`,
      'pass e.g. --image ghcr.io/my-org/mcp-deploy (no tag)',
    );

  const rewrite = (text) =>
    text
      // The tool image is pinned to the release: its tag becomes this version.
      .replace(/ghcr\.io\/acme\/mcp-deploy:\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(?![\w.-])/g, `${image}:${version}`)
      .replace(PLACEHOLDERS[2], image)
      .replace(PLACEHOLDERS[1], `${scope}/mcp-deploy`)
      .replace(PLACEHOLDERS[0], `${m[1]}/${m[2]}`)
      // The prose that said `acme` is a placeholder now names the publisher.
      .replace(
        /(`acme`(?: below)?) (?:is a placeholder for|stands for) the organisation/g,
        '$1 is the organisation',
      )
      .replace(/(`acme`.*?) \(a placeholder\)/g, '$1')
      .replace(PLACEHOLDERS[3], `\`${m[1]}\``);

  let changed = 0;
  for (const [file, text] of textFiles(root, root)) {
    const next = rewrite(text);
    if (next !== text) {
      fs.writeFileSync(file, next);
      changed++;
      process.stdout.write(`rewrote ${path.relative(root, file)}\n`);
    }
  }
  for (const f of ['package.json', 'package-lock.json']) {
    const file = path.join(root, f);
    if (!fs.existsSync(file)) continue;
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.version = version;
    if (json.packages?.['']) {
      json.packages[''].version = version;
      json.packages[''].name = json.name;
    }
    fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  }
  const left = leftovers(root);
  for (const l of left) process.stderr.write(`placeholder left: ${l}\n`);
  process.stdout.write(
    `${changed} file(s) now name ${m[1]}/${m[2]}, ${scope}/mcp-deploy ${version} and ${image}:${version}\n`,
  );
  process.exit(left.length ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
