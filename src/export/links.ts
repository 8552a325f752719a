/**
 * Which text an export may turn into a link: only an absolute http or https address
 * with no space, quote or angle bracket in it, so that a ticket field holding
 * `javascript:…`, a relative path or markup stays plain text. Pure.
 */

/** The address when `text` is an http(s) URL fit to link to, else null. */
export function httpUrl(text: string | null | undefined): string | null {
  const candidate = (text ?? '').trim();
  if (!/^https?:\/\/[^\s"'<>`\\]+$/i.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? candidate : null;
  } catch {
    return null;
  }
}
