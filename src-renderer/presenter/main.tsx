import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/I18n';
import { PresenterView } from './PresenterView';
import '../styles/base.css';
import '../styles/presenter.css';

/** The presenter view (presenter.html#<channel>): a page of its own, opened by the board; it needs no sign-in. */
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <PresenterView hash={window.location.hash} />
      </I18nProvider>
    </StrictMode>,
  );
}
