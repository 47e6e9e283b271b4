import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BoardDemo } from './board/BoardDemo';
import { I18nProvider } from './i18n/I18n';
import './styles/base.css';
import './styles/board.css';

/** The board's own page (board.html): the ink surface alone, for development, browser tests and benchmarks. */
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <BoardDemo />
      </I18nProvider>
    </StrictMode>,
  );
}
