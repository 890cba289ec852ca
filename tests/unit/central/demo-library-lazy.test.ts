import { describe, expect, it } from 'vitest';
import { DemoCatalog } from '../../../main/central/demo/catalog/catalog.ts';
import { DEMO_ITEMS } from '../../../main/central/demo/data.ts';
import { DemoLibrary } from '../../../main/central/demo/library.ts';
import { PROBE_ITEM } from '../../../main/queue/link-loop.ts';

/** A demo library over the real demo catalogue that counts how often the catalogue's copies are read. */
function library() {
  const catalog = new DemoCatalog();
  let reads = 0;
  const lib = new DemoLibrary(
    () => new Date(),
    () => {
      reads++;
      return catalog.items();
    },
  );
  return { lib, catalog, reads: () => reads };
}

// Every kiosk start probes the link with an item no library has; in the demo that look-up must not
// generate the whole catalogue (2,100 records, the costliest step of the start) while the attract screen waits.
describe('the demo library reads its catalogue only for an id a catalogue copy can have', () => {
  it('answers the link probe and other non-barcodes as unknown without reading the catalogue', () => {
    const { lib, reads } = library();
    expect(lib.item(PROBE_ITEM)).toBeUndefined();
    expect(lib.item('not-a-barcode')).toBeUndefined();
    expect(reads()).toBe(0);
  });

  it('answers its own items without reading the catalogue', () => {
    const { lib, reads } = library();
    expect(lib.item(DEMO_ITEMS[0]!.itemId)?.title).toBe(DEMO_ITEMS[0]!.title);
    expect(reads()).toBe(0);
  });

  it('still finds a catalogue copy by its barcode (reading the catalogue once)', () => {
    const { lib, catalog, reads } = library();
    const copy = catalog.record(DEMO_ITEMS.length + 3).copies[0]!;
    expect(lib.item(copy.barcode)?.biblio).toBe(String(DEMO_ITEMS.length + 4));
    expect(lib.item(copy.barcode.replace(/\d$/, (d) => String((Number(d) + 1) % 10)))).toBeUndefined();
    expect(reads()).toBe(1);
  });

  it('finds an item added by a test even when its id is no barcode', () => {
    const { lib } = library();
    lib.addItem({ ...DEMO_ITEMS[0]!, itemId: 'EXTRA-1' });
    expect(lib.item('EXTRA-1')?.itemId).toBe('EXTRA-1');
  });
});
