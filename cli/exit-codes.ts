/** Exit codes of `scsa`, as fixed in the design: scripts rely on them. */
export const EXIT = {
  ok: 0,
  /** A check ran and failed (invalid draft, bad signature…). */
  failedCheck: 1,
  /** The command line itself was wrong, or the command is not available. */
  usage: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
