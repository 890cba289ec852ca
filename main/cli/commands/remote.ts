import type { Command } from 'commander';
import { hashToken, newToken } from '../../staff-api/auth.ts';
import { type StaffClientOptions, staffRequest } from '../../staff-api/client.ts';

/** Exit codes: 0 done, 1 the door refused (locked down, busy), 2 bad request, 3 kiosk not reachable, 4 not allowed. */
export const REMOTE_EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3, unauthorized: 4 } as const;

interface RemoteFlags {
  readonly url?: string;
  readonly token?: string;
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly json?: boolean;
}

const withConnection = (c: Command) =>
  c
    .option('--url <url>', 'the kiosk staff API (default $OPENBRANCH_STAFF_URL), e.g. https://door-vas.bibl.example.se:9465')
    .option('--token <token>', 'your personal token (default $OPENBRANCH_STAFF_TOKEN; the variable keeps it out of `ps`)')
    .option('--ca <file>', "CA certificate of the kiosk's TLS certificate")
    .option('--cert <file>', 'your client certificate (kiosks that identify staff by certificate)')
    .option('--key <file>', "your client certificate's key")
    .option('--json', 'print the JSON answer');

function connection(f: RemoteFlags): StaffClientOptions {
  const url = f.url ?? process.env.OPENBRANCH_STAFF_URL;
  if (!url) throw new Error('give --url or set OPENBRANCH_STAFF_URL');
  return { url, token: f.token ?? process.env.OPENBRANCH_STAFF_TOKEN, ca: f.ca, cert: f.cert, key: f.key };
}

async function call(f: RemoteFlags, method: 'GET' | 'POST', path: string, body?: unknown): Promise<void> {
  let reply: Awaited<ReturnType<typeof staffRequest>>;
  try {
    reply = await staffRequest(connection(f), method, path, body);
  } catch (e) {
    console.error(`openbranch: staff API not reachable: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = REMOTE_EXIT.unreachable;
    return;
  }
  if (f.json) console.log(JSON.stringify(reply.body, null, 2));
  else print(reply.body);
  process.exitCode =
    reply.status === 200
      ? REMOTE_EXIT.ok
      : reply.status === 401 || reply.status === 429
        ? REMOTE_EXIT.unauthorized
        : reply.status === 400 || reply.status === 404 || reply.status === 405
          ? REMOTE_EXIT.usage
          : REMOTE_EXIT.refused;
}

function print(body: Record<string, unknown>): void {
  if (body.ok !== true) {
    console.error(`refused: ${String(body.message ?? 'unknown')} [${String(body.code ?? '?')}]`);
    return;
  }
  const s = body.status as Record<string, unknown> | undefined;
  if (body.unlockedForSeconds !== undefined) console.log(`unlocked for ${String(body.unlockedForSeconds)} s`);
  if (!s) {
    console.log(`occupancy: ${body.occupancy === null ? 'no people counter' : String(body.occupancy)}; lock-up: ${String(body.lockup)}`);
    return;
  }
  const lockdown = s.lockdown as { who: string; since: string; reason: string } | null;
  console.log(`branch ${String(s.branch)}: ${String(s.mode)}; door ${String(s.contact)}, ${String(s.lock)}; ${String(s.step)}`);
  console.log(`alarm: ${s.alarm === null ? 'none' : String(s.alarm)}; lock-up: ${String(s.lockup)}`);
  console.log(`people inside: ${s.occupancy === null ? 'no people counter' : String(s.occupancy)}`);
  if (lockdown) console.log(`LOCKED DOWN since ${lockdown.since} by ${lockdown.who}: ${lockdown.reason}`);
  if (s.offline) console.log('central system: not reachable (the door uses its offline entry cache)');
}

export function registerRemote(program: Command): void {
  const remote = program
    .command('remote')
    .description("on-call staff: a branch door's status, unlock once, lock down, clear an alarm (the kiosk's staff API)");
  withConnection(remote.command('status').description('door, alarm, lockdown and people inside')).action((f: RemoteFlags) =>
    call(f, 'GET', 'v1/status'),
  );
  withConnection(remote.command('unlock').description('open the lock once for N seconds (logged with your name and reason)'))
    .requiredOption('--seconds <n>', 'how long the lock stays open', (v) => Number.parseInt(v, 10))
    .requiredOption('--reason <text>', 'why (kept in the entry log)')
    .action((f: RemoteFlags & { seconds: number; reason: string }) =>
      call(f, 'POST', 'v1/unlock', { seconds: f.seconds, reason: f.reason }),
    );
  withConnection(remote.command('lockdown').description('refuse every entry until cleared'))
    .requiredOption('--reason <text>', 'why (kept in the entry log)')
    .action((f: RemoteFlags & { reason: string }) => call(f, 'POST', 'v1/lockdown', { reason: f.reason }));
  withConnection(remote.command('clear').description('lift a lockdown and silence the alarm'))
    .requiredOption('--reason <text>', 'why (kept in the entry log)')
    .action((f: RemoteFlags & { reason: string }) => call(f, 'POST', 'v1/clear', { reason: f.reason }));
  remote
    .command('token')
    .description("make a new personal token: give the token to the person, put the hash in the kiosk's staffApi.staff")
    .requiredOption('--name <name>', 'who it is for, as the entry log will name them')
    .action((f: { name: string }) => {
      const token = newToken();
      console.log(`token (give it to ${f.name}, it is shown only now): ${token}`);
      console.log('config (staffApi.staff):');
      console.log(`  - { name: ${JSON.stringify(f.name)}, tokenHash: "${hashToken(token)}" }`);
    });
}
