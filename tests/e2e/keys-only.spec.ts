import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';
import { DEMO, itemLine, pageUrl, place, present } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';
import { type SpeechServer, speakingChromium, startSpeechServer } from './speech-server.ts';

/**
 * EN 301 549 (closed functionality, clauses 5.1.3 and 5.1.6): a patron who
 * cannot see the screen or use the touch screen. Speech is turned on with
 * the keypad's * key; the keypad moves through the controls (2 next, 8
 * previous, 5 home, Enter to choose); the card is read and the items lie on
 * the pad (devices, not the screen). The patron borrows two items and
 * returns one. What is checked is what reached the speech server: a real
 * speech-dispatcher whose "recorder" module writes down every text it is
 * given (Chromium speaks through it on Linux), so the PIN must never be in it.
 */
let kiosk: KioskProcess;
let speech: SpeechServer;
let browser: Browser;
test.afterEach(async () => {
  await browser?.close();
  await speech?.stop();
  await kiosk?.stop();
});

/** What the speech server was given, sentence by sentence (its generic module splits on sentences). */
const said = () => speech.spoken().map((s) => s.text.trim());
/** Waits until the speech server has been given text matching `pattern` (after the first `since` sentences). */
async function heard(pattern: RegExp, since = 0) {
  await expect
    .poll(() => pattern.test(said().slice(since).join(' ')), {
      message: `said ${pattern}; what was said: ${said().slice(since).join(' / ')}`,
      timeout: 15_000,
    })
    .toBe(true);
}
const key = (page: Page, k: string) => page.keyboard.press(k);

/** Moves with 2 (next) until the focused control is named `name`, as a patron listening would. */
async function moveTo(page: Page, name: RegExp) {
  for (let i = 0; i < 30; i++) {
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return !el || el === document.body ? '' : (el.getAttribute('aria-label') ?? el.textContent ?? '');
    });
    if (name.test(focused)) return;
    await key(page, 'Numpad2');
  }
  throw new Error(`no control ${name}`);
}

test('keys only, with speech: borrow two items and return one; every screen and result is said, the PIN never', async () => {
  speech = await startSpeechServer('recorder');
  kiosk = await startKioskProcess();
  browser = await chromium.launch(speakingChromium(speech, chromiumLaunchOptions));
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  const screen = await context.newPage();
  await screen.goto(kiosk.url);
  const sim = await context.newPage();
  await sim.goto(pageUrl(kiosk, 'simulator'));
  await screen.bringToFront();
  await expect(screen.getByRole('heading', { name: /Välkommen/ })).toBeVisible();

  // * turns speech on: the help, then the start screen.
  await key(screen, 'NumpadMultiply');
  await heard(/Uppläsningen är på\. Flytta med 2 och 8/);
  await heard(/Välkommen till Västerås stadsbibliotek/);

  // The card on the reader, the PIN on the keypad (digits type; Enter sends).
  await present(sim, DEMO.anna);
  await screen.bringToFront();
  await heard(/Slå din PIN-kod/);
  for (const d of '1234') await screen.keyboard.press(`Numpad${d}`, { delay: 60 });
  // Home reads the screen again (5 types a digit here): the PIN is said as how many digits, never as them.
  const typed = said().length;
  await key(screen, 'Home');
  await heard(/4 siffror inslagna/, typed);
  await key(screen, 'NumpadEnter');
  await heard(/Hej Anna!/);
  await heard(/Du har 1 lån som skulle ha lämnats tillbaka/);

  // 5: home, the first control and the screen once more. 2 moves on; each control is said with its place.
  const before = said().length;
  await key(screen, 'Numpad5');
  await heard(/\. 1 av \d+\./, before);
  await moveTo(screen, /^⇩? ?Låna$/);
  await heard(/Låna\. \d+ av \d+\./, before);
  await key(screen, 'NumpadEnter');
  await heard(/Låna\. Lägg det du vill låna på plattan/, before);

  await place(sim, DEMO.pippi);
  await place(sim, DEMO.second);
  await screen.bringToFront();
  await heard(/Pippi Långstrump\. Lånad\. Lämna tillbaka senast/);
  await heard(/Mio, min Mio\. Lånad\. Lämna tillbaka senast/);
  await expect(itemLine(screen, DEMO.second)).toHaveAttribute('data-status', 'done');

  // Klar, then no receipt: the closing screen is said.
  await moveTo(screen, /^Klar$/);
  await key(screen, 'NumpadEnter');
  await heard(/Vill du ha ett kvitto\?/);
  await moveTo(screen, /Inget kvitto/);
  await key(screen, 'NumpadEnter');
  await heard(/Klart! 2 lån är registrerade\./);
  await moveTo(screen, /^Klar$/);
  await key(screen, 'NumpadEnter');
  await heard(/Välkommen till Västerås stadsbibliotek/);

  // The session is over, and speech with it (the next patron starts without); * turns it on again.
  await heard(/Uppläsningen är av\./);
  const off = said().length;
  await key(screen, 'NumpadMultiply');
  await heard(/Uppläsningen är på\./, off);

  // She takes her books; later she returns one. Returning needs no card: the item on the pad; its line is said.
  await sim.getByRole('button', { name: 'Lyft alla' }).click();
  await place(sim, DEMO.second);
  await screen.bringToFront();
  await heard(/Mio, min Mio\. Återlämnad\. Ställ den på återlämningshyllan/);

  // The PIN never reached the speech server, in any form.
  expect(said().join('\n')).not.toMatch(/1234|1 2 3 4|ett två tre fyra/i);
  // Every utterance was in Swedish.
  expect(new Set(speech.spoken().map((s) => s.lang))).toEqual(new Set(['sv']));
});
