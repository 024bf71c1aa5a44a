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

/**
 * True when a database error (or one it caused) is a unique violation, of the named constraint
 * when given (a part of its name). postgres.js and PGlite both report code 23505.
 */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  for (let err = e as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (err.code === "23505") return !constraint || (err.constraint_name ?? err.constraint ?? "").includes(constraint);
  }
  return false;
}
