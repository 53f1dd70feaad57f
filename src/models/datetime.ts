/** Appwrite's datetime rendering: `YYYY-MM-DDTHH:mm:ss.SSS+00:00`; unset → `""`. */
export const renderDate = (value: string | null | undefined): string =>
  value ? new Date(value).toISOString().replace('Z', '+00:00') : '';
