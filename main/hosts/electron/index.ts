/**
 * Electron host: the only place in OpenBranch that imports `electron`.
 * Load it with a dynamic import, and only when the Electron binary runs the
 * process (availability.ts tells whether it can): tests never load it.
 */
export { type ElectronHost, type ElectronHostOptions, registerAppScheme, startElectronHost } from './host.ts';
