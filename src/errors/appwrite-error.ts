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

/** Shorthand for the framework's parameter errors (`general_argument_invalid`, 400). */
export const invalidParam = (name: string, description: string) =>
  new AppwriteError('general_argument_invalid', `Invalid \`${name}\` param: ${description}`);

export const missingParam = (name: string) =>
  new AppwriteError('general_argument_invalid', `Param "${name}" is not optional.`);
