/**
 * PLACEHOLDER — bulk Import wizard (issue 13, "Import"). Not built yet because its API,
 * `POST /v1/users/import`, does not exist yet (the bulk-import issue). When it lands, this file
 * gets `importScreen()`: upload an export file, show the dry-run report, commit, watch progress;
 * `main` routes `#/import` here and the header gains an "Import" link. Until then the console
 * offers no import screen at all rather than a fake one; single users with hashed passwords are
 * imported from "Create user".
 */
export const importScreen = String.raw``;
