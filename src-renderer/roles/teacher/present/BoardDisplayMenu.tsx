import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18n';
import { displayBridge, type DisplayMenu, type DisplayMenuAnswer } from './present-bridge';

/**
 * Which display is the interactive board, in the desktop shell: "automatic" (the shell's rules: a touch panel, an
 * external display…) or one the teacher picks; the lesson goes full screen there with the presenter view. Shown
 * only where the shell offers it (a browser has its own full screen).
 */
export function BoardDisplayMenu() {
  const { t } = useI18n();
  const [bridge] = useState(displayBridge);
  const [menu, setMenu] = useState<DisplayMenu | null>(null);
  const [failed, setFailed] = useState(false);
  const take = (answer: DisplayMenuAnswer) => {
    if (answer.ok) setMenu(answer);
    setFailed(!answer.ok);
  };
  useEffect(() => {
    if (!bridge) return;
    let alive = true;
    bridge.displays().then((a) => { if (alive) take(a); }, () => { if (alive) setFailed(true); });
    return () => { alive = false; };
  }, [bridge]);
  if (!bridge || !menu || menu.displays.length < 2) return null;
  const name = (d: DisplayMenu['displays'][number], i: number) =>
    t('present.display.name', { n: i + 1, label: d.label || t('present.display.unnamed'), size: `${d.width}×${d.height}` })
    + (d.primary ? ` · ${t('present.display.primary')}` : '') + (d.touch ? ` · ${t('present.display.touch')}` : '');
  const automatic = menu.displays.findIndex((d) => d.id === menu.boardId);
  return (
    <label className="present-display" data-testid="present-display">
      <span>{t('present.display.label')}</span>
      <select
        value={menu.chosenId === null ? '' : String(menu.chosenId)}
        onChange={(e) => { bridge.chooseDisplay(e.target.value === '' ? null : Number(e.target.value)).then(take, () => setFailed(true)); }}
      >
        <option value="">{t('present.display.auto', { display: automatic >= 0 ? String(automatic + 1) : '—' })}</option>
        {menu.displays.map((d, i) => <option key={d.id} value={String(d.id)}>{name(d, i)}</option>)}
      </select>
      {failed && <span className="error" role="alert">{t('present.display.failed')}</span>}
    </label>
  );
}
