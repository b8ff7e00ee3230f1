import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { ApiError, RendererApi } from '../../../core/api/contract';
import { ApiProvider } from '../api/api-context';
import { HomeScreen } from '../features/home/home-screen';
import { AppShell } from '../features/shell/app-shell';
import { WizardScreen } from '../features/wizard/wizard-screen';
import { AssessmentSession } from '../features/assessment/assessment-session';
import { SigningKeyScreen } from '../features/signing-key/signing-key-screen';
import { ExportSubmissionScreen } from '../features/submission/export-screen';
import { TransmittalLetter } from '../features/submission/transmittal-letter';
import { CheckBundleScreen } from '../features/bundle-check/check-bundle-screen';
import { PacksScreen } from '../features/packs/packs-screen';
import { MoveScreen } from '../features/pack-move/move-screen';
import { ReviewMergeScreen } from '../features/review-merge/review-merge-screen';
import { CompareScreen } from '../features/compare/compare-screen';
import { ReviewsScreen } from '../features/review-send/reviews-screen';
import { ReviewerScreen } from '../features/reviewer/reviewer-screen';
import { ReviewsOnHome } from '../features/reviewer/reviews-on-home';
import { SecretariatScreen } from '../features/secretariat/secretariat-screen';
import { AnalysisScreen } from '../features/analysis/analysis-screen';
import { installButtonLinkKeys } from '../ui/button-links';
import { useRoute } from './routes';

export interface AppProps {
  api: RendererApi;
  i18n: I18n;
  startupError?: ApiError | null;
}

export function App({ api, i18n, startupError = null }: AppProps) {
  return (
    <ApiProvider api={api}>
      <I18nextProvider i18n={i18n}>
        <Screens startupError={startupError} />
      </I18nextProvider>
    </ApiProvider>
  );
}

function Screens({ startupError }: { startupError: ApiError | null }) {
  const route = useRoute();
  useEffect(() => installButtonLinkKeys(document), []);
  const inAssessment =
    route.name === 'form' || route.name === 'completeness' || route.name === 'history' || route.name === 'details' || route.name === 'move' || route.name === 'reviews' || route.name === 'compare';
  return (
    <AppShell startupError={startupError} wide={route.name === 'form' || route.name === 'review'} signing={route.name !== 'review'}>
      {route.name === 'home' && <HomeScreen reviews={<ReviewsOnHome />} />}
      {route.name === 'new' && <WizardScreen />}
      {/* One session per assessment id: moving between its screens keeps it open; leaving closes it. */}
      {inAssessment && (
        <AssessmentSession key={route.id} route={route}>
          {/* Moving to a new checklist version works on the open session (its draft, saver and pack). */}
          {route.name === 'move' && <MoveScreen key={route.version} version={route.version} />}
          {/* Screens of other tasks shown inside the open assessment (its session, header and saver). */}
          {route.name === 'reviews' && <ReviewMergeScreen sending={(refresh) => <ReviewsScreen id={route.id} refresh={refresh} />} />}
          {route.name === 'compare' && <CompareScreen key={`${route.from ?? ''}-${route.to ?? ''}`} from={route.from} to={route.to} />}
        </AssessmentSession>
      )}
      {route.name === 'export' && <ExportSubmissionScreen key={route.id} id={route.id} />}
      {route.name === 'letter' && <TransmittalLetter key={`${route.id}-${route.revision}`} id={route.id} revision={route.revision} />}
      {route.name === 'signingKey' && <SigningKeyScreen />}
      {route.name === 'checkBundle' && <CheckBundleScreen />}
      {route.name === 'packs' && <PacksScreen />}
      {route.name === 'review' && <ReviewerScreen key={route.reviewId} reviewId={route.reviewId} />}
      {route.name === 'secretariat' && <SecretariatScreen view={route.view} file={route.file} other={route.other} />}
      {route.name === 'analysis' && <AnalysisScreen />}
    </AppShell>
  );
}
