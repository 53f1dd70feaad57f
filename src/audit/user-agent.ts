import UAParser from 'ua-parser-js';

/** The client fields Appwrite derives from a User-Agent (Log and Session models), in its order. */
export const CLIENT_FIELDS = [
  'osCode',
  'osName',
  'osVersion',
  'clientType',
  'clientCode',
  'clientName',
  'clientVersion',
  'clientEngine',
  'clientEngineVersion',
  'deviceName',
  'deviceBrand',
  'deviceModel',
] as const;

export type ClientInfo = Record<(typeof CLIENT_FIELDS)[number], string>;

/**
 * Appwrite parses with Matomo DeviceDetector; we parse with ua-parser-js 1.x (MIT) and translate
 * the common names into DeviceDetector's codes and spellings. Unlisted values keep ua-parser's
 * name and get an empty code.
 */
const OS: Record<string, [code: string, name: string]> = {
  Windows: ['WIN', 'Windows'],
  'Mac OS': ['MAC', 'Mac'],
  macOS: ['MAC', 'Mac'],
  iOS: ['IOS', 'iOS'],
  Android: ['AND', 'Android'],
  Linux: ['LIN', 'GNU/Linux'],
  Ubuntu: ['UBT', 'Ubuntu'],
  Debian: ['DEB', 'Debian'],
  Fedora: ['FED', 'Fedora'],
  'Chromium OS': ['COS', 'Chrome OS'],
  FreeBSD: ['BSD', 'FreeBSD'],
  HarmonyOS: ['HAR', 'HarmonyOS'],
  'Windows Phone': ['WPH', 'Windows Phone'],
};

const BROWSERS: Record<string, [code: string, name: string]> = {
  Chrome: ['CH', 'Chrome'],
  'Mobile Chrome': ['CM', 'Chrome Mobile'],
  'Chrome WebView': ['CV', 'Chrome Webview'],
  Chromium: ['CR', 'Chromium'],
  Firefox: ['FF', 'Firefox'],
  'Mobile Firefox': ['FM', 'Firefox Mobile'],
  Safari: ['SF', 'Safari'],
  'Mobile Safari': ['MF', 'Mobile Safari'],
  Edge: ['PS', 'Microsoft Edge'],
  Opera: ['OP', 'Opera'],
  IE: ['IE', 'Internet Explorer'],
  'Samsung Browser': ['SB', 'Samsung Browser'],
  Brave: ['BR', 'Brave'],
  Vivaldi: ['VI', 'Vivaldi'],
  Yandex: ['YA', 'Yandex Browser'],
  UCBrowser: ['UC', 'UC Browser'],
};

const DEVICE_TYPES: Record<string, string> = {
  mobile: 'smartphone',
  tablet: 'tablet',
  console: 'console',
  smarttv: 'tv',
  wearable: 'wearable',
};

const DESKTOP_OS = new Set(['WIN', 'MAC', 'LIN', 'UBT', 'DEB', 'FED', 'COS', 'BSD']);

/**
 * Parsed User-Agents of this isolate: a user's log entries (each rendered with its client fields)
 * come from a handful of clients, and ua-parser's regular expressions cost ≈ 10 µs per parse.
 * Capped, since the header is the client's; entries are frozen, callers copy them.
 */
const parsed = new Map<string, Readonly<ClientInfo>>();
const PARSED_CAP = 512;

/** An empty/missing User-Agent is parsed as `UNKNOWN`, which yields empty fields (models.md §6). */
export function parseUserAgent(userAgent: string): Readonly<ClientInfo> {
  let info = parsed.get(userAgent);
  if (!info) {
    if (parsed.size >= PARSED_CAP) parsed.clear();
    parsed.set(userAgent, (info = Object.freeze(parse(userAgent))));
  }
  return info;
}

function parse(userAgent: string): ClientInfo {
  const result = new UAParser(userAgent || 'UNKNOWN').getResult();
  const [osCode, osName] = result.os.name ? (OS[result.os.name] ?? ['', result.os.name]) : ['', ''];
  const [clientCode, clientName] = result.browser.name ? (BROWSERS[result.browser.name] ?? ['', result.browser.name]) : ['', ''];
  const deviceName = result.device.type ? (DEVICE_TYPES[result.device.type] ?? '') : DESKTOP_OS.has(osCode) ? 'desktop' : '';
  const info: ClientInfo = {
    osCode,
    osName,
    osVersion: result.os.version ?? '',
    clientType: clientName ? 'browser' : '',
    clientCode,
    clientName,
    clientVersion: result.browser.version ?? '',
    clientEngine: result.engine.name ?? '',
    clientEngineVersion: result.engine.version ?? '',
    deviceName,
    deviceBrand: result.device.vendor ?? '',
    deviceModel: result.device.model ?? '',
  };
  // Appwrite's own special case for its CLI (models.md §6).
  if (userAgent.includes('AppwriteCLI')) {
    const version = userAgent.split(' ')[0].split('/')[1] ?? '';
    Object.assign(info, { clientType: 'desktop', clientCode: 'cli', clientName: 'Appwrite CLI', clientVersion: version, clientEngine: '', clientEngineVersion: '' });
  }
  return info;
}
