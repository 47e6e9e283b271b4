import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../src-main/app/external-links';

describe('links opened in the computer browser', () => {
  it.each([
    'https://bilimland.kz/kk/courses',
    'https://www.bilimland.kz/',
    'https://kk.wikipedia.org/wiki/Абай_Құнанбайұлы',
    'https://egov.kz:443/cms/ru',
    'https://EDU.GOV.KZ./ru/',
  ])('opens %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    ['plain http', 'http://bilimland.kz/'],
    ['a host not on the list', 'https://example.com/'],
    ['a look-alike host', 'https://bilimland.kz.evil.com/'],
    ['a look-alike suffix', 'https://notbilimland.kz/'],
    ['credentials in the URL', 'https://user:pw@bilimland.kz/'],
    ['another port', 'https://bilimland.kz:8443/'],
    ['file:', 'file:///C:/Windows/System32/calc.exe'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['javascript:', 'javascript:alert(1)'],
    ['smb shares', '\\\\attacker\\share\\x.exe'],
    ['nonsense', 'not a url'],
  ])('refuses %s', (_what, url) => expect(isAllowedExternalUrl(url)).toBe(false));

  it('takes another allowlist', () => {
    expect(isAllowedExternalUrl('https://school-12.kz/', ['school-12.kz'])).toBe(true);
    expect(isAllowedExternalUrl('https://bilimland.kz/', ['school-12.kz'])).toBe(false);
  });
});
