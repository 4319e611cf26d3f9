import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRemote } from '../context';
import { exec } from '../exec';
import { ActionError } from '../errors';
import { parseArgs, type Command } from './args';

/**
 * `mcp-deploy init` writes the starter files into a user's repository, filled with the crate's name and
 * the image name its git remote implies. It never overwrites a file without --force.
 */

export type Ci = 'github' | 'gitlab' | 'none';

/** Where each template goes in the user's repository (directories map recursively). */
const LAYOUT: { from: string; to: string; ci?: Ci }[] = [
  { from: 'docker/Dockerfile', to: 'Dockerfile' },
  { from: 'docker/dockerignore', to: '.dockerignore' },
  { from: 'k8s', to: 'deploy/k8s' },
  { from: 'monitoring', to: 'deploy/monitoring' },
  { from: 'github/deploy.yml', to: '.github/workflows/deploy.yml', ci: 'github' },
  { from: 'gitlab/caller.gitlab-ci.yml', to: '.gitlab-ci.yml', ci: 'gitlab' },
];

export interface InitValues {
  crate: string;
  image: string;
}

export interface InitFile {
  path: string;
  content: string;
  action: 'create' | 'overwrite' | 'unchanged' | 'exists';
}

/** The `name` of `[[bin]]` if the crate declares one, else of `[package]`: what the image runs. */
export function crateName(cargoToml: string): string | undefined {
  const section = (name: string) => {
    const m = new RegExp(`^\\[${name}\\]\\s*$([\\s\\S]*?)(?=^\\[|(?![\\s\\S]))`, 'm').exec(cargoToml);
    return m && /^\s*name\s*=\s*"([^"]+)"/m.exec(m[1])?.[1];
  };
  return section('\\[bin\\]') ?? section('package') ?? undefined;
}

/** ghcr.io for GitHub remotes, the project registry for gitlab.com; others must say --image. */
export function imageFromRemote(remote: string): string | undefined {
  const r = parseRemote(remote);
  if (r?.host === 'github.com') return `ghcr.io/${r.repo.toLowerCase()}`;
  if (r?.host === 'gitlab.com') return `registry.gitlab.com/${r.repo.toLowerCase()}`;
  return undefined;
}

/** The CI the remote's host implies: a GitLab host gets the include template, anything else a workflow. */
export function ciFromRemote(remote: string | undefined): Ci {
  return remote && parseRemote(remote)?.host.includes('gitlab') ? 'gitlab' : 'github';
}

