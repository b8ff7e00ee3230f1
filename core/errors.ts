/** The envelope's error: an i18n key and its params (the contract's ApiError has this shape). */
export interface ErrorInfo {
  code: string;
  params?: Record<string, string | number>;
}

/** An error the user can act on. `code` names an i18next key under `errors.`; never a stack trace. */
export class AppError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number> | undefined;

  constructor(code: string, params?: Record<string, string | number>, cause?: unknown) {
    super(code, cause === undefined ? undefined : { cause });
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  toApiError(): ErrorInfo {
    return this.params ? { code: this.code, params: this.params } : { code: this.code };
  }
}
