/**
 * Bundles the Electron shell with esbuild:
 *   src-main/electron/main.ts    → dist-main/main.cjs     (Node, CommonJS; native and unused modules left outside)
 *   src-main/electron/preload.ts → dist-main/preload.cjs  (sandboxed preload: one file, requires only 'electron')
 * The preload gets the contract's operation names written in at build time, so it carries no contract code.
 *
 *   npm run build:main
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { OPERATION_NAMES } from '../src-core/contract/operations';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Native modules (shipped in node_modules, unpacked from asar) and knex's dialect drivers we never load. */
export const MAIN_EXTERNALS = [
  'electron',
  'better-sqlite3',
  '@node-rs/argon2',
  'mysql',
  'mysql2',
  'oracledb',
  'pg-query-stream',
  'sqlite3',
  'tedious',
  'pg-native',
  'mariadb',
];

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 45's Node
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

export async function buildMain(outdir = path.join(root, 'dist-main')): Promise<void> {
  await build({
    ...common,
    entryPoints: [path.join(root, 'src-main/electron/main.ts')],
    outfile: path.join(outdir, 'main.cjs'),
    external: MAIN_EXTERNALS,
    // knex and friends read import.meta.url in a few ESM files; in CJS output it must be the bundle's own URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
}

export async function buildPreload(outdir = path.join(root, 'dist-main')): Promise<void> {
  await build({
    ...common,
    platform: 'browser', // a sandboxed preload has no Node: no fs, no path, no require but 'electron'
    entryPoints: [path.join(root, 'src-main/electron/preload.ts')],
    outfile: path.join(outdir, 'preload.cjs'),
    external: ['electron'],
    target: 'chrome140',
    define: { SABAQ_OPERATION_NAMES: JSON.stringify(OPERATION_NAMES) },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await Promise.all([buildMain(), buildPreload()]);
  console.log(`dist-main/main.cjs and dist-main/preload.cjs built in ${Date.now() - started} ms`);
}
