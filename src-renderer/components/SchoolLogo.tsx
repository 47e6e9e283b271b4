import { useI18n } from '../i18n/I18n';

/** The school's mark: a shanyrak (the crown of a yurt) in the colours of the sky and the sun. */
export function SchoolLogo({ size = 64 }: { size?: number }) {
  const { t } = useI18n();
  return (
    <svg className="school-logo" width={size} height={size} viewBox="0 0 64 64" role="img" aria-label={t('app.logo')}>
      <circle cx="32" cy="32" r="31" fill="#0b6b88" />
      <circle cx="32" cy="32" r="21" fill="none" stroke="#fec50c" strokeWidth="4" />
      <g fill="none" stroke="#fec50c" strokeWidth="3" strokeLinecap="round">
        <path d="M17 24 Q32 30 47 24" />
        <path d="M17 40 Q32 34 47 40" />
        <path d="M24 17 Q30 32 24 47" />
        <path d="M40 17 Q34 32 40 47" />
      </g>
      <circle cx="32" cy="32" r="4" fill="#fec50c" />
    </svg>
  );
}
