import { expect, type Page, test } from '@playwright/test';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';
import { readQr } from './qr.ts';

/**
 * "Tips för mig" end to end on the embedded default: the kiosk harvests the
 * demo catalogue over OAI-PMH, a patron picks Deckare + ljudbok + svenska,
 * reserves a match for pick-up in Köping over SIP2 Hold, and the reserved
 * copy returned here goes to the transport crate for Köping. Checked against
 * the demo central system itself: its OAI-PMH records and its reservations.
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const ANNA = '23000000000017';
const OPAC = 'https://opac.region.example/cgi-bin/koha/opac-detail.pl?biblionumber={id}';
const EMEDIA = 'https://emedia.region.example/isbn/{isbn}';

interface Facts {
  genres: string[];
  language: string;
  type: string;
  isbn?: string;
}

/** The facts of a record as the demo central system serves them (GetRecord). */
async function recordFacts(oai: string, id: string): Promise<Facts> {
  const xml = await (await fetch(`${oai}?verb=GetRecord&metadataPrefix=marcxml&identifier=oai:region.demo:${id}`)).text();
  const f008 = /<controlfield tag="008">([^<]*)</.exec(xml)![1]!;
  const genres = [...xml.matchAll(/<datafield tag="655"[^>]*><subfield code="a">([^<]*)</g)].map((m) => m[1]!);
  const isbn = /<datafield tag="020"[^>]*><subfield code="a">([^<]*)</.exec(xml)?.[1];
  return { genres, language: f008.slice(35, 38), type: /<leader>(.{24})</.exec(xml)![1]![6]!, ...(isbn ? { isbn } : {}) };
}

async function qrOf(page: Page, selector: string): Promise<string> {
  return readQr(await page.locator(selector).first().screenshot());
}

