import { describe, expect, it } from 'vitest';
import { formatBefore, parseResponseFormat } from '../../src/models/response-format';

describe('X-Appwrite-Response-Format comparison', () => {
  it.each([
    ['1.4.0', '1.5.0', true],
    ['1.5.0', '1.5.0', false],
    ['1.6.0', '1.5.0', false],
    ['1.5.0-rc.1', '1.5.0', true],
    ['1.0.0-RC1', '1.0.0', true],
    ['0.15.0', '1.5.0', true],
    ['1.6', '1.6.0', false],
  ])('%s before %s is %s', (format, version, expected) => {
    expect(formatBefore(parseResponseFormat(format), version)).toBe(expected);
  });

  it('treats a missing or malformed header as the current format', () => {
    expect(formatBefore(parseResponseFormat(undefined), '1.6.2')).toBe(false);
    expect(formatBefore(parseResponseFormat('latest'), '1.6.2')).toBe(false);
  });
});
