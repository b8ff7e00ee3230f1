/**
 * Where the app keeps the bundles it exported, as the renderer may name them in a download address.
 * Free of zod, Node and Electron: the sandboxed preload, the main process, the web host and the core
 * all import it, so the one pattern that says which files may be downloaded lives here.
 */

/** An assessment id, as core/draft/schema.ts AssessmentIdSchema restricts it. */
export const ASSESSMENT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;

/**
 * `<ISO3>_<checklist-id>_v<version>_r<revision>_<YYYY-MM-DD>.zip` as core/bundle bundleFileName
 * writes it: ASCII letters, digits, `.` and `-` only, never a leading dot (the temp files of an
 * export under way start with one), so no name can be `..`, hold a slash or reach another file.
 */
export const BUNDLE_FILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]{0,63}_[A-Za-z0-9.-]{1,64}_v[A-Za-z0-9.-]{1,64}_r[1-9][0-9]{0,8}_[0-9]{4}-[0-9]{2}-[0-9]{2}\.zip$/;

/** The URL path under which a kept bundle is downloaded: `/submissions/<assessment id>/<file name>`. */
export const SUBMISSIONS_URL_PREFIX = '/submissions/';

/** The URL path of a kept bundle, or null when either part is not one the app writes. */
export function submissionUrlPath(assessmentId: string, fileName: string): string | null {
  if (!ASSESSMENT_ID_PATTERN.test(assessmentId) || !BUNDLE_FILE_NAME_PATTERN.test(fileName)) return null;
  return `${SUBMISSIONS_URL_PREFIX}${assessmentId}/${fileName}`;
}

/** The reverse, on a raw (still encoded) URL path: the two parts, or null for anything else. */
export function parseSubmissionUrlPath(urlPath: string): { assessmentId: string; fileName: string } | null {
  if (!urlPath.startsWith(SUBMISSIONS_URL_PREFIX)) return null;
  const parts = urlPath.slice(SUBMISSIONS_URL_PREFIX.length).split('/');
  if (parts.length !== 2) return null;
  const [assessmentId, fileName] = parts as [string, string];
  return submissionUrlPath(assessmentId, fileName) === urlPath ? { assessmentId, fileName } : null;
}
