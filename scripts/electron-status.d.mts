// Types for electron-status.mjs, which runs before anything is built and so stays plain JavaScript.
export type ElectronStatus =
  | { kind: 'ready'; binary: string }
  | { kind: 'no-dependencies' }
  | { kind: 'script-not-approved' | 'download-skipped' | 'download-missing'; version: string };

/** true: approved; false: denied (a denial wins); null: no entry matches. */
export function scriptApproval(allowScripts: unknown, name: string, version: string): boolean | null;
export function electronStatus(root: string, env?: NodeJS.ProcessEnv): ElectronStatus;
export function electronMessage(status: Exclude<ElectronStatus, { kind: 'ready' }>): string;
