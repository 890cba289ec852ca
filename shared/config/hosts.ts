import * as z from 'zod';

export const webSchema = z.object({
  /** Loopback port of the web host. 0 picks a free port. */
  port: z.number().int().min(0).max(65535).default(5390),
});

export const loggingSchema = z.object({
  level: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
  /** Folder for rotated log files; default is the OS app-data folder. */
  dir: z.string().optional(),
  /** Rotate when a file passes this many megabytes; keep this many files. */
  maxSizeMb: z.number().positive().default(10),
  keepFiles: z.number().int().min(1).default(14),
});
