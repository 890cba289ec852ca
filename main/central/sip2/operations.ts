import type { Sip2Client } from './client.ts';
import { decodeMessage } from './codec/decode.ts';
import type { DecodedMessage } from './codec/message.ts';
import {
  type CheckinOptions,
  type CheckoutOptions,
  checkinRequest,
  checkoutRequest,
  endSessionRequest,
  type HoldOptions,
  holdRequest,
  itemInformationRequest,
  patronInformationRequest,
  renewAllRequest,
  renewRequest,
  type SummaryKind,
  scStatusRequest,
} from './codec/requests.ts';
import {
  parseAcsStatus,
  parseCheckin,
  parseCheckout,
  parseEndSession,
  parseHold,
  parseItemInformation,
  parsePatronInformation,
  parseRenew,
  parseRenewAll,
} from './codec/responses.ts';

export type WithRaw<T> = T & { readonly raw: string };

/**
 * The typed SIP2 API on top of the client: each call sends one request
 * and returns the parsed answer together with the raw message.
 */
export class Sip2Operations {
  constructor(readonly client: Sip2Client) {}

  async status() {
    return parseAcsStatus(await this.client.request(scStatusRequest()));
  }

  async patronInformation(patron: string, pin?: string, summary?: SummaryKind) {
    const ctx = this.client.context();
    return parsePatronInformation(
      await this.client.request(
        patronInformationRequest(ctx, patron, { ...(pin === undefined ? {} : { pin }), ...(summary ? { summary } : {}) }),
      ),
    );
  }

  async checkout(o: CheckoutOptions) {
    return parseCheckout(await this.client.request(checkoutRequest(this.client.context(), o)));
  }

  async checkin(o: CheckinOptions) {
    return parseCheckin(await this.client.request(checkinRequest(this.client.context(), o)));
  }

  async renew(patron: string, item: string, pin?: string) {
    return parseRenew(
      await this.client.request(renewRequest(this.client.context(), { patron, item, ...(pin === undefined ? {} : { pin }) })),
    );
  }

  async renewAll(patron: string, pin?: string) {
    return parseRenewAll(await this.client.request(renewAllRequest(this.client.context(), patron, pin)));
  }

  async itemInformation(item: string) {
    return parseItemInformation(await this.client.request(itemInformationRequest(this.client.context(), item)));
  }

  async hold(o: HoldOptions) {
    return parseHold(await this.client.request(holdRequest(this.client.context(), o)));
  }

  async endSession(patron: string, pin?: string) {
    return parseEndSession(await this.client.request(endSessionRequest(this.client.context(), patron, pin)));
  }
}

/** Re-decode helper for tools that hold raw text. */
export const decodeRaw = (text: string): DecodedMessage => decodeMessage(new TextEncoder().encode(text));
