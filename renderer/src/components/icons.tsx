/**
 * The few symbols the kiosk draws itself, because the kiosk's fonts have no
 * emoji (a speaker or a printer would show as an empty box). Always
 * decoration: the word beside them says the same.
 */
const svg = (path: string) => (
  <svg className="icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
    <path d={path} fill="currentColor" />
  </svg>
);

export const SpeakerIcon = () =>
  svg('M3 9v6h4l5 5V4L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z');

export const PrinterIcon = () =>
  svg('M6 2h12v6H6zM4 9h16a2 2 0 0 1 2 2v6h-4v5H6v-5H2v-6a2 2 0 0 1 2-2zm4 8v3h8v-3zm10-5a1 1 0 1 0 0 2 1 1 0 0 0 0-2z');
