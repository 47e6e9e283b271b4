import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api';
import { ApiProvider } from './api/ApiContext';
import { App } from './app/App';
import { currentLocale, I18nProvider } from './i18n/I18n';
import './styles/base.css';
import './styles/signin.css';
import './styles/shell.css';
import './styles/day.css';
import './styles/sync.css';

const client = createApiClient(currentLocale);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <ApiProvider client={client}>
          <App />
        </ApiProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
