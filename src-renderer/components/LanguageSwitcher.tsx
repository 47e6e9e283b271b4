import { LOCALES } from '../../src-core/i18n';
import { useI18n } from '../i18n/I18n';

/** Қазақша / Русский / English: each language named in itself; `short` for the header. */
export function LanguageSwitcher({ short = false }: { short?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="segmented" role="group" aria-label={t('lang.choose')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={l === locale ? 'segment active' : 'segment'}
          aria-pressed={l === locale}
          title={t(`lang.${l}`)}
          onClick={() => setLocale(l)}
        >
          {t(short ? `lang.${l}.short` : `lang.${l}`)}
        </button>
      ))}
    </div>
  );
}
