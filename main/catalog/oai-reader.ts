import { SaxesParser, type SaxesTagNS } from 'saxes';
import { OpenBranchError } from '../../shared/errors.ts';
import { type MarcRecord, newRecord } from './record-model.ts';

const OAI = 'http://www.openarchives.org/OAI/2.0/';
const MARC = 'http://www.loc.gov/MARC21/slim';

export interface OaiRecord {
  readonly identifier: string;
  readonly datestamp: string;
  readonly deleted: boolean;
  /** Absent for deleted records. */
  readonly marc?: MarcRecord;
}

export interface OaiToken {
  readonly token: string;
  readonly completeListSize?: number;
  readonly cursor?: number;
}

export interface OaiReaderEvents {
  record(r: OaiRecord): void;
  token(t: OaiToken): void;
  /** An OAI <error code="...">: noRecordsMatch, badResumptionToken, ... */
  error(code: string, message: string): void;
}

const attr = (tag: SaxesTagNS, name: string): string | undefined => tag.attributes[name]?.value;

/**
 * A streaming reader of OAI-PMH responses with MARCXML (saxes): XML is fed
 * in chunks as it arrives and each record is handed on as soon as its
 * </record> closes, so memory stays flat whatever the response size.
 * Malformed XML is an OpenBranchError('catalog.malformed').
 */
export class OaiReader {
  private readonly parser = new SaxesParser({ xmlns: true });
  private text = '';
  private capturing = false;
  private header: { identifier: string; datestamp: string; deleted: boolean } | undefined;
  private marc: MarcRecord | undefined;
  private field: string[] | undefined;
  private subfieldCode: string | undefined;
  private token: { completeListSize?: number; cursor?: number } | undefined;
  private errorCode: string | undefined;
  private failure: Error | undefined;

  constructor(private readonly on: OaiReaderEvents) {
    this.parser.on('text', (t) => {
      if (this.capturing) this.text += t;
    });
    this.parser.on('cdata', (t) => {
      if (this.capturing) this.text += t;
    });
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', (tag) => this.close(tag));
    this.parser.on('error', (e) => {
      this.failure ??= new OpenBranchError('catalog.malformed', `the OAI-PMH response is not well-formed XML: ${e.message}`);
    });
  }

  private capture(): void {
    this.capturing = true;
    this.text = '';
  }

  private taken(): string {
    this.capturing = false;
    return this.text;
  }

  private open(tag: SaxesTagNS): void {
    const { local, uri } = tag;
    if (uri === MARC) {
      if (local === 'record') this.marc = newRecord();
      else if (local === 'leader' || local === 'controlfield' || local === 'subfield') {
        if (local === 'controlfield') this.field = [attr(tag, 'tag') ?? ''];
        if (local === 'subfield') this.subfieldCode = attr(tag, 'code') ?? '';
        this.capture();
      } else if (local === 'datafield') this.field = [attr(tag, 'tag') ?? '', `${attr(tag, 'ind1') ?? ' '}${attr(tag, 'ind2') ?? ' '}`];
      return;
    }
    if (uri !== OAI) return;
    if (local === 'header') this.header = { identifier: '', datestamp: '', deleted: attr(tag, 'status') === 'deleted' };
    else if (local === 'identifier' || local === 'datestamp') this.capture();
    else if (local === 'resumptionToken') {
      const size = Number(attr(tag, 'completeListSize'));
      const cursor = Number(attr(tag, 'cursor'));
      this.token = { ...(Number.isFinite(size) ? { completeListSize: size } : {}), ...(Number.isFinite(cursor) ? { cursor } : {}) };
      this.capture();
    } else if (local === 'error') {
      this.errorCode = attr(tag, 'code') ?? 'unknown';
      this.capture();
    }
  }

  private close(tag: SaxesTagNS): void {
    const { local, uri } = tag;
    if (uri === MARC) {
      if (!this.marc) return;
      if (local === 'leader') this.marc.leader = this.taken();
      else if (local === 'controlfield' && this.field) {
        this.marc.fields.push([this.field[0]!, this.taken()]);
        this.field = undefined;
      } else if (local === 'subfield' && this.field) this.field.push(this.subfieldCode ?? '', this.taken());
      else if (local === 'datafield' && this.field) {
        this.marc.fields.push(this.field);
        this.field = undefined;
      }
      return;
    }
    if (uri !== OAI) return;
    if (local === 'identifier' && this.header && !this.header.identifier) this.header.identifier = this.taken().trim();
    else if (local === 'datestamp' && this.header) this.header.datestamp = this.taken().trim();
    else if (local === 'record' && this.header) {
      const { identifier, datestamp, deleted } = this.header;
      this.on.record({ identifier, datestamp, deleted, ...(this.marc && !deleted ? { marc: this.marc } : {}) });
      this.header = undefined;
      this.marc = undefined;
    } else if (local === 'resumptionToken' && this.token) {
      this.on.token({ token: this.taken().trim(), ...this.token });
      this.token = undefined;
    } else if (local === 'error' && this.errorCode) {
      this.on.error(this.errorCode, this.taken().trim());
      this.errorCode = undefined;
    }
  }

  /** Feeds the next chunk of the response. */
  write(chunk: string): void {
    if (this.failure) throw this.failure;
    this.parser.write(chunk);
    if (this.failure) throw this.failure;
  }

  /** The response has ended: anything still open is an error (a cut-off response). */
  end(): void {
    if (this.failure) throw this.failure;
    this.parser.close();
    if (this.failure) throw this.failure;
  }
}
