import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/I18n';

/** "Save": the page as a PNG file, or the whole board to the lesson — one button in the bar, two choices under it. */
export function SaveMenu({ disabled, onPng, onLesson }: { disabled: boolean; onPng(): void; onLesson(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => { if (!box.current?.contains(e.target as Node)) setOpen(false); };
    const escape = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); } };
    document.addEventListener('pointerdown', away, true);
    document.addEventListener('keydown', escape, true);
    return () => { document.removeEventListener('pointerdown', away, true); document.removeEventListener('keydown', escape, true); };
  }, [open]);

  const choose = (action: () => void) => { setOpen(false); action(); };
  return (
    <div ref={box} className="present-menu">
      <button type="button" className="button" aria-expanded={open} aria-haspopup="true" disabled={disabled} onClick={() => setOpen(!open)} data-testid="present-save-menu">
        {t('present.save.menu')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="present-menu-list" role="group" aria-label={t('present.save.menu')}>
          <button type="button" className="present-menu-item" onClick={() => choose(onLesson)} data-testid="present-save-lesson">
            <b>{t('present.save.toLesson')}</b>
            <span>{t('present.save.toLessonHint')}</span>
          </button>
          <button type="button" className="present-menu-item" onClick={() => choose(onPng)} data-testid="present-save">
            <b>{t('present.savePng')}</b>
            <span>{t('present.save.pngHint')}</span>
          </button>
        </div>
      )}
    </div>
  );
}
