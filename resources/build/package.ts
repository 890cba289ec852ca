// `npm run package`: builds the OpenBranch packages for this platform with
// electron-builder. Steps, in order, stopping at the first failure:
//   0. check that this Node can run Electron's packaging tools (they need Node 22.12+; the kiosk runs on 20);
//   1. check that the Electron zip can be had (cache or download), else say so clearly;
//   2. `npm run build`: main, devices and shared compiled to dist/ (the Electron entry and
//      preload included) and the renderer built;
//   3. rebuild better-sqlite3 for Electron's ABI with @electron/rebuild and check the ABI symbol;
//   4. run electron-builder (npmRebuild is false: step 3 did the only rebuild needed);
//   5. always: rebuild better-sqlite3 for Node again, so tests and the CLI keep working.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  builderArgs,
  cachedElectronZip,
  downloadFailureMessage,
  electronAbi,
  electronCacheDir,
  electronZipName,
  electronZipUrl,
  hasAbiSymbol,
  PackagingError,
  packagingNodeProblem,
} from './package-plan.ts';

const root = resolve(import.meta.dirname, '../..');
const version = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const { platform, arch } = process;
const npx = platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, shell: platform === 'win32' });
  if (r.status !== 0) throw new PackagingError(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

async function checkElectronDownload(): Promise<void> {
  const cache = electronCacheDir();
  if (cachedElectronZip(cache, electronZipName(version, platform, arch))) return;
  const url = electronZipUrl(version, platform, arch);
  let reason: string;
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(15_000) });
    if (res.ok) return;
    reason = `HTTP ${res.status}`;
  } catch (e) {
    reason = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
  }
  throw new PackagingError(downloadFailureMessage(version, url, reason, cache));
}

function rebuildSqliteForElectron(): void {
  // ~/.npmrc may set nodedir=/usr, which npm passes on as npm_config_nodedir and which
  // makes node-gyp build against Node's headers even for Electron: drop it here.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl)$/i.test(k)));
  run(npx, ['electron-rebuild', '--force', '--only', 'better-sqlite3', '--version', version, '--arch', arch], env);
  if (platform !== 'linux') return;
  const binary = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  const nm = spawnSync('nm', ['-D', '--defined-only', binary], { encoding: 'utf8' });
  const abi = electronAbi(root);
  if (!hasAbiSymbol(nm.stdout ?? '', abi)) {
    throw new PackagingError(
      `better-sqlite3 was not built for Electron (no node_register_module_v${abi} in ${binary}); check nodedir in ~/.npmrc`,
    );
  }
}

async function main(): Promise<number> {
  let rebuilt = false;
  try {
    builderArgs(platform, arch); // refuses unsupported platforms before anything runs
    const nodeProblem = packagingNodeProblem(process.versions.node, root);
    if (nodeProblem) throw new PackagingError(nodeProblem);
    await checkElectronDownload();
    run(npm, ['run', 'build']);
    rebuilt = true;
    rebuildSqliteForElectron();
    run(npx, ['electron-builder', ...builderArgs(platform, arch)]);
    console.log('\nPackages are in release/.');
    return 0;
  } catch (e) {
    console.error(`\nnpm run package: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    if (rebuilt) {
      try {
        run(npm, ['rebuild', 'better-sqlite3']);
      } catch (e) {
        console.error(`could not rebuild better-sqlite3 for Node again: run "npm rebuild better-sqlite3" (${String(e)})`);
      }
    }
  }
}

process.exitCode = await main();
