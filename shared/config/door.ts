import * as z from 'zod';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time as HH:MM');
const period = z.object({ from: time, to: time, mode: z.enum(['staffed', 'unstaffed']) });
const day = z.array(period);

/** Opening hours: per weekday, later periods win where they overlap (staffed hours inside unstaffed ones). */
export const scheduleSchema = z.object({
  mon: day.default([]),
  tue: day.default([]),
  wed: day.default([]),
  thu: day.default([]),
  fri: day.default([]),
  sat: day.default([]),
  sun: day.default([]),
  /** Dates with other hours (holidays, closures): an empty list closes the branch that day. */
  exceptions: z.array(z.object({ date: z.iso.date(), periods: day, note: z.string().optional() })).default([]),
});
export type Schedule = z.infer<typeof scheduleSchema>;

const weekday = [
  { from: '06:00', to: '22:00', mode: 'unstaffed' as const },
  { from: '10:00', to: '19:00', mode: 'staffed' as const },
];
const weekend = [{ from: '06:00', to: '22:00', mode: 'unstaffed' as const }];

export const doorSchema = z.object({
  enabled: z.boolean().default(true),
  /** How long the lock stays open after a grant. */
  pulseMs: z.number().int().min(500).max(30_000).default(5000),
  /** Alarm when the door stays open longer than this. */
  heldOpenSeconds: z.number().int().min(5).default(30),
  /**
   * Card readers (device ids) mounted at the door: their cards go to the
   * door, not to a self-service session. A door-only install lists its
   * reader here and adds a keypad device (kind: keypad) for the PIN.
   */
  cardReaders: z.array(z.string()).default([]),
  /** The entry log: attempts kept `days` for statistics; who it was (the card number) only `identityDays`. */
  logRetention: z
    .object({ days: z.number().int().min(1).max(3650).default(365), identityDays: z.number().int().min(0).max(365).default(30) })
    .prefault({}),
  /**
   * Closing: announcements this many minutes before the branch closes (on
   * every screen, spoken in Swedish and English), and at closing the
   * evacuation check: a door left open, or entries within the last
   * `evacuationWindowMinutes`, are reported as someone possibly inside.
   * Relay outputs with role `lights` go off and `alarm-arm` on at closing.
   */
  closing: z
    .object({
      announceMinutes: z.array(z.number().int().min(1).max(120)).default([15, 10, 5]),
      evacuationWindowMinutes: z.number().int().min(0).max(240).default(30),
      /**
       * With a people counter: lights off and alarm armed only when nobody is
       * counted inside. Until then "please leave" repeats every `repeatMinutes`
       * and an alert is raised; after `lockupGraceMinutes` the alarm is armed
       * anyway, the alert still raised.
       */
      lockupGraceMinutes: z.number().int().min(0).max(240).default(15),
      repeatMinutes: z.number().int().min(1).max(30).default(2),
    })
    .prefault({}),
  /**
   * Tailgating (more people in than were let in, by the people counter):
   * `log` records it (entry report, metrics, alert); `warn` also tells the
   * door screen; `count` also refuses a card after `countLimit` tailgates in
   * `countDays`. `settleSeconds` after the door shuts, the cycle's count is final.
   */
  tailgating: z
    .object({
      action: z.enum(['log', 'warn', 'count']).default('warn'),
      countLimit: z.number().int().min(1).default(3),
      countDays: z.number().int().min(1).max(365).default(30),
      settleSeconds: z.number().min(0).max(30).default(3),
    })
    .prefault({}),
  /**
   * The exit button inside the door (request to exit, wired to the door
   * contact's input board as `exitButton`): a press pulses the lock for
   * `pulseMs` (not during a staff lockdown: the handle inside is the way
   * out then) and, for `windowSeconds`, the door opening from inside is
   * not a forced door. Leaving is always possible by the handle; this keeps
   * a patron who leaves after closing from raising the alarm.
   */
  exitButton: z
    .object({
      unlock: z.boolean().default(true),
      windowSeconds: z.number().int().min(3).max(120).default(10),
    })
    .prefault({}),
  /** Relay outputs with role `camera-trigger` (a CCTV recorder's alarm input) pulse this long on each entry, tailgate and forced door. */
  cameraPulseMs: z.number().int().min(50).max(10_000).default(500),
  /** Seconds to type the PIN after the card. */
  pinTimeoutSeconds: z.number().int().min(5).default(30),
  /** Moved: the PIN attempt limit is shared with the self-service screens (policies.pinAttempts). */
  pinTries: z.never({ error: 'moved to policies.pinAttempts.wrong (one limit for the door and the self-service screens)' }).optional(),
  lockoutMinutes: z
    .never({ error: 'moved to policies.pinAttempts.windowMinutes (one limit for the door and the self-service screens)' })
    .optional(),
  /** Patron categories that always get in, at any hour (staff). */
  staffCategories: z.array(z.string()).default(['STAFF']),
  /** Meröppet permission: a patron attribute the central system sends (value Y/1/true), or membership of a category. */
  permission: z.object({ attribute: z.string().default('meroppet'), categories: z.array(z.string()).default([]) }).prefault({}),
  minimumAge: z.number().int().min(0).default(18),
  /** Younger patrons get in with this attribute set (guardian consent), where the branch allows it. */
  guardianConsentAttribute: z.string().optional(),
  /** Fines at or above this deny entry (in the central system's currency). */
  maxFines: z.number().min(0).default(200),
  /**
   * When the central system cannot be reached: let in patrons who entered
   * within `days` (card and PIN checked against salted slow hashes, the
   * rules as they stood then, the hours as now). Off: the door says it
   * cannot check right now.
   */
  offlineEntry: z
    .object({
      enabled: z.boolean().default(true),
      days: z.number().int().min(0).max(90).default(14),
      /**
       * While online, each cached patron is asked about again every
       * `everyMinutes` (at most `perMinute` look-ups a minute, so the
       * library system is never flooded): a card blocked or withdrawn in
       * the library system is refused at the door within that time, even if
       * the network goes down afterwards.
       */
      refresh: z
        .object({
          everyMinutes: z
            .number()
            .int()
            .min(1)
            .max(24 * 60)
            .default(30),
          perMinute: z.number().int().min(1).max(600).default(60),
        })
        .prefault({}),
    })
    .prefault({}),
  schedule: scheduleSchema.default({
    mon: weekday,
    tue: weekday,
    wed: weekday,
    thu: weekday,
    fri: weekday,
    sat: weekend,
    sun: weekend,
    exceptions: [],
  }),
});
export type DoorConfig = z.infer<typeof doorSchema>;
