import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The import direction of ARCHITECTURE.md as data:
 * renderer -> shared; main -> devices -> shared; electron only in
 * main/hosts/electron; codecs and machines do no I/O. Inside main, the
 * domain (door, queue, machines, central, catalog) never reaches out to the
 * adapters (hub, app, hosts, cli), and main/core (the ports) imports
 * shared/ only.
 */
export interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly rule: string;
}

const LAYERS = ['shared', 'devices', 'main', 'renderer'] as const;
type Layer = (typeof LAYERS)[number];

const mayImportLayer: Record<Layer, readonly Layer[]> = {
  shared: ['shared'],
  devices: ['devices', 'shared'],
  main: ['main', 'devices', 'shared'],
  renderer: ['renderer', 'shared'],
};

const packageOf = (spec: string): string => {
  const parts = spec.split('/');
  return spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? spec);
};

const allowedPackages: Record<Layer, (pkg: string) => boolean> = {
  shared: (p) => p === 'zod',
  devices: (p) =>
    p === 'zod' ||
    p.startsWith('node:') ||
    p === 'serialport' ||
    p.startsWith('@serialport/') ||
    p === 'node-hid' ||
    p === '@point-of-sale/receipt-printer-encoder',
  main: (p) => p !== 'react' && p !== 'react-dom',
  renderer: (p) => !p.startsWith('node:') && p !== 'electron',
};

/** Folders of main/ that hold the kiosk's rules, and the adapter folders they must never import. */
const DOMAIN = ['door', 'queue', 'machines', 'central', 'catalog'];
const ADAPTERS = ['hub', 'app', 'hosts', 'cli'];
const mainFolder = (relPath: string): string | undefined => {
  const parts = relPath.split(sep);
  return parts[0] === 'main' && parts.length > 2 ? parts[1] : undefined;
};

const CORE_RULE = 'main/core (the ports) imports shared/ only';

/** Rules inside main/: the domain owns the ports; adapters depend on it, never the reverse. */
function mainRules(rel: string, target: string): string[] {
  const from = mainFolder(rel);
  const to = mainFolder(target);
  if (from === 'core') return target.startsWith(`shared${sep}`) || to === 'core' ? [] : [CORE_RULE];
  if (from && to && DOMAIN.includes(from) && ADAPTERS.includes(to))
    return [`main/${from} may not import main/${to} (use a port in main/core)`];
  return [];
}

const ELECTRON_HOST = `main${sep}hosts${sep}electron${sep}`;
const IO_PACKAGES = (p: string) =>
  p.startsWith('node:') ||
  p === 'serialport' ||
  p.startsWith('@serialport/') ||
  p === 'node-hid' ||
  p === 'better-sqlite3' ||
  p === 'electron';

function layerOf(relPath: string): Layer | undefined {
  const top = relPath.split(sep)[0];
  return LAYERS.find((l) => l === top);
}

export function checkImport(root: string, file: string, specifier: string): Violation[] {
  const rel = relative(root, file);
  const layer = layerOf(rel);
  if (!layer) return [];
  const out: Violation[] = [];
  const isCodec = rel.split(sep).includes('codec');
  const isMachine = rel.startsWith(`main${sep}machines${sep}`);

  if (specifier.startsWith('.')) {
    const target = relative(root, resolve(dirname(file), specifier));
    const targetLayer = layerOf(target);
    if (!targetLayer || !mayImportLayer[layer].includes(targetLayer)) {
      out.push({ file: rel, specifier, rule: `${layer}/ may not import ${targetLayer ?? target}` });
    }
    for (const rule of mainRules(rel, target)) out.push({ file: rel, specifier, rule });
    if (isMachine && targetLayer === 'devices') {
      out.push({ file: rel, specifier, rule: 'machines get devices as actors, never concrete drivers' });
    }
    if (isCodec && targetLayer !== 'shared' && !target.split(sep).includes('codec')) {
      out.push({ file: rel, specifier, rule: 'a codec imports only shared/ and other codec files' });
    }
    return out;
  }

  const pkg = packageOf(specifier);
  if (pkg === 'electron' && !rel.startsWith(ELECTRON_HOST)) {
    out.push({ file: rel, specifier, rule: 'electron is imported only in main/hosts/electron' });
  } else if (!allowedPackages[layer](pkg)) {
    out.push({ file: rel, specifier, rule: `${layer}/ may not import the package ${pkg}` });
  }
  if (mainFolder(rel) === 'core') out.push({ file: rel, specifier, rule: CORE_RULE });
  if ((isCodec || isMachine) && IO_PACKAGES(pkg)) {
    out.push({ file: rel, specifier, rule: `${isCodec ? 'codecs' : 'machines'} do no I/O (${pkg})` });
  }
  return out;
}

export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.config.ts')) out.push(full);
  }
  return out;
}

export function checkTree(root: string): Violation[] {
  return LAYERS.flatMap((layer) => {
    let files: string[] = [];
    try {
      files = sourceFiles(join(root, layer));
    } catch {
      return [];
    }
    return files.flatMap((file) => importsOf(readFileSync(file, 'utf8')).flatMap((spec) => checkImport(root, file, spec)));
  });
}
