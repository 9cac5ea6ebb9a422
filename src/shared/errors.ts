/**
 * Errors with a stable code and an HTTP status. Messages are written for the person who
 * caused them and never contain document text or stack traces.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found') {
    super('not_found', message, 404);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('invalid_request', message, 400, details);
  }
}

/** Signing in would help: the web sends the person to the sign-in page. */
export class SignInRequiredError extends AppError {
  constructor(message = 'Sign in to do this') {
    super('sign_in_required', message, 401);
  }
}

/** Signed in, but this is not theirs to do. (Something they may not know exists is a NotFoundError.) */
export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this') {
    super('forbidden', message, 403);
  }
}
