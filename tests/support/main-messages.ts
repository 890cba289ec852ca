import { mainMessageSchema } from '../../shared/contract/bridge.ts';
import { discoverDataSchema } from '../../shared/contract/discover-view.ts';
import { sessionDataSchema } from '../../shared/contract/session-view.ts';

/**
 * What is wrong with a message main sent to a page, or undefined when it is as the shared contract
 * says (the screen's data included). The page does not load the schema library and trusts main's
 * messages, so the tests that watch the bridge check every one of them here.
 */
export function mainMessageProblem(raw: string): string | undefined {
  const parsed = mainMessageSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) return `${raw.slice(0, 200)}: ${parsed.error.message}`;
  const message = parsed.data;
  if (message.type !== 'view') return undefined;
  const data = (message.view.screen === 'discover' ? discoverDataSchema : sessionDataSchema).safeParse(message.view.data);
  return data.success ? undefined : `${message.view.screen} data ${JSON.stringify(message.view.data).slice(0, 200)}: ${data.error.message}`;
}

/** Throws (failing the test) when main sent a page a message the contract does not allow. */
export function checkMainMessage(raw: string): void {
  const problem = mainMessageProblem(raw);
  if (problem) throw new Error(`main sent a message outside the bridge contract: ${problem}`);
}
