// marcjs 3.0.2 ships no types; only its record model is used here (see record-model.ts).
declare module 'marcjs/lib/Record.js' {
  export default class Record {
    leader: string;
    /** [tag, value] for control fields, [tag, indicators, code, value, code, value, ...] for data fields. */
    fields: string[][];
    get(match: string | RegExp): Array<{ tag: string; value?: string; ind1?: string; ind2?: string; subf?: [string, string][] }>;
    append(...fields: string[][]): Record;
  }
}
