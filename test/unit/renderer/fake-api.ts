// An in-memory Api for component tests: records calls, keeps the language like the real core does.
import { vi } from 'vitest';
import { API_METHODS, UPLOAD_NAMES, type Api, type AppInfo, type AssessmentSummary, type RendererApi, type Settings, type UploadApi } from '../../../core/api/contract';

export interface FakeApiOptions {
  language?: string;
  assessments?: AssessmentSummary[];
  appInfo?: Partial<AppInfo>;
  overrides?: Partial<RendererApi>;
}

export function createFakeApi(options: FakeApiOptions = {}) {
  // The real core always returns a valid language; a fake may not, to test the renderer's fallback.
  let settings = { schemaVersion: 1, language: options.language ?? 'en' } as Settings;
  const info: AppInfo = {
    productName: 'Safer Cities Self-Assessment',
    version: '9.8.7',
    checklistPack: null,
    dataDir: '/home/focal/scsa-data',
    runtime: 'web',
    ...options.appInfo,
  };
  const api = {
    ...everyVerb(),
    getAppInfo: vi.fn<Api['getAppInfo']>(async () => ({ ok: true, value: info })),
    getSettings: vi.fn<Api['getSettings']>(async () => ({ ok: true, value: settings })),
    setLanguage: vi.fn<Api['setLanguage']>(async (language) => {
      settings = { ...settings, language };
      return { ok: true, value: settings };
    }),
    listAssessments: vi.fn<Api['listAssessments']>(async () => ({ ok: true, value: options.assessments ?? [] })),
    ...notImplemented(),
    addAttachment: vi.fn<UploadApi['addAttachment']>(async () => ({ ok: false, error: { code: 'errors.unexpected' } })),
    checkBundleFile: vi.fn<UploadApi['checkBundleFile']>(async () => ({ ok: false, error: { code: 'errors.unexpected' } })),
    installPackFile: vi.fn<UploadApi['installPackFile']>(async () => ({ ok: false, error: { code: 'errors.unexpected' } })),
    // No review sent: screens that mention open reviews say nothing.
    getReviews: vi.fn<Api['getReviews']>(async () => ({ ok: true, value: { reviews: [], consultations: [], openItems: [] } })),
    getMergeView: vi.fn<Api['getMergeView']>(async () => ({ ok: true, value: { replies: [], items: [], revision: 1 } })),
    getMergePage: vi.fn<Api['getMergePage']>(async () => ({ ok: true, value: { replies: [], items: [], revision: 1, offset: 0, total: 0, counts: { items: 0, open: 0, cleanLeft: 0 } } })),
    importReply: vi.fn<UploadApi['importReply']>(async () => ({ ok: false, error: { code: 'errors.unexpected' } })),
    // No review opened on this computer: the home screen lists none.
    listReviewerWork: vi.fn<Api['listReviewerWork']>(async () => ({ ok: true, value: [] })),
    openReviewCopy: vi.fn<UploadApi['openReviewCopy']>(async () => ({ ok: false, error: { code: 'errors.unexpected' } })),
    downloadUrl: vi.fn<RendererApi['downloadUrl']>((ticket) => `/download/${ticket.token}/${ticket.fileName}`),
  } satisfies RendererApi;
  return Object.assign(api, options.overrides ?? {});
}

const WORKFLOW = ['listPacks', 'getPack', 'createAssessment', 'openAssessment', 'closeAssessment', 'saveAnswers', 'updateAssessment',
  'listHistory', 'restoreVersion', 'validateAssessment', 'exportCopy', 'inspectCopy', 'importCopy', 'openExample',
  'getAssessmentOverview', 'setAssessmentArchived', 'deleteAssessment', 'restoreDeletedAssessment', 'exportPdf', 'getJob',
  'takeJobResult', 'cancelJob', 'getSigningKey', 'createSigningKey', 'importSigningKey', 'replaceSigningKey', 'backupSigningKey', 'exportSubmission', 'listSubmissions',
  'downloadSubmission', 'findNewerVersion', 'previewMove', 'moveAssessment', 'listSentReviews', 'sendForReview', 'downloadReviewCopy', 'openReviewerWork', 'saveReviewerWork', 'returnReview', 'downloadReviewAttachment',
  'acceptSuggestion', 'rejectSuggestion', 'acceptAllClean', 'resolveComment', 'closeReview', 'readVersion',
  'startAnalysis', 'analysisAnswers', 'exportAnalysis', 'downloadAnalysisExport'] as const;

// Every contract verb (features added later too) answers like a core that cannot do it, unless listed below or overridden.
function everyVerb(): Api & UploadApi {
  return Object.fromEntries([...API_METHODS, ...UPLOAD_NAMES].map((m) => [m, vi.fn(async () => ({ ok: false as const, error: { code: 'errors.unexpected' } }))])) as unknown as Api & UploadApi;
}

// Workflow verbs a test does not override answer like a core that cannot do it.
function notImplemented(): Pick<Api, (typeof WORKFLOW)[number]> {
  const fail = async () => ({ ok: false as const, error: { code: 'errors.unexpected' } });
  return Object.fromEntries(WORKFLOW.map((m) => [m, vi.fn(fail)])) as unknown as Pick<Api, (typeof WORKFLOW)[number]>;
}

export const SAMPLE_ASSESSMENT: AssessmentSummary = {
  id: 'a1',
  countryCode: 'FRA',
  checklistId: 'safer-cities',
  checklistVersion: '1.0.0',
  responseLanguage: 'fr',
  revision: 3,
  updatedAt: '2026-11-20T10:15:00.000Z',
  progress: { answered: 4, relevant: 12 },
  submission: null,
  archivedAt: null,
  copy: null,
};