test('Deckare + ljudbok + svenska: only such titles, on the shelf here first; reserved for Köping; returned here it goes to the crate for Köping', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  kiosk = await startKioskProcess({
    config: { demo: true, catalog: { schedule: { startDelaySeconds: 0 }, opacLinkTemplate: OPAC, emediaLinkTemplate: EMEDIA } },
  });
  const demoLine = /^Demo central system: sip2 \S+ oai (\S+)$/m;
  await expect.poll(() => demoLine.test(kiosk.output())).toBe(true);
  const oai = demoLine.exec(kiosk.output())![1]!;
  const demo = oai.replace('/cgi-bin/koha/oai.pl', '');
  await page.goto(kiosk.url);

  // The button shows once the first harvest has brought the catalogue in.
  await page.getByRole('button', { name: 'Tips för mig' }).click({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Deckare', exact: true }).click();
  await page.getByRole('button', { name: 'ljudbok', exact: true }).click();
  await page.getByRole('button', { name: 'svenska', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Deckare', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: info.outputPath('choose.png') });
  await page.getByRole('button', { name: 'Visa tips' }).click();
  await expect(page.getByRole('heading', { name: 'Tips till dig' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('results.png'), fullPage: true });

  const matches = page.locator('li.discover-match');
  const count = await matches.count();
  expect(count).toBeGreaterThan(3);
  const shown = await matches.evaluateAll((lis) =>
    lis.map((li) => ({ id: li.getAttribute('data-record')!, group: li.getAttribute('data-group')!, text: li.textContent ?? '' })),
  );
  // Every title shown is, by the demo central system's own record, a Deckare (655), in Swedish (008) and an audiobook (leader/06 i).
  for (const m of shown) {
    const facts = await recordFacts(oai, m.id);
    expect(facts.genres, m.id).toContain('Deckare');
    expect([facts.language, facts.type], m.id).toEqual(['swe', 'i']);
    expect(m.text).toContain('Deckare · ljudbok · svenska');
  }
  // On the shelf here first (with where to walk), then to reserve, then e-media.
  const order = { here: 0, reserve: 1, emedia: 2, none: 3 } as Record<string, number>;
  const groups = shown.map((m) => order[m.group]!);
  expect(groups).toEqual([...groups].sort((a, b) => a - b));
  expect(shown[0]!.group).toBe('here');
  expect(shown[0]!.text).toMatch(/Finns på hyllan här: Hc\/LC \S+/);

  // E-media: a QR code into the e-media service, no reserve button.
  const emedia = shown.find((m) => m.group === 'emedia');
  if (emedia) {
    const li = `li.discover-match[data-record="${emedia.id}"]`;
    await expect(page.locator(li).getByRole('button', { name: 'Reservera' })).toHaveCount(0);
    const isbn = (await recordFacts(oai, emedia.id)).isbn!;
    expect(await qrOf(page, `${li} svg.qr-code`)).toBe(EMEDIA.replace('{isbn}', isbn));
  }

  // Reserve one that is not here, for pick-up in Köping; identify with the card and PIN.
  const target = shown.find((m) => m.group === 'reserve')!;
  await page.locator(`li.discover-match[data-record="${target.id}"]`).getByRole('button', { name: 'Reservera' }).click();
  await expect(page.getByText('Visa ditt lånekort eller slå ditt kortnummer för att reservera.')).toBeVisible();
  for (const d of ANNA) await page.getByRole('button', { name: `Siffra ${d}` }).click();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  for (const d of '1234') await page.getByRole('button', { name: `Siffra ${d}` }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Var vill du hämta?' })).toBeVisible();
  await page.getByRole('button', { name: 'Köpings bibliotek' }).click();
  await page.screenshot({ path: info.outputPath('pickup.png') });
  await page.getByRole('button', { name: 'Reservera och hämta på Köpings bibliotek' }).click();
  await expect(page.getByRole('heading', { name: 'Reserverad!' })).toBeVisible();
  await expect(page.getByText('Hämta på Köpings bibliotek när du får besked om att den finns att hämta.')).toBeVisible();
  await page.screenshot({ path: info.outputPath('reserved.png') });

  // The demo central system now holds Anna's reservation of that title with pick-up KOP.
  const holds = (await (await fetch(`${demo}/demo/holds`)).json()) as {
    itemId: string;
    biblio?: string;
    cardNumber: string;
    pickup: string;
  }[];
  const hold = holds.find((h) => h.cardNumber === ANNA && h.biblio === target.id);
  expect(hold).toMatchObject({ pickup: 'KOP', waiting: false });

  // The list for the phone: titles and catalogue links, nothing about Anna.
  await page.getByRole('button', { name: 'Se fler tips' }).click();
  await page.getByRole('button', { name: 'Skicka listan till mobilen' }).click();
  await expect(page.getByRole('heading', { name: 'Rikta mobilens kamera mot koden' })).toBeVisible();
  const list = await qrOf(page, '[data-testid="phone-qr"] svg');
  expect(list).toContain(OPAC.replace('{id}', shown[0]!.id));
  expect(list).not.toContain(ANNA);
  expect(list).not.toMatch(/Anna|Lindqvist|1234/);
  await page.getByRole('button', { name: 'Tillbaka' }).click();
  await page.getByRole('button', { name: 'Klar' }).click();
  await expect(page.getByRole('button', { name: 'Tips för mig' })).toBeVisible();

  // The reserved copy comes back here (Västerås): the kiosk sends it to the crate for Köping.
  const sim = await page.context().newPage();
  await sim.goto(kiosk.url.replace('/?', '/simulator?'));
  await sim.getByLabel('Annan streckkod ur demokatalogen').fill(hold!.itemId);
  await sim.getByRole('button', { name: 'Lägg på' }).first().click();
  await page.bringToFront();
  const line = page.locator(`li[data-item="${hold!.itemId}"]`);
  await expect(line).toHaveAttribute('data-status', 'done');
  await expect(line.locator('[data-route]')).toHaveAttribute('data-route', 'transit');
  await expect(line).toContainText('Den ska till Köpings bibliotek. Lägg den i transportlådan.');
  await page.screenshot({ path: info.outputPath('return.png') });
});
