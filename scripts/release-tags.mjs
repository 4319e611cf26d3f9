#!/usr/bin/env node
// Points every ref a user may pin at the prepared release commit. The release workflow's `tags` job runs
// it in a checkout of the release tag, after scripts/release-prepare.mjs has rewritten the tree:
//
//   node scripts/release-tags.mjs commit --tag vX.Y.Z --repository OWNER/NAME
//       commits the prepared tree on top of the checked-out commit. When the checkout already is a prepared
//       commit (a re-run after the tags moved: release-prepare changed nothing) it commits nothing, so a
//       re-run never stacks a second release commit. The commit is reproducible: a fixed author and
//       message, dated at the source commit, so preparing the same source twice gives the same commit.
//   node scripts/release-tags.mjs push --tag vX.Y.Z --prerelease true|false [--remote origin]
//       points vX.Y.Z and, for a release that is not a pre-release, the major tag vX at HEAD, in one
//       `git push --atomic --force`: both move or neither does. A tag that already names HEAD is left
//       alone; when none has to move nothing is pushed. A pre-release (marked so, or vX.Y.Z-rc.1) moves
//       only its own tag.
//
// Tags are force-updated, never deleted and re-created: deleting a tag turns the published GitHub release
// that names it into a draft; updating it keeps the release attached to the tag name. Both subcommands
// add their lines to $GITHUB_STEP_SUMMARY when it is set. Exit codes: 0 done or nothing to do, 1 git
// failed (one ::error:: line says what to change), 2 bad arguments.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TAG = /^v(\d+)\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9_.-]{1,100}$/;
const BOT = ['github-actions[bot]', '41898282+github-actions[bot]@users.noreply.github.com'];

function usage(option, message, fix) {
  process.stdout.write(`::error::${message} (--${option}): ${fix}\n`);
  process.exit(2);
}

function parse(argv) {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: Object.fromEntries(
        ['tag', 'repository', 'prerelease', 'remote'].map((o) => [o, { type: 'string' }]),
      ),
    });
    return values;
  } catch (e) {
    process.stdout.write(
      `::error::${e.message}: options are --tag, --repository, --prerelease and --remote, each with a value\n`,
    );
    return process.exit(2);
  }
}

