/** The `X-Appwrite-Response-Format` a client asked for, compared as a dotted version. */
export type ResponseFormat = readonly number[];

export const CURRENT_FORMAT: ResponseFormat = [1, 6, 2];

export function parseResponseFormat(header: string | undefined): ResponseFormat {
  if (!header || !/^\d+(\.\d+)*$/.test(header.trim())) return CURRENT_FORMAT;
  return header.trim().split('.').map(Number);
}

export function formatBefore(format: ResponseFormat, version: string): boolean {
  const other = version.split('.').map(Number);
  for (let i = 0; i < Math.max(format.length, other.length); i++) {
    const a = format[i] ?? 0;
    const b = other[i] ?? 0;
    if (a !== b) return a < b;
  }
  return false;
}
