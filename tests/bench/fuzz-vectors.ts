/**
 * Valid inputs the fuzz benchmark mutates: published captures where they
 * exist (sources named beside each), and what our own encoders write for
 * the rest (requests and answers as the readers, the ACS and the printer
 * exchange them).
 */

import { encodeReceipt } from '../../devices/printer/codec/escpos-encode.ts';
import { PAPER_STATUS_QUERY } from '../../devices/printer/codec/escpos-status.ts';
import { fromHex } from '../../devices/rfid/codec/bytes.ts';
import { encodeIso28560Part2 } from '../../devices/rfid/codec/iso28560-2.ts';
import { encodeIso28560Part3 } from '../../devices/rfid/codec/iso28560-3.ts';
import { threeMProtocol } from '../../devices/rfid/readers/3m/codec/commands.ts';
import { encodeThreeMFrame } from '../../devices/rfid/readers/3m/codec/frame.ts';
import { feigProtocol } from '../../devices/rfid/readers/feig/codec/commands.ts';
import { encodeFeigFrame } from '../../devices/rfid/readers/feig/codec/frame.ts';
import { checkoutRequest, encodeMessage, itemInformationRequest, loginRequest } from '../../main/central/sip2/codec/index.ts';

const text = (s: string) => new TextEncoder().encode(s);
const UID = 'E004010012345678';

/**
 * SIP2 messages published by other implementations: Studiosity/sip2-ruby
 * (login responses), lordelph/php-sip2 (a 64 with AY0AZCF82),
 * ThePalaceProject/circulation (a TLC 64), NiceAndNerdy/SIP2.NET issue #1
 * (99 and 63), petkivim/jsip2 (a 15 hold); plus our client's own requests.
 */
export function sip2Vectors(): Uint8Array[] {
  const published = [
    '941AY1AZFDFC',
    '940AY1AZFDFD',
    '64YYYY          00020171031    092000000000000000000000000000AOhq|AA2642|AE|BLN|AF#Unknown borrower barcode - please refer to the circulation desk.|AY1AZD46E',
    '64              00020180711    185645000000000010000000000009AOExample City Library|AA1381380|AEMr Joe Tester|BZ9999|CA9999|CB9999|BLY|CQY|BV0.00|BEjoe.tester@example.com|AY0AZCF82',
    '9900302.0E|AY1AZFC14',
    '6300220170329    170024          AOlocation|AATEST04|AC|AY0AZF3F7',
    '15+20130915    1854553BSpickupLocation|BY3|AO|AApatronId|ABitemId|AY1AZE9BF',
  ].map((m) => text(`${m}\r`));
  const context = { institution: 'VAS', now: new Date('2026-11-30T10:00:00Z') };
  const ours = [
    loginRequest('kiosk', 'secret', 'VAS'),
    checkoutRequest(context, { patron: '23000000000017', item: '39000000000052', pin: '1234' }),
    itemInformationRequest(context, '39000000000052'),
  ].map((m, i) => encodeMessage(m, { sequence: i, terminator: '\r\n' }));
  return [...published, ...ours];
}

/**
 * ISO 28560-3 basic blocks: libdanrfid's DDMDataTest.java sample
 * (github.com/GallusMax/libdanrfid: barcode 11223344, DE, ISIL 705) and our
 * encoder's tags (sets, usage, optional blocks).
 */
export function iso28560Part3Vectors(): Uint8Array[] {
  return [
    fromHex('11010131313232333334340000000000000000513e4445373035000000000000'),
    encodeIso28560Part3({ itemId: '39000000000052', partsInSet: 3, partNumber: 2, country: 'SE', isil: 'VAS' }),
    encodeIso28560Part3({ itemId: '23000000000017', usage: 'patron-card', country: 'SE', isil: 'SE-VAS' }),
    encodeIso28560Part3({ itemId: '1', optionalBlocks: [{ id: 1, data: fromHex('0102030405060708090a0b0c0d0e0f10111213141516171819') }] }),
  ];
}

/** ISO 28560-2 data sets: the standard's integer example "1234" (precursor 0x11, 04D2) and our encoder's tags. */
export function iso28560Part2Vectors(): Uint8Array[] {
  return [
    fromHex('110204D200'),
    encodeIso28560Part2({ itemId: '39000000000052', isil: 'SE-VAS', partsInSet: 3, partNumber: 1 }),
    encodeIso28560Part2({ itemId: 'BOK-12/ab', usage: 'item', extra: { 6: 'Utvandrarna' } }),
    encodeIso28560Part2({ itemId: '23000000000017', usage: 'patron-card', isil: 'DK-710100' }),
  ];
}

/**
 * FEIG ISO-host frames captured in InlayTester.Drivers.FeigReader's tests
 * (github.com/Amarok79): a software-version answer and requests in both
 * framings; plus the driver's requests and answers shaped like a reader's.
 */
export function feigVectors(): Uint8Array[] {
  const feig = feigProtocol({ address: 0xff, framing: 'standard' });
  const inventory = Uint8Array.from([0x00, 2, ...[0x03, 0x00, ...fromHex(UID)], ...[0x03, 0x00, ...fromHex('E004010087654321')]]);
  const blocks = Uint8Array.from([0x00, 2, 4, 0x00, 1, 2, 3, 4, 0x00, 5, 6, 7, 8]);
  return [
    fromHex('0D 00 65 00 03 03 00 44 53 0D 30 33 09'),
    fromHex('06 12 80 07 E5 80'),
    fromHex('02 00 08 12 80 07 A0 2D'),
    feig.inventory().request,
    feig.readBlocks(UID, 0, 8).request,
    encodeFeigFrame({ framing: 'standard', address: 0, command: 0xb0, data: inventory }),
    encodeFeigFrame({ framing: 'advanced', address: 0, command: 0xb0, data: blocks }),
    encodeFeigFrame({ framing: 'standard', address: 0, command: 0xb0, data: Uint8Array.of(0x94, 0) }),
  ];
}

/** 3M 810 frames captured by Biblio::RFID::Reader::3M810 (github.com/dpavlin/Biblio-RFID), and the driver's requests. */
export function threeMVectors(): Uint8Array[] {
  const threeM = threeMProtocol();
  return [
    fromHex('D5 00 05 04 00 11 8C 66'),
    fromHex('D5 00 09 04 00 11 0A 05 00 02 72 50'),
    threeM.inventory().request,
    threeM.readBlocks(UID, 0, 4).request,
    encodeThreeMFrame(Uint8Array.from([0xfe, 0x00, 0x00, 0x05, 0x01, ...fromHex(UID)])),
  ];
}

/** A Swedish receipt as our encoder writes it (PC858, bold, double size, CODE128, QR, cut), and the paper status query. */
export function escposVectors(): Uint8Array[] {
  const receipt = encodeReceipt(
    {
      lines: [
        { type: 'text', text: 'Lånekvitto', bold: true, size: 2 },
        { type: 'text', text: 'Utvandrarna (ljudbok) – åter 14 dec' },
        { type: 'barcode', data: '39000000000052' },
        { type: 'qr', data: 'https://bibliotek.example/lån' },
      ],
    },
    { columns: 48, codepage: 'cp858' },
  );
  return [receipt, PAPER_STATUS_QUERY, Uint8Array.of(0x1b, 0x40, 0x1b, 0x74, 19, 0x41, 0xd5, 0x0a, 0x1d, 0x56, 0x41, 0x03)];
}
