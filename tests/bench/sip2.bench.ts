/**
 * SIP2: codec round-trip throughput, and the client's overhead per request
 * over the demo ACS's own time on loopback (target: under 1 ms p99).
 */

import { connect } from 'node:net';
import { DEMO_LOGIN } from '../../main/central/demo/data.ts';
import { connectCentral } from '../../main/central/index.ts';
import { checksum } from '../../main/central/sip2/codec/checksum.ts';
import { decodeMessage } from '../../main/central/sip2/codec/decode.ts';
import { encodeMessage } from '../../main/central/sip2/codec/encode.ts';
import { checkoutRequest } from '../../main/central/sip2/codec/requests.ts';
import { Sip2Operations } from '../../main/central/sip2/operations.ts';
import { configSchema } from '../../shared/config/schema.ts';
import { silentLogger } from '../../shared/logger.ts';
import { compare, startServer } from './compare.ts';
import { nowMs, percentile, summary } from './stats.ts';

export default async function (): Promise<void> {
  const msg = checkoutRequest({ institution: 'VAS', now: new Date() }, { patron: '23000000000017', item: '39000000000052', pin: '1234' });
  const n = 100_000;
  let t = nowMs();
  for (let i = 0; i < n; i++) decodeMessage(encodeMessage(msg, { sequence: i % 10, terminator: '\r\n' }));
  const seconds = (nowMs() - t) / 1000;
  console.log(`codec encode+decode round trip: ${Math.round(n / seconds).toLocaleString('en')} messages/s`);

  const conn = await connectCentral(configSchema.parse({ central: { kind: 'demo', latencyMs: 0, port: 0 } }), silentLogger);
  await conn.connect();
  const ops = new Sip2Operations(conn.client);
  for (let i = 0; i < 200; i++) await ops.itemInformation('39000000000052');
  const client: number[] = [];
  for (let i = 0; i < 2000; i++) {
    t = nowMs();
    await ops.itemInformation('39000000000052');
    client.push(nowMs() - t);
  }
  // With the demo ACS answering at once, the whole round trip (client, loopback TCP, server) is an
  // upper bound on the client's own overhead per request.
  console.log(`client round trip (item information, demo ACS, loopback, AY/AZ on): ${summary(client)}`);
  console.log(`p99 - p50 spread: ${(percentile(client, 99) - percentile(client, 50)).toFixed(3)} ms`);
  await conn.close();
  await cpuAgainstRawClient();
}

/** Per client and round: blocks of requests, the two clients alternating block by block. */
const BLOCKS = 10;
const PER_BLOCK = 200;

/** CPU time of this process for `requests` calls (user + system), in microseconds per call. */
async function cpuPerRequest(requests: number, one: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < requests; i++) await one();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / requests;
}

/**
 * One round: both clients' CPU per request, measured in short blocks that
 * alternate between them, so a burst of load from other processes on the
 * machine falls on both rather than on whichever ran at that moment.
 */
