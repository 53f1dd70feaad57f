/** Appwrite's datetime rendering: `YYYY-MM-DDTHH:mm:ss.SSS+00:00`; unset → `""`. */
export const renderDate = (value: string | null | undefined): string => {
  if (!value) return '';
  // What nowIso() stores (`2024-09-12T08:15:30.123Z`) only needs its zone rewritten; anything else is normalised.
  if (value.length === 24 && value[10] === 'T' && value[23] === 'Z') return `${value.slice(0, 23)}+00:00`;
  return new Date(value).toISOString().replace('Z', '+00:00');
};
