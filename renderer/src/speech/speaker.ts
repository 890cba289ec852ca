import type { Language } from '../../../shared/i18n/languages.ts';
import { localeOf } from '../../../shared/i18n/languages.ts';

/**
 * Speech through the platform's synthesis (the Web Speech API: speech-
 * dispatcher with espeak-ng on Linux, SAPI on Windows), in the session's
 * language. Where no voice is installed nothing is heard; the screen says
 * everything anyway. Each utterance is also kept in a short log on
 * `window.openbranchSpeech` for the technician's diagnostics (never a PIN:
 * only what the screen shows is ever said).
 */
export class Speaker {
  private voices: SpeechSynthesisVoice[] = [];
  readonly log: { text: string; lang: string }[] = [];

  constructor(private readonly synth: SpeechSynthesis | undefined = globalThis.speechSynthesis) {
    const load = () => {
      this.voices = this.synth?.getVoices() ?? [];
    };
    load();
    this.synth?.addEventListener?.('voiceschanged', load);
  }

  /** Says `text`; `interrupt` stops what is being said first (a new screen). */
  say(text: string, language: Language, interrupt = false): void {
    try {
      this.speak(text, language, interrupt);
    } catch (e) {
      // Speech is a help, never a reason for the kiosk to stop: the screen still says it all.
      console.error('speech failed', e);
    }
  }

  private speak(text: string, language: Language, interrupt: boolean): void {
    if (text.trim() === '') return;
    const lang = localeOf[language].split('-u-')[0]!;
    this.log.push({ text, lang });
    if (this.log.length > 200) this.log.shift();
    if (!this.synth) return;
    if (interrupt) this.synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    const voice = this.voiceFor(language);
    if (voice) utterance.voice = voice;
    this.synth.speak(utterance);
  }

  stop(): void {
    this.synth?.cancel();
  }

  /** The plain voice of the language (espeak-ng lists variants such as "Swedish+Adam" as well). */
  private voiceFor(language: Language): SpeechSynthesisVoice | undefined {
    if (this.voices.length === 0) this.voices = this.synth?.getVoices() ?? [];
    const ofLanguage = this.voices.filter((v) => v.lang.toLowerCase().split(/[-_]/)[0] === language);
    return ofLanguage.find((v) => !v.name.includes('+')) ?? ofLanguage[0];
  }
}

declare global {
  interface Window {
    openbranchSpeech?: Speaker;
  }
}

export function speaker(): Speaker {
  window.openbranchSpeech ??= new Speaker();
  return window.openbranchSpeech;
}
