import * as z from 'zod';
import { doorEventSchema, doorViewSchema } from './door-view.ts';
import { replyMessageSchema, requestMessageSchema } from './requests.ts';
import { simulatorActionSchema, simulatorStateSchema } from './simulator.ts';
import { uiEventSchema } from './ui-events.ts';
import { kioskViewSchema } from './view.ts';

/**
 * The one bridge between renderer and main, carried by Electron IPC
 * (preload + contextBridge) or by the web host's WebSocket. Both ends
 * validate; main refuses anything that does not parse.
 */
export const BRIDGE_CHANNEL = 'openbranch:bridge';
/** Upper bound for one message in bytes; anything bigger is refused before parsing. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export const rendererMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), protocol: z.literal(1) }),
  z.strictObject({ type: z.literal('event'), event: uiEventSchema }),
  z.strictObject({ type: z.literal('simulator'), action: simulatorActionSchema }),
  requestMessageSchema,
  z.strictObject({ type: z.literal('door'), event: doorEventSchema }),
]);
export type RendererMessage = z.infer<typeof rendererMessageSchema>;

export const mainMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('view'), view: kioskViewSchema }),
  z.strictObject({ type: z.literal('refused'), reason: z.string() }),
  z.strictObject({ type: z.literal('simulator'), state: simulatorStateSchema }),
  replyMessageSchema,
  z.strictObject({ type: z.literal('door'), view: doorViewSchema }),
]);
export type MainMessage = z.infer<typeof mainMessageSchema>;

/** What the preload exposes as `window.openbranch`, and what the web client implements. */
export interface KioskBridge {
  send(message: RendererMessage): void;
  onMessage(listener: (message: MainMessage) => void): () => void;
}
