import { isLocale, type Locale } from '../../src-core/i18n';
import type { StorageLike } from '../api/storage';

const LOCALE_KEY = 'sabaq.locale';

/** The language chosen on this computer; Kazakh when nothing (or nonsense) was stored. */
export function loadLocale(storage: StorageLike): Locale {
  try {
    const value = storage.getItem(LOCALE_KEY);
    return isLocale(value) ? value : 'kk';
  } catch {
    return 'kk';
  }
}

export function saveLocale(storage: StorageLike, locale: Locale): void {
  try {
    storage.setItem(LOCALE_KEY, locale);
  } catch {
    // storage full or refused: the choice lasts for this page only
  }
}
