// Electron fuses for every OpenBranch package (https://www.electronjs.org/docs/latest/tutorial/fuses).
// Plain ESM so electron-builder's afterPack hook can load it without a TypeScript loader.
import fuses from '@electron/fuses';

const { FuseV1Options, FuseVersion } = fuses;

/** @param {string} platform electron platform name: linux, win32, darwin */
export function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature of an arm64 macOS binary.
    resetAdHocDarwinSignature: platform === 'darwin',
    // ELECTRON_RUN_AS_NODE would turn the kiosk binary into a plain Node.
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    // Checked where Electron supports it (macOS, Windows); electron-builder embeds the hashes.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
  };
}
