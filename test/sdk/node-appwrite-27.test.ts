import { describe, it } from 'vitest';
import { expectCompleteScenario } from './generations/report';
import { runScenario } from './generations/scenario';

describe('node-appwrite 27 (format 1.9.5)', () => {
  it('every Users method, query helper, hash import and credential works with this generation\'s shapes', async () => {
    expectCompleteScenario('node-appwrite-27', await runScenario({ pkg: 'node-appwrite-27', format: '1.9.5' }));
  });
});
