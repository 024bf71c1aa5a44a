/** The short list of failures a user can be told about. Anything else is unexpected. */
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "rate_limited";

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    /** Field name → message key under `errors.` */
    public readonly fields?: Record<string, string>,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
