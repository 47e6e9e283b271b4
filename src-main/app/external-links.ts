/**
 * Links the renderer may open in the computer's own browser (never inside the app): https only, no user or
 * password in the URL, and a host from the allowlist or one of its subdomains (Element's `safeOpenURL` habit).
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'sabaq.kz', // the project's site and help pages
  'edu.gov.kz', // Ministry of Enlightenment
  'egov.kz',
  'bilimland.kz', // digital lesson content used in Kazakh schools
  'opiq.kz',
  'wikipedia.org',
];

export function isAllowedExternalUrl(text: string, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  if (url.port && url.port !== '443') return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
