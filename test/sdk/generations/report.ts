import { expect } from 'vitest';
import type { ScenarioResult } from './scenario';

/** Prints the scenario's figures and fails on an uncalled method or any SDK warning. */
export function expectCompleteScenario(pkg: string, result: ScenarioResult) {
  console.log(`${pkg}: ${result.calls} SDK calls, ${result.methods.length} Users methods, ${result.warnings} SDK warnings`);
  expect(result.missed, `${pkg}: Users methods the scenario did not call`).toEqual([]);
  expect(result.warnings, `${pkg}: warnings printed`).toBe(0);
}
