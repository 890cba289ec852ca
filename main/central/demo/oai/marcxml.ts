import type { CatalogRecord } from '../catalog/generate-record.ts';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/**
 * One record as MARC21 slim XML, the shape Koha's OAI server embeds
 * (MARC::File::XML): namespace on <record>, leader, control fields, data
 * fields with indicators and subfields, items in 952.
 */
export function marcXml(r: CatalogRecord): string {
  const out = ['<record xmlns="http://www.loc.gov/MARC21/slim">', `<leader>${escapeXml(r.leader)}</leader>`];
  for (const f of r.fields) {
    const tag = f[0]!;
    if (f.length === 2) {
      out.push(`<controlfield tag="${tag}">${escapeXml(f[1]!)}</controlfield>`);
      continue;
    }
    const ind = f[1] ?? '  ';
    out.push(`<datafield tag="${tag}" ind1="${ind[0] ?? ' '}" ind2="${ind[1] ?? ' '}">`);
    for (let i = 2; i + 1 < f.length; i += 2) out.push(`<subfield code="${escapeXml(f[i]!)}">${escapeXml(f[i + 1]!)}</subfield>`);
    out.push('</datafield>');
  }
  out.push('</record>');
  return out.join('');
}
