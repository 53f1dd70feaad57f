import disposableList from 'disposable-email-domains-js/dist/dict/disposable_email_blocklist.json';
import freeList from 'free-email-domains/domains.json';

/**
 * The e-mail metadata of the User model (Appwrite 1.9.5, utopia-php/emails): the canonical address
 * and whether the domain is free, disposable or corporate. The domain lists are the maintained npm
 * packages (`free-email-domains`: Kikobeats' list, one of utopia-php/emails' sources;
 * `disposable-email-domains-js`: the disposable-email-domains project's blocklist, another), used
 * as shipped in the package (its postinstall refresh is denied in package.json).
 */
export interface EmailMetadata {
  emailCanonical: string | null;
  emailIsFree: boolean | null;
  emailIsDisposable: boolean | null;
  emailIsCorporate: boolean | null;
  emailIsCanonical: boolean | null;
}

const FREE: ReadonlySet<string> = new Set(freeList as string[]);
const DISPOSABLE: ReadonlySet<string> = new Set(disposableList as string[]);

const NONE: EmailMetadata = { emailCanonical: null, emailIsFree: null, emailIsDisposable: null, emailIsCorporate: null, emailIsCanonical: null };

type LocalRule = (local: string) => string;
const withoutPlus: LocalRule = (local) => (local.indexOf('+') > 0 ? local.slice(0, local.indexOf('+')) : local);
const withoutHyphenTag: LocalRule = (local) => (local.includes('-') ? local.split('-').slice(0, -1).join('-') : local);
const same: LocalRule = (local) => local;

/** utopia-php/emails' canonical providers: their domains, the canonical domain and the local-part rule. */
const PROVIDERS: ReadonlyArray<{ domains: readonly string[]; canonical: string; local: LocalRule }> = [
  { domains: ['gmail.com', 'googlemail.com'], canonical: 'gmail.com', local: (l) => withoutPlus(l).replaceAll('.', '') },
  {
    domains: [
      ...['com', 'at', 'be', 'cl', 'co.il', 'co.nz', 'co.th', 'co.uk', 'com.ar', 'com.au', 'com.br', 'com.gr', 'com.pe', 'com.tr', 'com.vn',
        'cz', 'de', 'dk', 'es', 'fr', 'hu', 'id', 'ie', 'in', 'it', 'jp', 'kr', 'lv', 'my', 'ph', 'pt', 'sa', 'sg', 'sk'].map((tld) => `outlook.${tld}`),
      ...['com', 'at', 'be', 'ca', 'cl', 'co.il', 'co.nz', 'co.th', 'co.uk', 'com.ar', 'com.au', 'com.br', 'com.gr', 'com.mx', 'com.pe', 'com.tr',
        'com.vn', 'cz', 'de', 'dk', 'es', 'fr', 'hu', 'id', 'ie', 'in', 'it', 'jp', 'kr', 'lv', 'my', 'ph', 'pt', 'sa', 'sg', 'sk'].map((tld) => `hotmail.${tld}`),
      ...['com', 'be', 'co.uk', 'com.ar', 'com.mx', 'de', 'es', 'eu', 'fr', 'it', 'nl'].map((tld) => `live.${tld}`),
      'msn.com',
      'passport.com',
    ],
    canonical: 'outlook.com',
    local: withoutPlus,
  },
  {
    domains: ['yahoo.com', 'yahoo.co.uk', 'yahoo.ca', 'yahoo.de', 'yahoo.fr', 'yahoo.in', 'yahoo.it', 'ymail.com', 'rocketmail.com'],
    canonical: 'yahoo.com',
    local: withoutHyphenTag,
  },
  { domains: ['icloud.com', 'me.com', 'mac.com'], canonical: 'icloud.com', local: withoutPlus },
  { domains: ['protonmail.com', 'proton.me', 'pm.me'], canonical: 'protonmail.com', local: same },
  { domains: ['fastmail.com', 'fastmail.fm'], canonical: 'fastmail.com', local: same },
  { domains: ['walla.co.il', 'walla.com'], canonical: 'walla.co.il', local: same },
];

const PROVIDER_OF = new Map(PROVIDERS.flatMap((p) => p.domains.map((domain) => [domain, p] as const)));

/** All null for a user without an e-mail (or one the parser refuses), as Appwrite stores it. */
export function emailMetadata(email: string | null): EmailMetadata {
  const address = (email ?? '').trim().toLowerCase();
  const parts = address.split('@');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return NONE;
  const [local, domain] = parts;
  const provider = PROVIDER_OF.get(domain);
  const canonicalLocal = provider ? provider.local(local) : local;
  if (!canonicalLocal) return NONE;
  const canonical = `${canonicalLocal}@${provider ? provider.canonical : domain}`;
  const disposable = DISPOSABLE.has(domain);
  // A domain on both lists counts as disposable only (utopia-php/emails).
  const free = FREE.has(domain) && !disposable;
  return {
    emailCanonical: canonical,
    emailIsFree: free,
    emailIsDisposable: disposable,
    emailIsCorporate: !free && !disposable,
    emailIsCanonical: address === canonical,
  };
}
