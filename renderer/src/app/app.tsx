import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { Api, ApiError } from '../../../core/api/contract';
import { ApiProvider } from '../api/api-context';
import { HomeScreen } from '../features/home/home-screen';

export interface AppProps {
  api: Api;
  i18n: I18n;
  startupError?: ApiError | null;
}

export function App({ api, i18n, startupError = null }: AppProps) {
  return (
    <ApiProvider api={api}>
      <I18nextProvider i18n={i18n}>
        <HomeScreen startupError={startupError} />
      </I18nextProvider>
    </ApiProvider>
  );
}
