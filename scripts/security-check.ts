/**
 * The static security check of the Electron shell (`npm run security`):
 *
 * 1. Electronegativity (Doyensec) over src-main/electron, assuming the installed Electron version.
 *    It fails on any HIGH finding, and on any finding at all of the MUST_PASS checks below.
 *    Findings listed in REVIEWED were looked at by a person; they are printed with the reason and do not fail.
 *    Two global checks are left out, each replaced by something better here:
 *      AvailableSecurityFixesGlobalCheck — downloads Electron's release list (no network on build machines);
 *                                          the Electron version is pinned in package.json and reviewed on upgrade.
 *      CSPGlobalCheck                    — cannot see a CSP sent as a header by our protocol handler;
 *                                          check 2 reads that CSP (RENDERER_CSP) itself.
 * 2. The renderer's CSP is strict: default-src 'none', scripts only 'self', no unsafe-*, no remote hosts.
 * 3. `electron` is imported only under src-main/electron; @electron/remote is nowhere.
 * 4. electron-builder.yml sets every fuse as the design says.
 *
 * Exit code 0 when all pass, 1 otherwise.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RENDERER_CSP } from '../src-main/app/renderer-files';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SHELL = path.join(root, 'src-main', 'electron');

/** Checks that must report nothing (any severity, any confidence). */
export const MUST_PASS = [
  'CONTEXT_ISOLATION_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'EXPERIMENTAL_FEATURES_JS_CHECK',
  'BLINK_FEATURES_JS_CHECK',
  'AUXCLICK_JS_CHECK',
  'REMOTE_MODULE_JS_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
  'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
  'CERTIFICATE_ERROR_EVENT_JS_CHECK',
  'CERTIFICATE_VERIFY_PROC_JS_CHECK',
  'DANGEROUS_FUNCTIONS_JS_CHECK',
  'SECURITY_WARNINGS_DISABLED_JS_CHECK',
  'CUSTOM_ARGUMENTS_JS_CHECK',
  'HTTP_RESOURCES_JS_CHECK',
  'AFFINITY_JS_CHECK',
];

/** Findings a person reviewed: check id and file → why it is fine. */
export const REVIEWED: Record<string, string> = {
  'PRELOAD_JS_CHECK security.ts':
    'the one preload (preload.ts): contextBridge exposes six functions, never ipcRenderer; invoke allows only the contract names',
  'OPEN_EXTERNAL_JS_CHECK security.ts': 'only https URLs of allowlisted hosts reach openExternal (src-main/app/external-links.ts)',
};

const EXCLUDED = ['AvailableSecurityFixesGlobalCheck', 'CSPGlobalCheck'];

interface Finding {
  id: string;
  file: string;
  location?: { line: number; column: number };
  sample?: string;
  description?: string;
  severity: { name: string };
  confidence: { name: string };
}

type Verdict = 'FAIL' | 'reviewed' | 'note';

export type ScanRow = { verdict: Verdict; finding: Finding; why?: string };

/** Electronegativity over a folder of shell sources, each finding judged FAIL, reviewed or note. */
export async function scanShell(input = SHELL, log: (line: string) => void = console.log): Promise<{ rows: ScanRow[]; problems: string[] }> {
  const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<{
    globalChecks: number;
    atomicChecks: number;
    errors: { file: string; message: string; tolerable: boolean }[];
    issues: Finding[];
  }>;
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const result = await run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: EXCLUDED,
    parserPlugins: [],
  });
  log(`electronegativity: ${result.atomicChecks} atomic and ${result.globalChecks} global checks, Electron ${electronVersion}`);
  const problems = result.errors.filter((e) => !e.tolerable).map((e) => `cannot parse ${e.file}: ${e.message}`);
  const rows = result.issues.map((finding): ScanRow => {
    const reviewed = REVIEWED[`${finding.id} ${path.basename(finding.file)}`];
    const failing = finding.severity.name === 'HIGH' || finding.severity.name === 'CRITICAL' || MUST_PASS.includes(finding.id);
    const verdict: Verdict = failing ? 'FAIL' : reviewed ? 'reviewed' : 'note';
    return { verdict, finding, ...(reviewed && !failing ? { why: reviewed } : {}) };
  });
  return { rows, problems };
}

function checkCsp(): string[] {
  const directives = new Map(RENDERER_CSP.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values] as const;
  }));
  const problems: string[] = [];
  const expect = (name: string, values: string[]) => {
    if (JSON.stringify(directives.get(name)) !== JSON.stringify(values)) problems.push(`CSP ${name} must be ${values.join(' ')}`);
  };
  expect('default-src', ["'none'"]);
  expect('script-src', ["'self'"]);
  expect('object-src', ["'none'"]);
  expect('base-uri', ["'none'"]);
  expect('frame-ancestors', ["'none'"]);
  for (const [name, values] of directives) {
    for (const value of values) {
      if (/^'unsafe-|^'wasm-unsafe|^\*$|^https?:|^wss?:|\*\./.test(value)) problems.push(`CSP ${name} allows ${value}`);
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [full] : [];
  });
}

function checkImports(): string[] {
  const problems: string[] = [];
  const importsElectron = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/;
  const usesRemote = /['"]@electron\/remote(?:\/[^'"]*)?['"]/;
  for (const folder of ['src-core', 'src-main/app', 'src-server', 'src-renderer', 'migrations']) {
    const dir = path.join(root, folder);
    if (!statSafe(dir)) continue;
    for (const file of sourceFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      if (importsElectron.test(text)) problems.push(`${path.relative(root, file)} imports electron (only src-main/electron may)`);
      if (usesRemote.test(text)) problems.push(`${path.relative(root, file)} uses @electron/remote`);
    }
  }
  for (const file of sourceFiles(SHELL)) {
    if (usesRemote.test(readFileSync(file, 'utf8'))) problems.push(`${path.relative(root, file)} uses @electron/remote`);
  }
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  if (pkg.dependencies?.['@electron/remote'] || pkg.devDependencies?.['@electron/remote']) problems.push('package.json depends on @electron/remote');
  return problems;
}

function statSafe(p: string) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

export const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

function checkFuses(): string[] {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean> };
  return Object.entries(REQUIRED_FUSES)
    .filter(([fuse, value]) => config.electronFuses?.[fuse] !== value)
    .map(([fuse, value]) => `electron-builder.yml: electronFuses.${fuse} must be ${value}`);
}

async function main(): Promise<number> {
  const { rows, problems: parseProblems } = await scanShell();
  for (const { verdict, finding, why } of rows) {
    const where = `${finding.file}:${finding.location?.line ?? 0}`;
    console.log(`  ${verdict.padEnd(8)} ${finding.severity.name.padEnd(13)} ${finding.id.padEnd(40)} ${where}${why ? `\n           ↳ ${why}` : ''}`);
  }
  if (rows.length === 0) console.log('  no findings');
  const own: [string, string[]][] = [
    ['renderer CSP', checkCsp()],
    ["imports of 'electron' and @electron/remote", checkImports()],
    ['Electron fuses in electron-builder.yml', checkFuses()],
  ];
  for (const [name, problems] of own) {
    console.log(`${name}: ${problems.length ? 'FAIL' : 'ok'}`);
    for (const p of problems) console.log(`  FAIL ${p}`);
  }
  const failed = rows.filter((r) => r.verdict === 'FAIL').length + parseProblems.length + own.reduce((n, [, p]) => n + p.length, 0);
  for (const p of parseProblems) console.log(`  FAIL ${p}`);
  console.log(failed ? `security check: ${failed} problem(s)` : 'security check: passed');
  return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
