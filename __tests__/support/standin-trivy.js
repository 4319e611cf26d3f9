#!/usr/bin/env node
/**
 * A STAND-IN for the `trivy` CLI (Trivy cannot be installed on this machine). It answers the way the real
 * one does for what the scan stage uses: `--version`; `image --format json --output F ... REF` writes a
 * real Trivy report (STANDIN_TRIVY_REPORT, one of fixtures/trivy/*.json) filtered by --severity,
 * --ignore-unfixed, --ignorefile and --scanners as Trivy filters it; a DB repository listed in
 * STANDIN_TRIVY_RATE_LIMITED answers with Trivy's real rate-limit error; `convert --format sarif` turns a
 * JSON report into SARIF 2.1.0 in Trivy's shape, `convert --format template` into a GitLab
 * container-scanning report (the shape of Trivy's contrib/gitlab.tpl; the template file is not read). Unknown flags fail like cobra does. Every call is logged
 * to STANDIN_TRIVY_LOG (argv, and whether registry credentials arrived by environment).
 */
const fs = require('node:fs');
const path = require('node:path');

const argv = process.argv.slice(2);
if (process.env.STANDIN_TRIVY_LOG)
  fs.appendFileSync(
    process.env.STANDIN_TRIVY_LOG,
    `${JSON.stringify({
      argv,
      cwd: process.cwd(),
      username: process.env.TRIVY_USERNAME ?? null,
      passwordSet: Boolean(process.env.TRIVY_PASSWORD),
      password: process.env.TRIVY_PASSWORD ?? null,
    })}\n`,
  );

const VALUE_FLAGS = [
  '--format',
  '--output',
  '--severity',
  '--scanners',
  '--ignorefile',
  '--cache-dir',
  '--db-repository',
  '--timeout',
  '--exit-code',
  '--template',
];
const BOOL_FLAGS = ['--ignore-unfixed', '--no-progress', '--quiet'];

function parse(args) {
  const flags = {};
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (VALUE_FLAGS.includes(a)) flags[a] = args[++i];
    else if (BOOL_FLAGS.includes(a)) flags[a] = true;
    else if (a.startsWith('-')) {
      process.stderr.write(`Error: unknown flag: ${a}\n`);
      process.exit(1);
    } else positional.push(a);
  }
  return { flags, positional };
}

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

