import { accountOperations } from './account';
import { accountMfaOperations } from './account-mfa';
import { targetOperations } from './targets';
import { userBulkOperations } from './user-bulk';
import { userImportOperations } from './user-imports';
import { userMfaOperations } from './user-mfa';
import { userProfileOperations } from './user-profile';
import { userRecordOperations } from './user-records';
import { userSessionOperations } from './user-sessions';
import { usersOperations } from './users';

/**
 * Every operation of the API. Routes are matched in this order, so a static segment
 * (`/v1/users/identities`) comes before a placeholder at the same place (`/v1/users/{userId}`).
 */
export const operations = [
  ...userBulkOperations,
  ...userImportOperations,
  ...userRecordOperations,
  ...usersOperations,
  ...userProfileOperations,
  ...targetOperations,
  ...userSessionOperations,
  ...userMfaOperations,
  ...accountOperations,
  ...accountMfaOperations,
];

export type AnyOperation = (typeof operations)[number];

export { operation, honoPath, pathParams, allowedScopes, type Operation, type OperationContext, type Scope } from './operation';
