import type { Catalog } from './en.ts';

/** Svenska. Samma nycklar som en.ts (typen kräver det). */
export const sv: Catalog = {
  app: { title: 'OpenBranch', loading: 'Startar…', disconnected: 'Automaten startar om. Ett ögonblick…' },
  language: { label: 'Språk', sv: 'Svenska', en: 'English' },
  attract: {
    welcome: 'Välkommen till {{branch}}',
    start: 'Tryck för att börja',
    hint: 'Låna, lämna tillbaka och se dina lån. Skanna ditt lånekort eller lägg medierna på plattan.',
    returnHint: 'Ska du lämna tillbaka? Lägg bara medierna på plattan.',
  },
  identify: {
    title: 'Skanna ditt lånekort',
    hint: 'Håll streckkoden under läsaren, eller skriv ditt kortnummer.',
    typeNumber: 'Kortnummer',
    next: 'Nästa',
  },
  pin: { title: 'Skriv din PIN-kod', hint: 'PIN-koden har minst 4 siffror.', ok: 'OK', empty: 'Skriv din PIN-kod.' },
  keypad: { clear: 'Rensa', backspace: 'Radera en siffra', digit: 'Siffra {{digit}}' },
  common: { cancel: 'Avbryt', back: 'Tillbaka', done: 'Klar', finish: 'Avsluta', continue: 'Fortsätt', close: 'Stäng' },
  idle: { title: 'Är du kvar?', countdown: 'Sessionen avslutas om {{seconds}} sekunder.', stay: 'Fortsätt' },
  status: {
    central: 'Bibliotekssystemet',
    online: 'Ansluten',
    degraded: 'Långsam förbindelse',
    offline: 'Ej ansluten',
    devices: 'Utrustning',
    devicesOk: 'Allt fungerar',
    devicesProblem: '{{count}} behöver åtgärdas',
  },
  notice: {
    offline: 'Bibliotekssystemet går inte att nå just nu. Du kan fortfarande lämna tillbaka; vissa tjänster är begränsade.',
  },
  screen: {
    menu: 'Vad vill du göra?',
    checkout: 'Låna',
    return: 'Lämna tillbaka',
    loans: 'Mina lån',
    holds: 'Mina reservationer',
    receipt: 'Kvitto',
    error: 'Något gick fel',
    door: 'Entré',
    closed: 'Stängt',
    technician: 'Tekniker',
  },
  error: { generic: 'Något gick fel. Försök igen eller fråga personalen.' },
};