function image(args) {
  const { flags, positional } = parse(args);
  if (flags['--format'] !== 'json' || !flags['--output'] || positional.length !== 1) {
    process.stderr.write('stand-in trivy: expected --format json --output FILE and one image reference\n');
    process.exit(2);
  }
  const repo = flags['--db-repository'] || 'mirror.gcr.io/aquasec/trivy-db:2';
  const cache = flags['--cache-dir'];
  const limited = (process.env.STANDIN_TRIVY_RATE_LIMITED || '').split(',').filter(Boolean);
  const fresh = cache && fs.existsSync(path.join(cache, 'db', 'metadata.json'));
  if (!fresh) {
    process.stderr.write(`${now()}\tINFO\t[vulndb] Need to update DB\n`);
    process.stderr.write(`${now()}\tINFO\t[vulndb] Downloading vulnerability DB...\n`);
    process.stderr.write(`${now()}\tINFO\t[vulndb] Downloading artifact...\trepo="${repo}"\n`);
    if (limited.includes(repo)) {
      const host = repo.split('/')[0];
      const name = repo.slice(host.length + 1).split(':')[0];
      process.stderr.write(
        `${now()}\tERROR\t[vulndb] Failed to download artifact\trepo="${repo}" err="OCI repository error: 1 error occurred:\\n\\t* GET https://${host}/v2/${name}/manifests/2: TOOMANYREQUESTS: retry-after: 571.072µs, allowed: 44000/minute\\n\\n"\n`,
      );
      process.stderr.write(
        `${now()}\tFATAL\tFatal error\tinit error: DB error: failed to download vulnerability DB: OCI artifact error: failed to download vulnerability DB: failed to download artifact from any source\n`,
      );
      process.exit(1);
    }
    if (cache) {
      fs.mkdirSync(path.join(cache, 'db'), { recursive: true });
      fs.writeFileSync(
        path.join(cache, 'db', 'metadata.json'),
        JSON.stringify({ Version: 2, DownloadedAt: new Date().toISOString(), Repository: repo }),
      );
    }
  }
  const report = JSON.parse(fs.readFileSync(process.env.STANDIN_TRIVY_REPORT, 'utf8'));
  const severities = (flags['--severity'] || 'UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL').split(',');
  const scanners = (flags['--scanners'] || 'vuln,secret').split(',');
  const ignored = new Set(
    flags['--ignorefile']
      ? fs
          .readFileSync(flags['--ignorefile'], 'utf8')
          .split('\n')
          .map((l) => l.replace(/#.*/, '').trim().split(/\s+/))
          // Trivy drops an entry whose exp:YYYY-MM-DD has passed.
          .filter(
            ([id, ...rest]) =>
              id && !rest.some((r) => /^exp:/.test(r) && r.slice(4) < new Date().toISOString().slice(0, 10)),
          )
          .map(([id]) => id)
      : [],
  );
  report.ArtifactName = positional[0];
  for (const r of report.Results || []) {
    if (r.Vulnerabilities)
      r.Vulnerabilities = scanners.includes('vuln')
        ? r.Vulnerabilities.filter(
            (v) =>
              severities.includes(v.Severity) &&
              !ignored.has(v.VulnerabilityID) &&
              !(flags['--ignore-unfixed'] && !v.FixedVersion),
          )
        : undefined;
    if (r.Secrets)
      r.Secrets = scanners.includes('secret')
        ? r.Secrets.filter((s) => severities.includes(s.Severity))
        : undefined;
  }
  fs.writeFileSync(flags['--output'], JSON.stringify(report, null, 2));
  process.exit(
    Number(flags['--exit-code'] || 0) && report.Results.some((r) => (r.Vulnerabilities || []).length)
      ? Number(flags['--exit-code'])
      : 0,
  );
}

const LEVEL = { CRITICAL: 'error', HIGH: 'error', MEDIUM: 'warning', LOW: 'note', UNKNOWN: 'note' };

function convert(args) {
  const { flags, positional } = parse(args);
  const template = flags['--format'] === 'template' && flags['--template'];
  if ((flags['--format'] !== 'sarif' && !template) || !flags['--output'] || positional.length !== 1) {
    process.stderr.write(
      'stand-in trivy: expected convert --format sarif|template [--template T] --output FILE REPORT.json\n',
    );
    process.exit(2);
  }
  const report = JSON.parse(fs.readFileSync(positional[0], 'utf8'));
  if (report.SchemaVersion !== 2) {
    process.stderr.write(
      `${now()}\tFATAL\tFatal error\tconvert error: schema version ${report.SchemaVersion} is not supported\n`,
    );
    process.exit(1);
  }
  if (template) {
    // What Trivy's contrib/gitlab.tpl renders: a GitLab container-scanning report (schema 15.0.x).
    const vulnerabilities = (report.Results || []).flatMap((r) =>
      (r.Vulnerabilities || []).map((v) => ({
        id: v.VulnerabilityID,
        severity:
          { CRITICAL: 'Critical', HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' }[v.Severity] || 'Unknown',
        name: v.Title || v.VulnerabilityID,
        description: v.Description || '',
        solution: v.FixedVersion ? `Upgrade ${v.PkgName} to ${v.FixedVersion}` : 'No solution provided',
        location: {
          dependency: { package: { name: v.PkgName }, version: v.InstalledVersion },
          operating_system: r.Target,
          image: report.ArtifactName,
        },
        identifiers: [
          { type: 'cve', name: v.VulnerabilityID, value: v.VulnerabilityID, url: v.PrimaryURL || '' },
        ],
      })),
    );
    const scanner = { id: 'trivy', name: 'Trivy', version: '0.69.3', vendor: { name: 'Aqua Security' } };
    const t = new Date().toISOString().replace(/\.\d+Z$/, '');
    const out = {
      version: '15.0.7',
      scan: {
        analyzer: scanner,
        scanner,
        type: 'container_scanning',
        status: 'success',
        start_time: t,
        end_time: t,
      },
      vulnerabilities,
      remediations: [],
    };
    fs.writeFileSync(flags['--output'], JSON.stringify(out, null, 2));
    return;
  }
  const rules = [];
  const results = [];
  for (const r of report.Results || []) {
    for (const v of r.Vulnerabilities || []) {
      let ruleIndex = rules.findIndex((x) => x.id === v.VulnerabilityID);
      if (ruleIndex < 0) {
        ruleIndex = rules.length;
        rules.push({
          id: v.VulnerabilityID,
          name: r.Class === 'os-pkgs' ? 'OsPackageVulnerability' : 'LanguageSpecificPackageVulnerability',
          shortDescription: { text: v.Title || v.VulnerabilityID },
          fullDescription: { text: v.Description || '' },
          defaultConfiguration: { level: LEVEL[v.Severity] || 'note' },
          helpUri: v.PrimaryURL,
        });
      }
      results.push({
        ruleId: v.VulnerabilityID,
        ruleIndex,
        level: LEVEL[v.Severity] || 'note',
        message: {
          text: `Package: ${v.PkgName}\nInstalled Version: ${v.InstalledVersion}\nVulnerability ${v.VulnerabilityID}\nSeverity: ${v.Severity}\nFixed Version: ${v.FixedVersion || ''}\nLink: [${v.VulnerabilityID}](${v.PrimaryURL})`,
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: report.ArtifactName, uriBaseId: 'ROOTPATH' },
              region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
            },
            message: { text: `${report.ArtifactName}: ${v.PkgName}@${v.InstalledVersion}` },
          },
        ],
      });
    }
  }
  const sarif = {
    version: '2.1.0',
    $schema:
      'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            fullName: 'Trivy Vulnerability Scanner',
            informationUri: 'https://github.com/aquasecurity/trivy',
            name: 'Trivy',
            rules,
            version: '0.69.3',
          },
        },
        results,
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { ROOTPATH: { uri: 'file:///' } },
      },
    ],
  };
  fs.writeFileSync(flags['--output'], JSON.stringify(sarif, null, 2));
}

switch (argv[0]) {
  case '--version':
  case 'version':
    process.stdout.write('Version: 0.69.3\n');
    break;
  case 'image':
    image(argv.slice(1));
    break;
  case 'convert':
    convert(argv.slice(1));
    break;
  default:
    process.stderr.write(`Error: unknown command "${argv[0]}" for "trivy"\n`);
    process.exit(1);
}
