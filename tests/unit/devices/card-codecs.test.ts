import { describe, expect, it } from 'vitest';
import { checkCardNumber, LineFramer, luhnValid } from '../../../devices/card/codec/barcode-line.ts';
import { BootKeyboardDecoder } from '../../../devices/card/codec/boot-keyboard.ts';

// Boot report layout and usage ids: HID 1.11 appendix B.1 and HID Usage Tables 1.12 section 10
// (0x04 'a' .. 0x1D 'z', 0x1E '1' .. 0x27 '0', 0x28 Enter, 0x2D '-', left shift = modifier bit 1).
const report = (modifier: number, ...keys: number[]) => Uint8Array.from([modifier, 0, ...keys, ...new Array(6 - keys.length).fill(0)]);
const up = report(0);

describe('BootKeyboardDecoder', () => {
  it('decodes digits and a dash by usage id, whatever the host layout', () => {
    const d = new BootKeyboardDecoder();
    const frames = [report(0, 0x1e), up, report(0, 0x1f), up, report(0, 0x2d), up, report(0, 0x27), up, report(0, 0x28), up].flatMap((r) =>
      d.push(r),
    );
    // On a Swedish layout the OS would type usage 0x2D as '+'; we must not.
    expect(frames).toEqual([{ type: 'line', text: '12-0' }]);
  });

  it('applies shift from the modifier byte (left 0x02, right 0x20)', () => {
    const d = new BootKeyboardDecoder();
    const frames = [report(0x02, 0x04), up, report(0x20, 0x05), up, report(0, 0x06), up, report(0, 0x28)].flatMap((r) => d.push(r));
    expect(frames).toEqual([{ type: 'line', text: 'ABc' }]);
  });

  it('types a held key once and a repeated key after release twice', () => {
    const d = new BootKeyboardDecoder();
    const frames = [report(0, 0x1e), report(0, 0x1e), up, report(0, 0x1e), report(0, 0x1e, 0x1f), up, report(0, 0x28)].flatMap((r) =>
      d.push(r),
    );
    expect(frames).toEqual([{ type: 'line', text: '112' }]);
  });

  it('reads keypad digits and keypad Enter', () => {
    const d = new BootKeyboardDecoder();
    const frames = [report(0, 0x59), up, report(0, 0x62), up, report(0, 0x58)].flatMap((r) => d.push(r));
    expect(frames).toEqual([{ type: 'line', text: '10' }]);
  });

  it('skips a leading report id when configured and discards short reports', () => {
    const d = new BootKeyboardDecoder({ reportId: true });
    const withId = (r: Uint8Array) => Uint8Array.from([1, ...r]);
    expect([withId(report(0, 0x20)), withId(up), withId(report(0, 0x28))].flatMap((r) => d.push(r))).toEqual([{ type: 'line', text: '3' }]);
    expect(d.push(Uint8Array.of(0, 0, 4))).toEqual([{ type: 'discarded', reason: 'short report (3 bytes)' }]);
  });

  it('ignores the rollover error report and guards the line length', () => {
    const d = new BootKeyboardDecoder({ maxLength: 3 });
    expect(d.push(report(0, 1, 1, 1, 1, 1, 1))).toEqual([]);
    const frames = [0x1e, 0x1f, 0x20, 0x21].flatMap((k) => [...d.push(report(0, k)), ...d.push(up)]);
    expect(frames).toEqual([{ type: 'discarded', reason: 'line too long' }]);
  });
});

describe('LineFramer', () => {
  it('splits CR, LF and CRLF lines across arbitrary chunks', () => {
    const f = new LineFramer('any');
    const bytes = new TextEncoder().encode('1234\r5678\n9012\r\n3456\r');
    const lines: string[] = [];
    for (const b of bytes) lines.push(...f.push(Uint8Array.of(b)).lines);
    expect(lines).toEqual(['1234', '5678', '9012', '3456']);
  });

  it('honours a fixed terminator', () => {
    const f = new LineFramer('crlf');
    expect(f.push(new TextEncoder().encode('12\r34\r\n')).lines).toEqual(['12\r34']);
  });

  it('drops an endless line instead of growing', () => {
    const f = new LineFramer('cr', 8);
    expect(f.push(new TextEncoder().encode('0123456789')).discarded).toBe(10);
    expect(f.push(new TextEncoder().encode('42\r')).lines).toEqual(['42']);
  });
});

describe('checkCardNumber', () => {
  const rules = { stripPrefix: '', stripSuffix: '', minLength: 4, maxLength: 14, checkDigit: 'none' as const };

  // Luhn example from ISO/IEC 7812-1 annex B as reproduced in the Wikipedia "Luhn algorithm" article.
  it('checks the Luhn digit', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(checkCardNumber('79927398713', { ...rules, checkDigit: 'luhn' })).toEqual({ ok: true, number: '79927398713' });
    expect(checkCardNumber('79927398714', { ...rules, checkDigit: 'luhn' })).toEqual({ ok: false, reason: 'card.check-digit' });
  });

  it('strips prefix and suffix, then checks the length', () => {
    expect(checkCardNumber('%B12345?', { ...rules, stripPrefix: '%B', stripSuffix: '?' })).toEqual({ ok: true, number: '12345' });
    expect(checkCardNumber('123', rules)).toEqual({ ok: false, reason: 'card.length' });
    expect(checkCardNumber('123456789012345', rules)).toEqual({ ok: false, reason: 'card.length' });
    expect(checkCardNumber('12\u000134', rules)).toEqual({ ok: false, reason: 'card.charset' });
  });
});
