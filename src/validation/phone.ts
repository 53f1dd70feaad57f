import metadata from 'libphonenumber-js/metadata.min.json';

const callingCodes = new Set([
  ...Object.keys(metadata.country_calling_codes),
  ...Object.keys((metadata as { nonGeographic?: Record<string, unknown> }).nonGeographic ?? {}),
]);

/** E.164 (`+` and 7–15 digits) whose leading 1–3 digits are an assigned ITU calling code. */
/** E.164 shape; the calling code is checked separately. */
export const PHONE_SHAPE = /^\+[1-9]\d{6,14}$/;

export function isValidPhone(value: string): boolean {
  if (!PHONE_SHAPE.test(value)) return false;
  return [1, 2, 3].some((n) => callingCodes.has(value.slice(1, 1 + n)));
}
