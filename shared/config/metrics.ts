import * as z from 'zod';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

/** True for addresses only this machine can reach. */
export const isLoopbackHost = (host: string): boolean => LOOPBACK.test(host);

/**
 * The health and counters endpoint (Prometheus text at /metrics, JSON at
 * /health). On loopback it may go without a token (`openbranch status`
 * reads it there); reachable from the network it needs one.
 */
export const metricsSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Listen address: 127.0.0.1 for local use, 0.0.0.0 or the kiosk's LAN address for the region's Prometheus. */
    host: z.string().min(1).default('127.0.0.1'),
    /** 0 picks a free port (tests); the kiosk prints the address it got. */
    port: z.number().int().min(0).max(65535).default(9464),
    /** Bearer token Prometheus sends (at least 24 characters). */
    token: z.string().min(24).optional(),
    /** Names Prometheus scrapes this kiosk by (its DNS name), besides its own addresses and host name: other Host headers get 421. */
    allowedHosts: z.array(z.string().min(1)).default([]),
  })
  .refine((m) => !m.enabled || isLoopbackHost(m.host) || m.token !== undefined, {
    message: 'a metrics endpoint reachable from the network needs metrics.token',
    path: ['token'],
  });

export type MetricsConfig = z.infer<typeof metricsSchema>;
