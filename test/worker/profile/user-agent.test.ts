import { describe, expect, it } from 'vitest';
import { COUNTRY_NAMES } from '../../../src/audit/country-names';
import { parseUserAgent } from '../../../src/audit/user-agent';

describe('parseUserAgent (Log and Session client fields)', () => {
  it('parses an iPhone Safari into DeviceDetector-style codes', () => {
    const ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';
    expect(parseUserAgent(ua)).toEqual({
      osCode: 'IOS', osName: 'iOS', osVersion: '17.1', clientType: 'browser', clientCode: 'MF', clientName: 'Mobile Safari',
      clientVersion: '17.1', clientEngine: 'WebKit', clientEngineVersion: '605.1.15', deviceName: 'smartphone', deviceBrand: 'Apple', deviceModel: 'iPhone',
    });
  });

  it('parses Firefox on Windows as a desktop browser', () => {
    const info = parseUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0');
    expect(info).toMatchObject({ osCode: 'WIN', osName: 'Windows', osVersion: '10', clientCode: 'FF', clientName: 'Firefox', clientEngine: 'Gecko', deviceName: 'desktop' });
  });

  it('parses an Android tablet', () => {
    const info = parseUserAgent('Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36');
    expect(info).toMatchObject({ osCode: 'AND', osName: 'Android', osVersion: '13', clientName: 'Chrome', deviceName: 'tablet', deviceBrand: 'Samsung', deviceModel: 'SM-X700' });
  });

  it('recognises the Appwrite CLI as Appwrite does', () => {
    expect(parseUserAgent('AppwriteCLI/5.0.4 (linux; x64)')).toMatchObject({ clientType: 'desktop', clientCode: 'cli', clientName: 'Appwrite CLI', clientVersion: '5.0.4' });
  });

  it('leaves every field empty for an empty or unknown agent', () => {
    for (const ua of ['', 'AppwriteNodeJSSDK/14.2.0']) {
      expect(Object.values(parseUserAgent(ua)).every((v) => v === '')).toBe(true);
    }
  });
});

describe('COUNTRY_NAMES', () => {
  it('covers the ISO-3166 alpha-2 codes (plus Kosovo) in English', () => {
    expect(Object.keys(COUNTRY_NAMES)).toHaveLength(250);
    expect(COUNTRY_NAMES).toMatchObject({ us: 'United States', gb: 'United Kingdom', de: 'Germany', lc: 'Saint Lucia', cd: 'Democratic Republic of the Congo', xk: 'Kosovo' });
  });
});

describe('parseUserAgent cache', () => {
  it('parses each User-Agent once per isolate and hands out a frozen result', () => {
    const ua = 'Mozilla/5.0 (X11; Linux x86_64; rv:122.0) Gecko/20100101 Firefox/122.0';
    const first = parseUserAgent(ua);
    expect(parseUserAgent(ua)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toMatchObject({ osCode: 'LIN', clientCode: 'FF', clientVersion: '122.0' });
  });
});
