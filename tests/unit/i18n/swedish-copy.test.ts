import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../shared/i18n/index.ts';

/**
 * Finding 10 of issue 16: the Swedish patron copy read as translated. The
 * rules of shared/i18n/STYLE-sv.md that a machine can check, over every
 * message a patron sees (all but the technician's and the simulator's).
 */
function entries(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}
const patronCopy = entries(catalogs.sv).filter(([key]) => !/^(technician|simulator|status)\./.test(key));

const WORDS_WE_DO_NOT_USE: [RegExp, string][] = [
  [/Skriv din PIN/i, 'Slå din PIN-kod'],
  [/Session/i, 'du loggas ut'],
  [/Arbetar…|Bearbetar/i, 'Lånas… / Tas emot…'],
  [/öppet för meröppet/i, 'Biblioteket är stängt just nu'],
  [/Skanna/i, 'Visa ditt lånekort'],
  [/Bibliotekssystemet/i, 'bibliotekets system'],
  [/\bmedier\b|\bmediet\b/i, 'den, det du lånar'],
  [/\bEj\b/, 'inte, ingen'],
];

describe('Swedish patron copy (shared/i18n/STYLE-sv.md)', () => {
  it('has more than a hundred messages to check', () => {
    expect(patronCopy.length).toBeGreaterThan(100);
  });

  it('uses none of the words we do not use', () => {
    const found = patronCopy.flatMap(([key, text]) =>
      WORDS_WE_DO_NOT_USE.filter(([word]) => word.test(text)).map(([word, instead]) => `${key}: ${word} (say: ${instead})`),
    );
    expect(found).toEqual([]);
  });

  it('joins no two sentences with a colon', () => {
    // "Reserverad: lämna den…": a colon followed by a lower-case word. Labels ("Kontakt: …") and times are not sentences.
    const joined = patronCopy.filter(([key, text]) => /[a-zåäö]: [a-zåäö]/.test(text) && !key.startsWith('door.alarm'));
    expect(joined).toEqual([]);
  });

  it('tells a blocked patron to contact the library, and every refusal at the door says what to do', () => {
    expect(catalogs.sv.menu.contactLibrary).toMatch(/Kontakta biblioteket/);
    // "Closed" is followed on screen by when the branch opens and when staff are in (door.opensAt, door.staffedAt).
    const reasons = Object.entries(catalogs.sv.door.reason).filter(([code]) => code !== 'outside-hours');
    const without = reasons.filter(
      ([, text]) => !/Kontakta biblioteket|[Ff]örsök igen|[Vv]isa kortet igen|anmäla dig|när personalen är här/.test(text),
    );
    expect(without).toEqual([]);
  });

  it('sends nobody to the staff without a version for when no staff are in', () => {
    // "...when staff are here" is about staffed hours, not an errand for now.
    const toStaff = patronCopy.filter(([, text]) => /personalen/.test(text) && !/när personalen/.test(text));
    expect(toStaff.length).toBeGreaterThan(0);
    expect(toStaff.filter(([key]) => !key.endsWith('.staffed') && !/closedHint|staffed/.test(key))).toEqual([]);
  });
});
