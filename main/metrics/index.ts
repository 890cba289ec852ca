export type { KioskHealth } from './health.ts';
export { type KioskMetrics, noopMetrics } from './kiosk-metrics.ts';
export { createKioskMetrics, type KioskMetricsRegistry, type MetricsOptions } from './registry.ts';
export { type MetricsServer, startMetricsServer } from './server.ts';
