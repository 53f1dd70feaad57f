import { describe, it } from 'vitest';
import { expectCompleteScenario } from './generations/report';
import { runScenario } from './generations/scenario';

describe('node-appwrite 17 (format 1.7.0)', () => {
  it('every Users method, query helper, hash import and credential works with this generation\'s shapes', async () => {
    expectCompleteScenario('node-appwrite-17', await runScenario({ pkg: 'node-appwrite-17', format: '1.7.0' }));
  });
});
