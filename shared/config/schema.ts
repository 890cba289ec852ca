import * as z from 'zod';
import { branchSchema } from './branch.ts';
import { catalogSchema } from './catalog.ts';
import { centralSchema } from './central.ts';
import { deviceSchema, simulatedDevices } from './devices/index.ts';
import { doorSchema } from './door.ts';
import { loggingSchema, webSchema } from './hosts.ts';
import { metricsSchema } from './metrics.ts';
import { offlineSchema } from './offline.ts';
import { policiesSchema } from './policies.ts';
import { receiptMailSchema } from './receipt-mail.ts';
import { staffApiSchema } from './staff-api.ts';
import { technicianSchema } from './technician.ts';

/**
 * The whole kiosk configuration: one YAML file a technician edits.
 * Sections are added by the issues that own them; unknown top-level keys
 * are refused so a typo never silently falls back to a default.
 */
export const configSchema = z
  .strictObject({
    /**
     * Demo mode: the simulator panel (/simulator), its `sim.*` actions and the
     * settable door clock exist only when this is true. The embedded default
     * sets it; a config file without it is a real install.
     */
    demo: z.boolean().default(false),
    branch: branchSchema.prefault({}),
    /** Where the kiosk keeps its SQLite files; default is the OS app-data folder. */
    dataDir: z.string().optional(),
    central: centralSchema.default({ kind: 'demo', latencyMs: 0, port: 0, httpPort: 0 }),
    devices: z.array(deviceSchema).default(simulatedDevices),
    policies: policiesSchema.prefault({}),
    web: webSchema.prefault({}),
    logging: loggingSchema.prefault({}),
    metrics: metricsSchema.prefault({}),
    technician: technicianSchema.prefault({}),
    door: doorSchema.prefault({}),
    /** Offline mode and the transaction queue (see README "Offline mode"). */
    offline: offlineSchema.prefault({}),
    /** The harvested catalogue for "Tips för mig" and reservations (see README "Find and reserve"). */
    catalog: catalogSchema.prefault({}),
    /** Remote help for on-call staff (see README "Remote help"). */
    staffApi: staffApiSchema.prefault({}),
    /** The outgoing mail relay for receipts by e-mail (see README "Receipts by e-mail"); absent: never offered. */
    receiptMail: receiptMailSchema.optional(),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.devices.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['devices', i, 'id'], message: `device id "${d.id}" is used twice` });
      seen.add(d.id);
    });
    if (config.policies.receipt === 'email' && !config.receiptMail)
      ctx.addIssue({
        code: 'custom',
        path: ['policies', 'receipt'],
        message: 'receipt "email" needs a receiptMail section (the outgoing mail relay); without one, use "ask"',
      });
    const readers = new Set(config.devices.filter((d) => d.kind === 'card-reader').map((d) => d.id));
    config.door.cardReaders.forEach((id, i) => {
      if (!readers.has(id))
        ctx.addIssue({ code: 'custom', path: ['door', 'cardReaders', i], message: `no card-reader device with id "${id}" in devices` });
    });
  });

export type KioskConfig = z.infer<typeof configSchema>;

/** What runs without a config file: a demo (simulated devices, the demo central system, the simulator panel). */
export const EMBEDDED_DEFAULT = { demo: true } as const;
export type KioskConfigInput = z.input<typeof configSchema>;