export function fill(text: string, v: InitValues): string {
  return text.replace(/\{\{crate\}\}/g, v.crate).replace(/\{\{image\}\}/g, v.image);
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** Pure with respect to the target: reads templates and the target, decides, writes nothing. */
export function planInit(
  templates: string,
  target: string,
  values: InitValues,
  force: boolean,
  ci: Ci = 'github',
): InitFile[] {
  const files: InitFile[] = [];
  for (const { from, to, ci: only } of LAYOUT) {
    if (only && only !== ci) continue;
    const src = path.join(templates, from);
    if (!fs.existsSync(src)) continue;
    const sources = fs.statSync(src).isDirectory()
      ? walk(src).filter((f) => path.basename(f) !== 'README.md')
      : [src];
    for (const f of sources) {
      const rel = fs.statSync(src).isDirectory() ? path.join(to, path.relative(src, f)) : to;
      const dest = path.join(target, rel);
      const content = fill(fs.readFileSync(f, 'utf8'), values);
      const existing = fs.existsSync(dest) ? fs.readFileSync(dest, 'utf8') : undefined;
      const action =
        existing === undefined
          ? 'create'
          : existing === content
            ? 'unchanged'
            : force
              ? 'overwrite'
              : 'exists';
      files.push({ path: rel.split(path.sep).join('/'), content, action });
    }
  }
  return files;
}

async function originUrl(cwd: string): Promise<string | undefined> {
  const r = await exec(['git', 'remote', 'get-url', 'origin'], { cwd, echo: false }).catch(() => undefined);
  return r?.exitCode === 0 ? r.stdout.trim() : undefined;
}

function templatesRoot(): string {
  if (process.env.MCP_DEPLOY_TEMPLATES) return process.env.MCP_DEPLOY_TEMPLATES;
  // dist/cli.js -> <package>/templates (the package ships both; a symlinked bin is resolved first).
  return path.resolve(path.dirname(fs.realpathSync(process.argv[1])), '..', 'templates');
}

export const initCommand: Command = {
  usage: `mcp-deploy init [--cwd DIR] [--crate NAME] [--image REF] [--ci github|gitlab|none] [--dry-run] [--force]

Writes the starter files (Dockerfile, .dockerignore, deploy/k8s, deploy/monitoring, and
.github/workflows/deploy.yml or .gitlab-ci.yml) filled with the crate name (from Cargo.toml) and the
image (from the git remote: ghcr.io/<owner>/<repo> or registry.gitlab.com/<group>/<project>).
--ci defaults to gitlab for a GitLab remote, github otherwise.
An existing file is never overwritten without --force; --dry-run prints what would be written.`,
  async run(args) {
    const { flags } = parseArgs(args, {
      inputs: [],
      own: { cwd: false, crate: false, image: false, ci: false, 'dry-run': true, force: true },
    });
    const cwd = path.resolve(flags.cwd ?? '.');
    const cargo = path.join(cwd, 'Cargo.toml');
    const crate =
      flags.crate ?? (fs.existsSync(cargo) ? crateName(fs.readFileSync(cargo, 'utf8')) : undefined);
    if (!crate)
      throw new ActionError(
        `no crate name: ${cargo} is missing or has no [package] name`,
        'crate',
        'run init in the crate or pass --crate NAME',
      );
    const origin = await originUrl(cwd);
    const image = flags.image ?? (origin ? imageFromRemote(origin) : undefined);
    if (!image)
      throw new ActionError(
        'no image name: the git remote is not on github.com or gitlab.com',
        'image',
        'pass --image registry.example.com/team/app',
      );
    const ci = (flags.ci ?? ciFromRemote(origin)) as Ci;
    if (!['github', 'gitlab', 'none'].includes(ci))
      throw new ActionError(`'${ci}' is not a CI`, 'ci', 'use github, gitlab or none');
    const files = planInit(templatesRoot(), cwd, { crate, image }, flags.force === 'true', ci);
    if (!files.length)
      throw new ActionError(
        `no templates found in ${templatesRoot()}`,
        'templates',
        'set MCP_DEPLOY_TEMPLATES to the templates directory',
      );
    const dry = flags['dry-run'] === 'true';
    const verb = {
      create: 'create',
      overwrite: 'overwrite',
      unchanged: 'unchanged',
      exists: 'keep (exists; --force overwrites)',
    };
    for (const f of files) {
      process.stdout.write(`${dry ? '[dry-run] ' : ''}${verb[f.action].padEnd(10)} ${f.path}\n`);
      if (dry && (f.action === 'create' || f.action === 'overwrite'))
        process.stdout.write(`${f.content.replace(/^/gm, '    ')}\n`);
      if (!dry && (f.action === 'create' || f.action === 'overwrite')) {
        fs.mkdirSync(path.dirname(path.join(cwd, f.path)), { recursive: true });
        fs.writeFileSync(path.join(cwd, f.path), f.content);
      }
    }
    const written = files.filter((f) => f.action === 'create' || f.action === 'overwrite').length;
    const kept = files.filter((f) => f.action === 'exists').length;
    if (!written)
      process.stdout.write(
        `\nNothing ${dry ? 'would change' : 'changed'}: every file is already there${kept ? ` (${kept} differ from the templates; --force overwrites them)` : ' and up to date'}.\n`,
      );
    else if (!dry)
      process.stdout.write(`
Wrote ${written} file(s) for ${crate} (image ${image}). Next steps:
  1. Review deploy/k8s/overlays/*/kustomization.yaml: hosts, namespaces, replicas.
  2. Build locally: docker buildx build -t ${image}:dev .
  3. Snapshot the MCP contract: mcp-deploy contract snapshot --command "cargo run -q -- --stdio" > mcp-contract.json
  4. Add the secrets the workflow names (registry, kubeconfigs) and push.
`);
    return 0;
  },
};
