import type { Cue } from './cues.ts';

/** Notes (Hz, ms) of each cue: rising for success, low for refused, two even beeps for attention. */
const NOTES: Record<Cue, readonly (readonly [number, number])[]> = {
  success: [
    [660, 90],
    [880, 120],
  ],
  refused: [[220, 320]],
  attention: [
    [520, 110],
    [520, 110],
  ],
};

let context: AudioContext | undefined;

/**
 * Plays a cue as synthesised tones (Web Audio): no sound files to ship, and
 * the same in Electron and Chromium kiosk mode (both started with
 * autoplay allowed, since nobody clicks before the first cue).
 */
export function playCue(cue: Cue): void {
  document.documentElement.dataset.lastCue = cue;
  try {
    context ??= new AudioContext();
    let at = context.currentTime;
    for (const [hz, ms] of NOTES[cue]) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.2, at);
      gain.gain.exponentialRampToValueAtTime(0.001, at + ms / 1000);
      osc.connect(gain).connect(context.destination);
      osc.start(at);
      osc.stop(at + ms / 1000);
      at += ms / 1000 + 0.04;
    }
  } catch {
    // No audio device: the screen still says everything the sound would.
  }
}
