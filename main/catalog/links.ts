/** Fills a link template's {id} and {isbn}; undefined when the record lacks what the template needs. */
export function fillLink(template: string | undefined, r: { readonly id: string; readonly isbn?: string }): string | undefined {
  if (!template) return undefined;
  if (template.includes('{isbn}') && !r.isbn) return undefined;
  return template.replaceAll('{id}', encodeURIComponent(r.id)).replaceAll('{isbn}', encodeURIComponent(r.isbn ?? ''));
}

/**
 * "Send the list to my phone": the titles and their links in the public
 * catalogue, one per line (phone cameras show the links to tap). Titles
 * and record links only: nothing about the patron.
 */
export function phoneList(
  template: string | undefined,
  titles: readonly { readonly id: string; readonly title: string; readonly isbn?: string }[],
  max = 8,
): string | undefined {
  const lines = titles.flatMap((t) => {
    const link = fillLink(template, t);
    return link ? [`${t.title}\n${link}`] : [];
  });
  return lines.length ? lines.slice(0, max).join('\n') : undefined;
}
