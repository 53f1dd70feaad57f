import { errorTypes, type ErrorType } from './error-types';

/** The one error class: an Appwrite error type, optionally with a route-specific message. */
export class AppwriteError extends Error {
  readonly type: ErrorType;
  readonly status: number;

  constructor(type: ErrorType, message?: string) {
    const [status, defaultMessage] = errorTypes[type];
    super(message ?? defaultMessage);
    this.type = type;
    this.status = status;
  }
}
