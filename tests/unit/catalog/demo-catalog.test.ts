import { describe, expect, it } from 'vitest';
import { DemoCatalog } from '../../../main/central/demo/catalog/catalog.ts';
import { DEMO_BRANCHES, DEMO_ITEMS } from '../../../main/central/demo/data.ts';

const today = new Date(Date.UTC(2026, 10, 30));
const sub = (f: string[], code: string) => {
  for (let i = 2; i + 1 < f.length; i += 2) if (f[i] === code) return f[i + 1];
  return undefined;
};

describe('the demo catalogue', () => {
  const catalog = new DemoCatalog({ today });
  const live = Array.from({ length: catalog.size }, (_, i) => i).filter((i) => !catalog.entry(i).deleted);
  const records = live.map((i) => catalog.record(i));

  it('is deterministic: the same seed gives the same records, another seed others', () => {
    const again = new DemoCatalog({ today });
    expect(again.record(1234)).toEqual(catalog.record(1234));
    expect(new DemoCatalog({ today, seed: 18 }).record(1234)).not.toEqual(catalog.record(1234));
  });

  it('has at least 2,000 live records and deleted ones among them', () => {
    expect(live.length).toBeGreaterThanOrEqual(2000);
    expect(catalog.size - live.length).toBeGreaterThan(20);
  });

  it('carries the demo ACS items as records with the same barcodes, owners and call numbers', () => {
    const copies = new Map(
      records.flatMap((r) => r.fields.filter((f) => f[0] === '952').map((f) => [sub(f, 'p'), { f, id: r.id }] as const)),
    );
    DEMO_ITEMS.forEach((item, i) => {
      const copy = copies.get(item.itemId);
      expect(copy, item.title).toBeDefined();
      expect([sub(copy!.f, 'a'), sub(copy!.f, 'o')]).toEqual([item.owner, item.callNumber]);
      // The demo ACS knows item i as record i + 1 without reading the catalogue.
      expect(copy!.id).toBe(String(i + 1));
    });
  });

  it('catalogues realistically: 008 of 40, 041 = 008 language, 655 with saogf/barngf, RDA 336-338, items over all ten branches', () => {
    const branches = new Set<string>();
    const kinds = new Set<string>();
    for (const r of records) {
      const f008 = r.fields.find((f) => f[0] === '008')![1]!;
      expect(f008).toHaveLength(40);
      expect(sub(r.fields.find((f) => f[0] === '041')!, 'a')).toBe(f008.slice(35, 38));
      expect(['saogf', 'barngf']).toContain(sub(r.fields.find((f) => f[0] === '655')!, '2'));
      expect(r.fields.filter((f) => ['336', '337', '338'].includes(f[0]!))).toHaveLength(3);
      const carrier = sub(r.fields.find((f) => f[0] === '338')!, 'b');
      kinds.add(`${r.leader[6]}/${carrier}`);
      const items = r.fields.filter((f) => f[0] === '952');
      // E-media has no copies but a link; everything else has copies and no link.
      expect(items.length === 0).toBe(carrier === 'cr');
      expect(r.fields.some((f) => f[0] === '856')).toBe(carrier === 'cr');
      for (const i of items) branches.add(sub(i, 'a')!);
    }
    expect([...kinds].sort()).toEqual(['a/cr', 'a/nc', 'g/vd', 'i/cr', 'i/sd', 'm/cd']);
    expect([...branches].sort()).toEqual(DEMO_BRANCHES.map((b) => b.code).sort());
  });

  it('gives an edited record a new datestamp and summary, and a deleted one the deleted status', () => {
    const c = new DemoCatalog({ today });
    const before = c.entry(99);
    c.change({ updated: ['100'], deleted: ['101'] }, new Date('2026-11-30T12:00:00Z'));
    expect(c.entry(99).datestamp).toBeGreaterThan(before.datestamp);
    expect(c.record(99).fields.find((f) => f[0] === '520')?.[3]).toMatch(/\(rättad 1\)$/);
    expect(c.entry(100)).toMatchObject({ deleted: true });
  });
});
