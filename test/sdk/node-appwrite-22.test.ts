import { describe, it } from 'vitest';
import { expectCompleteScenario } from './generations/report';
import { runScenario } from './generations/scenario';

describe('node-appwrite 22 (format 1.8.0)', () => {
  it('every Users method, query helper, hash import and credential works with this generation\'s shapes', async () => {
    expectCompleteScenario('node-appwrite-22', await runScenario({ pkg: 'node-appwrite-22', format: '1.8.0' }));
  });
});
