import { type Browser, chromium, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';
import { type SpeechServer, speakingChromium, startSpeechServer } from './speech-server.ts';

/**
 * Speech output through the platform's synthesis, for real: Chromium, a
 * speech-dispatcher and espeak-ng (Debian: apt-get install speech-dispatcher
 * speech-dispatcher-espeak-ng espeak-ng). The kiosk's page gets Swedish,
 * Finnish, Arabic and English voices from it, and an utterance is spoken to
 * its end. Then the other way to switch speech on without sight: a headset.
 */
let kiosk: KioskProcess;
let speech: SpeechServer | undefined;
let browser: Browser | undefined;
test.afterEach(async () => {
  await browser?.close();
  await speech?.stop();
  await kiosk?.stop();
});

test('the kiosk page has Swedish, Finnish, Arabic and English voices from espeak-ng, and an utterance is spoken to its end', async () => {
  speech = await startSpeechServer('espeak-ng');
  kiosk = await startKioskProcess();
  browser = await chromium.launch(speakingChromium(speech, chromiumLaunchOptions));
  const page = await browser.newPage();
  await page.goto(kiosk.url);
  await expect(page.getByRole('heading', { name: /Välkommen/ })).toBeVisible();
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          [...new Set(speechSynthesis.getVoices().map((v) => v.lang.split('-')[0] ?? ''))].filter((l) => /^(sv|fi|ar|en)$/.test(l)).sort(),
        ),
      {
        timeout: 30_000,
      },
    )
    .toEqual(['ar', 'en', 'fi', 'sv']);
  const ended = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const voice = speechSynthesis.getVoices().find((v) => v.lang.startsWith('sv') && !v.name.includes('+'));
        const u = new SpeechSynthesisUtterance('Välkommen till biblioteket.');
        u.lang = 'sv-SE';
        if (voice) u.voice = voice;
        u.onend = () => resolve(`ended with ${voice?.name}`);
        u.onerror = (e) => resolve(`error ${e.error}`);
        speechSynthesis.speak(u);
      }),
  );
  expect(ended).toMatch(/^ended with .*Swedish/);
});

test('a headset plugged in turns speech on (where the platform names its audio outputs); taking it out turns it off', async () => {
  kiosk = await startKioskProcess();
  browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage();
  // The platform's side, as Electron or a permitted Chromium reports it: named audio outputs and devicechange.
  await page.addInitScript(() => {
    const outputs: MediaDeviceInfo[] = [
      { deviceId: 'speaker', kind: 'audiooutput', label: 'Built-in Audio Analog Stereo', groupId: '1' } as MediaDeviceInfo,
    ];
    const target = new EventTarget();
    Object.defineProperty(navigator, 'mediaDevices', {
      value: {
        enumerateDevices: async () => [...outputs],
        addEventListener: target.addEventListener.bind(target),
        removeEventListener: target.removeEventListener.bind(target),
      },
    });
    (window as unknown as { plug: (on: boolean) => void }).plug = (on) => {
      if (on) outputs.push({ deviceId: 'jack', kind: 'audiooutput', label: 'Headphones (HDA Intel PCH)', groupId: '2' } as MediaDeviceInfo);
      else outputs.splice(1);
      target.dispatchEvent(new Event('devicechange'));
    };
  });
  await page.goto(kiosk.url);
  const toggle = page.getByRole('button', { name: /Uppläsning/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.evaluate(() => (window as unknown as { plug: (on: boolean) => void }).plug(true));
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => page.evaluate(() => window.openbranchSpeech?.log.at(-1)?.text ?? '')).toMatch(/^Uppläsningen är på\./);
  await page.evaluate(() => (window as unknown as { plug: (on: boolean) => void }).plug(false));
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});
