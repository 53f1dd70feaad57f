import { describe, it } from 'vitest';
import { expectCompleteScenario } from './generations/report';
import { runScenario } from './generations/scenario';

describe('node-appwrite 13 (format 1.5.0)', () => {
  it('every Users method, query helper, hash import and credential works with this generation\'s shapes', async () => {
    expectCompleteScenario('node-appwrite-13', await runScenario({ pkg: 'node-appwrite-13', format: '1.5.0' }));
  });
});
