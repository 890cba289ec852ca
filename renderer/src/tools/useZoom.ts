import { useEffect } from 'react';

/**
 * The tool screens (technician, simulator) let the page be zoomed: a
 * technician pinches a chart or a log line on a tablet, and WCAG 1.4.4
 * asks for it. The patron screens decide for themselves in index.html.
 */
export function useZoom(): void {
  useEffect(() => {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="viewport"]');
    if (meta) meta.content = 'width=device-width, initial-scale=1';
  }, []);
}
