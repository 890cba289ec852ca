/**
 * Upper halves (0x80-0xFF) of IBM code pages 437, 850 and 858 (858 = 850
 * with the euro sign at 0xD5), and the ESC t numbers Epson assigns them
 * (ESC/POS reference, "ESC t": 0 = PC437, 2 = PC850, 19 = PC858). The
 * encoder switches to PC437 for box-drawing rules.
 */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';
const CP858_HIGH = `${CP850_HIGH.slice(0, 0x55)}€${CP850_HIGH.slice(0x56)}`;

export type CodepageName = 'cp850' | 'cp858';

export const ESC_T_NUMBER: Record<CodepageName, number> = { cp850: 2, cp858: 19 };

const byNumber = new Map<number, string>([
  [0, CP437_HIGH],
  [2, CP850_HIGH],
  [19, CP858_HIGH],
]);

/** Decodes one byte under the ESC t table `table`; unknown tables give U+FFFD for 0x80+. */
export function decodeByte(byte: number, table: number): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  return byNumber.get(table)?.[byte - 0x80] ?? '\ufffd';
}
