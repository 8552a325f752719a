/** Readable, stable ids for things people name (assessments, journeys, systems). Pure. */

/** "Phone support — UK" -> "phone-support-uk", unique among `taken` ("-2", "-3" ... on clashes). */
export function uniqueSlug(name: string, taken: Iterable<string>, fallback = 'item'): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || fallback;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
