import { apiClient } from './api';
import { createUserScreen } from './create-user';
import { importScreen } from './import';
import { main } from './main';
import { signInScreen } from './sign-in';
import { ui } from './ui';
import { userDetailScreen } from './user-detail';
import { userSecuritySections } from './user-security';
import { usersListScreen } from './users-list';

/**
 * The browser code, one file per screen. Each file exports plain JavaScript as a string (no build
 * step, nothing to fetch at run time); they share one function scope, so a screen calls the
 * helpers of `ui` and `api` directly. The sources avoid backticks and `${` so they can live in
 * `String.raw` literals.
 */
export const consoleScript = [
  '(function () {',
  "'use strict';",
  ui,
  apiClient,
  signInScreen,
  usersListScreen,
  userDetailScreen,
  userSecuritySections,
  createUserScreen,
  importScreen,
  main,
  '})();',
].join('\n');