function git(args, env = {}) {
  const r = spawnSync('git', args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return { status: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

function gitOk(args, env) {
  const r = git(args, env);
  if (r.status !== 0) {
    const cmd = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '-c');
    process.stdout.write(`::error::git ${cmd} failed: ${r.err.split('\n').pop()}\n`);
    process.exit(1);
  }
  return r.out;
}

const short = (sha) => sha.slice(0, 7);

function summary(text) {
  if (process.env.GITHUB_STEP_SUMMARY) fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, text);
}

/** The tags a release moves: its own, and the major tag unless it is a pre-release. */
export function tagsFor(tag, prerelease) {
  const m = TAG.exec(tag);
  if (!m) return undefined;
  const pre = prerelease || m[2] !== undefined;
  return { version: tag, major: `v${m[1]}`, tags: pre ? [tag] : [tag, `v${m[1]}`] };
}

function commit(flags) {
  const tag = flags.tag ?? usage('tag', 'is required', 'pass --tag vX.Y.Z');
  if (!TAG.test(tag))
    usage('tag', `release tag '${tag}' is not vX.Y.Z`, 'publish the release as e.g. v1.4.0');
  const repo = flags.repository ?? usage('repository', 'is required', 'pass --repository OWNER/NAME');
  if (!REPOSITORY.test(repo))
    usage('repository', `'${repo}' is not OWNER/NAME`, 'pass e.g. my-org/mcp-deploy-action');
  const source = gitOk(['rev-parse', 'HEAD']);
  if (gitOk(['status', '--porcelain', '--untracked-files=no']) === '') {
    const line = `${short(source)} is already prepared (release-prepare changed nothing): no new commit`;
    process.stdout.write(`${line}\n`);
    summary(`${line}\n\n`);
    return;
  }
  // Reproducible: the same source and the same rewrite give the same commit on a re-run.
  const date = gitOk(['show', '--no-patch', '--format=%cd', '--date=raw', 'HEAD']);
  const who = { NAME: BOT[0], EMAIL: BOT[1], DATE: date };
  const env = Object.fromEntries(
    ['AUTHOR', 'COMMITTER'].flatMap((role) => Object.entries(who).map(([k, v]) => [`GIT_${role}_${k}`, v])),
  );
  gitOk(
    [
      '-c',
      'commit.gpgSign=false',
      'commit',
      '--quiet',
      '--all',
      '--no-verify',
      '--message',
      `Release ${tag} for ${repo}\n\nThe tree of ${source} with every reference naming ${repo}\n(scripts/release-prepare.mjs).`,
    ],
    env,
  );
  const prepared = gitOk(['rev-parse', 'HEAD']);
  const line = `prepared ${tag} as ${short(prepared)}: ${short(source)} naming ${repo}`;
  process.stdout.write(`${line}\n`);
  summary(`${line}\n\n`);
}

/** What each tag names on the remote (the commit, through an annotated tag), or undefined. */
function remoteTags(remote, names) {
  const out = gitOk(['ls-remote', '--tags', remote]);
  const found = {};
  const peeled = {};
  for (const line of out.split('\n').filter(Boolean)) {
    const [sha, ref] = line.split('\t');
    const name = ref.replace(/^refs\/tags\//, '').replace(/\^\{\}$/, '');
    if (!names.includes(name)) continue;
    // An annotated tag has a second line, `<tag>^{}`, with the commit it names.
    if (ref.endsWith('^{}')) peeled[name] = sha;
    else found[name] = sha;
  }
  return { ...found, ...peeled };
}

/**
 * The highest release of `major` on the remote newer than `version`, if there is one: the major tag must not
 * move back to an older line (v1.2.4 published after v1.3.0). Only plain vX.Y.Z tags count (pre-releases
 * never move the major tag), so the comparison is of three integers; this job holds a write token and
 * installs nothing, hence no semver package.
 */
export function newerRelease(tags, version) {
  const triple = (t) => /^v(\d+)\.(\d+)\.(\d+)$/.exec(t)?.slice(1).map(Number);
  const mine = triple(version);
  if (!mine) return undefined;
  const newer = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  return tags
    .filter((t) => triple(t)?.[0] === mine[0] && newer(triple(t), mine) > 0)
    .sort((a, b) => newer(triple(b), triple(a)))[0];
}

function remoteTagNames(remote) {
  return gitOk(['ls-remote', '--tags', '--refs', remote])
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t')[1].replace(/^refs\/tags\//, ''));
}

/** The one ::error:: line for a refused push: what to change, by the reason git reports. */
export function pushError(output, tags) {
  const which = tags.join(' and ');
  const last =
    output
      .split('\n')
      .filter((l) => l.trim())
      .pop() ?? '';
  if (/\[remote rejected\]|GH013|rule violation|protected (tag|ref)|immutable/i.test(output)) {
    // The refused tag's reason; the others only say `atomic push failure`.
    const reason = [...output.matchAll(/\[remote rejected\][^(\n]*\(([^)\n]*)\)/g)]
      .map((m) => m[1])
      .find((r) => r !== 'atomic push failure');
    return (
      `::error::GitHub refused to move ${which}${reason ? ` (${reason})` : ''}; no tag moved (atomic push). ` +
      `Let GitHub Actions update v* tags: add it as a bypass actor of the ruleset that protects them ` +
      `(Settings → Rules → Rulesets) and re-run this job. If "Enable release immutability" (Settings → ` +
      `General → Releases) is on, this release's tag can never move: turn it off and publish the next patch release`
    );
  }
  if (/\b403\b|Permission to .* denied|Authentication failed|could not read Username/i.test(output))
    return (
      `::error::GitHub did not let this job push ${which} (${last.trim()}): the job needs ` +
      `\`permissions: contents: write\` and the GITHUB_TOKEN in the push step's environment`
    );
  return `::error::pushing ${which} failed, so no tag moved: ${last.trim()}`;
}

function push(flags) {
  const tag = flags.tag ?? usage('tag', 'is required', 'pass --tag vX.Y.Z');
  const pre = flags.prerelease ?? usage('prerelease', 'is required', 'pass --prerelease true or false');
  if (pre !== 'true' && pre !== 'false')
    usage('prerelease', `'${pre}' is not true or false`, 'pass the release’s prerelease flag');
  const plan = tagsFor(tag, pre === 'true');
  if (!plan) usage('tag', `release tag '${tag}' is not vX.Y.Z`, 'publish the release as e.g. v1.4.0');
  if (pre === 'false' && plan.tags.length === 1)
    process.stdout.write(
      `::warning::${tag} has a pre-release suffix but the release is not marked pre-release: ${plan.major} not moved\n`,
    );
  const remote = flags.remote ?? 'origin';
  const head = gitOk(['rev-parse', 'HEAD']);
  const newer = plan.tags.includes(plan.major) ? newerRelease(remoteTagNames(remote), tag) : undefined;
  if (newer) {
    plan.tags = [plan.version];
    process.stdout.write(`::notice::${newer} is newer than ${tag}: ${plan.major} stays with it\n`);
  }
  const before = remoteTags(remote, [plan.version, plan.major]);
  const move = plan.tags.filter((t) => before[t] !== head);

  if (move.length) {
    for (const t of move) {
      const message = t === plan.version ? `Release ${t}` : `${t} -> ${plan.version}`;
      // The tagger is the workflow's bot, as the commit's author is (a runner has no git identity).
      gitOk(['-c', 'tag.gpgSign=false', 'tag', '--force', '--annotate', t, '--message', message, head], {
        GIT_COMMITTER_NAME: BOT[0],
        GIT_COMMITTER_EMAIL: BOT[1],
      });
    }
    const r = spawnSync(
      'git',
      ['push', '--atomic', '--force', remote, ...move.map((t) => `refs/tags/${t}`)],
      {
        encoding: 'utf8',
      },
    );
    if (r.error) throw r.error;
    process.stdout.write(r.stdout);
    process.stdout.write(r.stderr);
    if (r.status !== 0) {
      process.stdout.write(`${pushError(`${r.stdout}\n${r.stderr}`, move)}\n`);
      process.exit(1);
    }
  } else process.stdout.write(`${plan.tags.join(' and ')} already name ${short(head)}: nothing to push\n`);

  const after = remoteTags(remote, [plan.version, plan.major]);
  const wrong = plan.tags.filter((t) => after[t] !== head);
  if (wrong.length) {
    process.stdout.write(
      `::error::after the push ${wrong.join(' and ')} do not name ${short(head)}: another push moved them; re-run this job\n`,
    );
    process.exit(1);
  }
  const rows = [plan.version, plan.major].map((t) => {
    const names = after[t] ? `\`${short(after[t])}\`` : '(none)';
    const what = !plan.tags.includes(t)
      ? newer
        ? `not moved: ${newer} is newer`
        : 'not moved: pre-release'
      : move.includes(t)
        ? 'moved'
        : 'already there';
    return `| \`${t}\` | ${names} | ${what} |`;
  });
  const table = ['| tag | names commit | |', '| --- | --- | --- |', ...rows].join('\n');
  process.stdout.write(`${table}\n`);
  summary(`### Release tags\n\n${table}\n\n`);
}

function main() {
  const [cmd, ...rest] = process.argv.slice(2);
  const flags = parse(rest);
  if (cmd === 'commit') commit(flags);
  else if (cmd === 'push') push(flags);
  else
    usage(
      'help',
      `unknown command '${cmd ?? ''}'`,
      'run `release-tags.mjs commit` or `release-tags.mjs push`',
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
