/** The short list of failures a user can be told about. Anything else is unexpected. */
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "rate_limited";

export type FieldMessage = string | readonly [key: string, values: Record<string, string | number>];

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    /** Field name → message key, or a key and the values it needs (e.g. a limit). */
    public readonly fields?: Record<string, FieldMessage>,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
