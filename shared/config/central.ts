import * as z from 'zod';

const sip2Schema = z.object({
  kind: z.literal('sip2'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  tls: z.boolean().default(false),
  /** PEM file with the CA that signed the server's certificate (TLS only). */
  caFile: z.string().optional(),
  /** Skip certificate host-name checks (test rigs only). */
  tlsInsecure: z.boolean().default(false),
  user: z.string().min(1),
  /** SIP2 login password (CO). Never logged, never sent to the renderer. */
  password: z.string(),
  /** SIP2 AO institution id. */
  institution: z.string().default(''),
  /** SIP2 location code (CP on login, AP on checkin). Defaults to branch.id. */
  location: z.string().optional(),
  /** koha: Koha with bug 32934 (offline loans keep the due date the patron was shown); koha-legacy: older Koha. */
  profile: z.enum(['generic', 'koha', 'koha-legacy']).default('koha'),
  encoding: z.enum(['utf-8', 'latin1', 'ascii']).default('utf-8'),
  errorDetection: z.boolean().default(true),
  timeoutMs: z.number().int().positive().default(10_000),
  keepAliveSeconds: z.number().int().positive().default(60),
});

const demoSchema = z.object({
  kind: z.literal('demo'),
  /** Simulated answer time of the demo ACS. */
  latencyMs: z.number().int().min(0).default(0),
  /** Port of the embedded demo ACS; 0 picks a free one. */
  port: z.number().int().min(0).max(65535).default(0),
  /** Port of the demo catalogue's OAI-PMH endpoint (HTTP, loopback); 0 picks a free one. */
  httpPort: z.number().int().min(0).max(65535).default(0),
});

export const centralSchema = z.discriminatedUnion('kind', [sip2Schema, demoSchema]);
export type CentralConfig = z.infer<typeof centralSchema>;
export type Sip2Config = z.infer<typeof sip2Schema>;
