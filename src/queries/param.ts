import { z } from 'zod';
import { rule } from '../validation/rules';

/** The `queries` param: an array of strings (PHP `queries[]=`); each one is checked by the engine. */
export const queriesParam = rule(z.array(z.string()), 'Queries must be an array');
