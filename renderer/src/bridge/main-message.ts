import type { MainMessage } from '../../../shared/contract/bridge.ts';
import { isRecord } from '../../../shared/domain/records.ts';

/** What each kind of message must carry for the page to act on it (kept to the contract's kinds by the type). */
const CARRIES: Record<MainMessage['type'], (m: Record<string, unknown>) => boolean> = {
  view: (m) => isRecord(m.view) && typeof m.view.screen === 'string',
  door: (m) => isRecord(m.view),
  simulator: (m) => isRecord(m.state),
  reply: (m) => typeof m.id === 'number' && isRecord(m.result),
  refused: (m) => typeof m.reason === 'string',
};

/**
 * A message from the kiosk's own main process, which checks against the shared schemas everything
 * the page sends and builds what it sends from typed code. The page does not carry the schema
 * library (it would load before the first screen): it drops what is not JSON or not a kind of
 * message it knows, so a message from another version is ignored rather than drawn half.
 */
export function readMainMessage(data: unknown): MainMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(String(data));
  } catch {
    return undefined;
  }
  if (!isRecord(value) || typeof value.type !== 'string' || !Object.hasOwn(CARRIES, value.type)) return undefined;
  return CARRIES[value.type as MainMessage['type']](value) ? (value as MainMessage) : undefined;
}
