import { z } from 'zod';
import { rule } from './rules';

/** PHP `number_format`: thousands separated by `,`. */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Appwrite's integer `Range` validator: a JSON integer or a numeric string of one (`"15"`), within
 * `min..max`; floats and other strings fail.
 */
export const integerRange = (min: number, max: number) =>
  rule(
    z
      .union([z.number().int(), z.string().regex(/^\s*[+-]?\d+\s*$/).transform(Number)])
      .refine((n) => n >= min && n <= max),
    `Value must be a valid range between ${thousands(min)} and ${thousands(max)}`,
    { type: 'integer', minimum: min, maximum: max },
  );
