import i18next from 'i18next';

/**
 * Says a catalog message aloud in Swedish, then English (speech synthesis
 * of the OS: speech-dispatcher on Linux, SAPI on Windows). Where no voice
 * is installed nothing is heard and the screen still shows the text.
 * The last key is left on <html> so an end-to-end test can tell it was said.
 */
export function speakBoth(key: string, values: Record<string, string | number> = {}): void {
  document.documentElement.dataset.lastSpoken = key;
  const synth = globalThis.speechSynthesis;
  if (!synth) return;
  for (const [lang, voice] of [
    ['sv', 'sv-SE'],
    ['en', 'en-GB'],
  ] as const) {
    const utterance = new SpeechSynthesisUtterance(i18next.getFixedT(lang)(key, values));
    utterance.lang = voice;
    synth.speak(utterance);
  }
}
