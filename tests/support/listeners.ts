import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

/** The inode of the socket listening on 127.0.0.1:port, from /proc/net/tcp. */
function listenerInode(port: number): string {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inode = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find((f) => f[1] === local && f[3] === '0A')?.[9];
  if (!inode) throw new Error(`nothing listens on 127.0.0.1:${port}`);
  return inode;
}

const holds = (pid: string, socket: string): boolean => {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(join(`/proc/${pid}/fd`, fd)) === socket;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
};

/** The process that holds the listening socket of 127.0.0.1:port (undefined: none this user can see). */
export function listenerPid(port: number): number | undefined {
  const socket = `socket:[${listenerInode(port)}]`;
  const pid = readdirSync('/proc').find((p) => /^\d+$/.test(p) && holds(p, socket));
  return pid === undefined ? undefined : Number(pid);
}

/** The parent of a process, from /proc/PID/stat (the field after the name in parentheses). */
export function parentPid(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** Whether a TCP connection to 127.0.0.1:port is refused. */
export const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });
