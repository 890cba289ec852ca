import type { Language } from '../../shared/config/branch.ts';
import type { UiEvent } from '../../shared/contract/ui-events.ts';
import type { SessionPrefs } from '../../shared/contract/view.ts';

export const defaultPrefs: SessionPrefs = { textSize: 'normal', contrast: 'normal', speech: false };

type PrefEvent = Extract<UiEvent, { type: 'ui.language' | 'ui.textSize' | 'ui.contrast' | 'ui.speech' }>;
export const isPrefEvent = (e: UiEvent): e is PrefEvent =>
  e.type === 'ui.language' || e.type === 'ui.textSize' || e.type === 'ui.contrast' || e.type === 'ui.speech';

/**
 * The patron's choices for one session: language, text size, contrast and
 * speech. They hold from the moment they are made (also on the start
 * screen, before the card) until the session ends; then the next patron
 * starts from the branch's defaults. Choices made on the start screen by
 * someone who then walks away are dropped after `forgetAfterMs`.
 */
export class SessionPrefsHolder {
  private languageNow: Language;
  private prefsNow: SessionPrefs = defaultPrefs;
  private forgetTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly defaultLanguage: Language,
    private readonly forgetAfterMs: number,
    private readonly changed: () => void,
  ) {
    this.languageNow = defaultLanguage;
  }

  get language(): Language {
    return this.languageNow;
  }

  get prefs(): SessionPrefs {
    return this.prefsNow;
  }

  /** `onStartScreen`: no session runs, so the choice is forgotten if nobody starts one. */
  apply(event: PrefEvent, onStartScreen: boolean): void {
    if (event.type === 'ui.language') this.languageNow = event.language;
    else if (event.type === 'ui.textSize') this.prefsNow = { ...this.prefsNow, textSize: event.size };
    else if (event.type === 'ui.contrast') this.prefsNow = { ...this.prefsNow, contrast: event.contrast };
    else this.prefsNow = { ...this.prefsNow, speech: event.on };
    if (onStartScreen) this.forgetLater();
    else this.keep();
    this.changed();
  }

  /** A session started: what was chosen on the start screen is the session's now. */
  keep(): void {
    clearTimeout(this.forgetTimer);
    this.forgetTimer = undefined;
  }

  /** The session ended: back to the branch's defaults. */
  reset(): void {
    this.keep();
    const unchanged = this.languageNow === this.defaultLanguage && this.prefsNow === defaultPrefs;
    this.languageNow = this.defaultLanguage;
    this.prefsNow = defaultPrefs;
    if (!unchanged) this.changed();
  }

  dispose(): void {
    this.keep();
  }

  private forgetLater(): void {
    this.keep();
    this.forgetTimer = setTimeout(() => this.reset(), this.forgetAfterMs);
    this.forgetTimer.unref();
  }
}