async function pairedRound(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<{ a: number; b: number }> {
  let sumA = 0;
  let sumB = 0;
  for (let block = 0; block < BLOCKS; block++) {
    if (block % 2 === 0) {
      sumA += await cpuPerRequest(PER_BLOCK, a);
      sumB += await cpuPerRequest(PER_BLOCK, b);
    } else {
      sumB += await cpuPerRequest(PER_BLOCK, b);
      sumA += await cpuPerRequest(PER_BLOCK, a);
    }
  }
  return { a: sumA / BLOCKS, b: sumB / BLOCKS };
}

/**
 * The client's own CPU per request (item information, AY/AZ on) against a
 * raw-socket client sending the same bytes to the same demo ACS, which runs
 * in a process of its own so only the client's work is counted. The raw
 * client does the least any SIP2 client with error detection on must do:
 * puts the current date in the request, adds the sequence number and
 * checksum, reads up to the terminator, checks the answer's sequence number
 * and checksum over its bytes, and splits the fields to read one.
 */
export async function cpuAgainstRawClient(): Promise<void> {
  const acs = await startServer([process.execPath, '--import', 'tsx', 'tests/bench/fixtures/demo-acs.ts'], /^listening (http:\/\/\S+)$/m);
  const { hostname, port } = new URL(acs.match);
  try {
    const conn = await connectCentral(
      configSchema.parse({ central: { kind: 'sip2', host: hostname, port: Number(port), ...DEMO_LOGIN, location: 'VAS' } }),
      silentLogger,
    );
    await conn.connect();
    const ops = new Sip2Operations(conn.client);
    const raw = await rawClient(hostname, Number(port));
    const client = () => ops.itemInformation('39000000000052');
    const bare = () => raw.itemInformation('39000000000052');
    for (let i = 0; i < 1000; i++) await Promise.all([client(), bare()]); // both warm (JIT) before the first round
    const [title, rawTitle] = [(await client()).title, await bare()];
    if (rawTitle !== `AJ${title}`) throw new Error(`the raw client read ${rawTitle}, the client ${title}: not the same answer`);
    const s = { client: [] as number[], raw: [] as number[] };
    for (let round = 0; round < 5; round++) {
      const r = await pairedRound(client, bare);
      s.client.push(r.a);
      s.raw.push(r.b);
    }
    compare('SIP2 client CPU per request (item information)', s.client, s.raw, 1.5, 'µs', 'raw socket client');
    raw.close();
    await conn.close();
  } finally {
    await acs.stop();
  }
}

const CR = 0x0d;
const LF = 0x0a;
const two = (n: number) => String(n).padStart(2, '0');

/** A SIP2 date in local time with a blank zone, worked out once a second (a date is to the second). */
function transactionDate(): () => string {
  let second = -1;
  let text = '';
  return () => {
    const now = Date.now();
    if (Math.floor(now / 1000) !== second) {
      second = Math.floor(now / 1000);
      const d = new Date(now);
      text = `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}    ${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
    }
    return text;
  };
}

/** The answer's text before "AY", or undefined when its sequence number or checksum is not the expected one. */
function checkedBody(frame: Buffer, sequence: number): string | undefined {
  const az = frame.length - 6;
  if (az < 3 || frame[az - 3] !== 0x41 || frame[az - 2] !== 0x59 || frame[az - 1] !== 0x30 + sequence) return undefined;
  if (frame[az] !== 0x41 || frame[az + 1] !== 0x5a) return undefined;
  let sum = 0;
  for (let i = 0; i < az + 2; i++) sum += frame[i]!;
  if ((-sum & 0xffff) !== Number.parseInt(frame.toString('latin1', az + 2, frame.length), 16)) return undefined;
  return frame.toString('utf8', 0, az - 3);
}

/** A bare SIP2 client on a socket: login, then one request at a time, answers read up to CR. */
async function rawClient(host: string, port: number) {
  const socket = connect({ host, port });
  socket.setNoDelay(true);
  await new Promise<void>((r) => socket.once('connect', () => r()));
  let pending: ((frame: Buffer) => void) | undefined;
  let buffered: Buffer | undefined;
  socket.on('data', (chunk: Buffer) => {
    const data = buffered ? Buffer.concat([buffered, chunk]) : chunk;
    const end = data.indexOf(CR);
    if (end < 0) {
      buffered = data;
      return;
    }
    buffered = undefined; // one request at a time: nothing but the LF of CR LF follows an answer
    pending?.(data.subarray(data[0] === LF ? 1 : 0, end));
  });
  let seq = 0;
  const send = (body: string) =>
    new Promise<string>((resolve, reject) => {
      const sequence = seq;
      seq = (seq + 1) % 10;
      pending = (frame) => {
        const text = checkedBody(frame, sequence);
        if (text === undefined) reject(new Error(`bad answer: ${frame.toString('latin1')}`));
        else resolve(text);
      };
      // Encoded once; the checksum's four digits go into the bytes after "AZ".
      const bytes = Buffer.from(`${body}AY${sequence}AZ0000\r`, 'utf8');
      bytes.write(checksum(bytes, bytes.length - 5), bytes.length - 5, 'latin1');
      socket.write(bytes);
    });
  await send(`9300CN${DEMO_LOGIN.user}|CO${DEMO_LOGIN.password}|CPVAS|`);
  const date = transactionDate();
  return {
    itemInformation: async (item: string) => (await send(`17${date()}AOVAS|AB${item}|AC|`)).split('|').find((f) => f.startsWith('AJ')),
    close: () => socket.destroy(),
  };
}
