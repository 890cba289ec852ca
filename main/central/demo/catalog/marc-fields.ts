/**
 * Small builders for MARC 21 fields in marcjs's shape: a control field is
 * [tag, value], a data field [tag, indicators, code, value, code, value, ...].
 */
export type MarcField = string[];

export const control = (tag: string, value: string): MarcField => [tag, value];

export function data(tag: string, indicators: string, ...subfields: (readonly [string, string | undefined])[]): MarcField {
  const out = [tag, indicators];
  for (const [code, value] of subfields) if (value !== undefined && value !== '') out.push(code, value);
  return out;
}

/** ISBN-13 with a valid check digit. */
export function isbn13(twelve: string): string {
  const sum = [...twelve].reduce((n, d, i) => n + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return twelve + String((10 - (sum % 10)) % 10);
}

/** What `barcode` makes: 14 digits (an id of any other shape is no catalogue copy, and nothing need be generated to say so). */
export const isCatalogueBarcode = (id: string): boolean => /^\d{14}$/.test(id);

/** A 14-digit item barcode with a Luhn check digit. */
export function barcode(thirteen: string): string {
  let sum = 0;
  for (let i = 0; i < 13; i++) {
    let d = Number(thirteen[12 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return thirteen + String((10 - (sum % 10)) % 10);
}

/** Field 008 for books (40 positions): date entered, year, Swedish place, audience, form, literary form, language. */
export function field008(o: {
  readonly entered: string;
  readonly year: number;
  readonly audience: string;
  readonly form: string;
  readonly fiction: boolean;
  readonly biography: boolean;
  readonly language: string;
}): MarcField {
  // 00-05 entered, 06 s, 07-10 year, 15-17 country, 22 audience, 23 form of item, 29-31 conference/festschrift/index,
  // 33 literary form, 34 biography, 35-37 language, 39 cataloguing source.
  const v = `${o.entered}s${o.year}    sw     ${o.audience}${o.form}     000 ${o.fiction ? '1' : '0'}${o.biography ? 'b' : ' '}${o.language} c`;
  if (v.length !== 40) throw new Error(`008 must be 40 characters, got ${v.length}`);
  return control('008', v);
}
