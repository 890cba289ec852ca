import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the compiled, self-contained preload (preload.cjs). */
  readonly preload: string;
  /** --dev: devtools allowed and the window is not in kiosk mode. */
  readonly dev: boolean;
}

/**
 * Every security-relevant BrowserWindow setting in one place, so a test can
 * hold it against the Electron security checklist. Only `devTools` and the
 * kiosk/fullscreen pair depend on --dev; nothing here ever loosens isolation.
 */
export function kioskWindowOptions({ preload, dev }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    kiosk: !dev,
    fullscreen: !dev,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Sound cues play before anyone has touched the screen.
      autoplayPolicy: 'no-user-gesture-required',
      devTools: dev,
    },
  };
}
