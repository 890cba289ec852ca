/**
 * Every kind of device the kiosk drives, in one list: the config's `kind`,
 * the bridge contract and the device manager all take it from here. A new
 * kind is one line here, its interface in shared/devices/, its drivers'
 * options in shared/config/devices/ and one registration per driver in
 * main/devices/drivers.ts (see ARCHITECTURE.md).
 */
export const DEVICE_KINDS = [
  'rfid',
  'card-reader',
  'door-lock',
  'door-sensor',
  'printer',
  'keypad',
  'relay-output',
  'people-counter',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * What a relay output drives (config `role`); the door and the closing
 * routine ask the device manager for outputs by role. A new role is one
 * line here.
 */
export const RELAY_ROLES = [
  /** Nothing in particular: switched only by hand (technician test). */
  'output',
  /** Sounds on a forced or held-open door. */
  'siren',
  /** An alarm panel input, switched with the siren. */
  'alarm',
  /** Lit while the door is open to the patron; blinks on a refusal. */
  'door-lamp',
  /** Off at closing, on at opening. */
  'lights',
  /** Arms the burglar alarm at closing, disarms it at opening. */
  'alarm-arm',
  /** Pulsed on each entry, a tailgate and a forced door (a camera's trigger input). */
  'camera-trigger',
] as const;
export type RelayRole = (typeof RELAY_ROLES)[number];
