import { z } from 'zod';
import { optional } from '../validation/params';
import { lenientBoolean, rule } from '../validation/rules';

/** The `queries` param: an array of strings (PHP `queries[]=`); each one is checked by the engine. */
export const queriesParam = rule(z.array(z.string()), 'Queries must be an array', {
  type: 'array',
  items: { type: 'string', description: 'an Appwrite query: JSON `{"method","attribute","values"}` or, before 1.5, `method("attr", [values])`' },
});

/** The `total` param of every list (1.8.1, node-appwrite ≥ 21): a loose boolean, default true. */
export const totalParam = optional(lenientBoolean, true);
