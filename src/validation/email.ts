const atom = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const localPart = new RegExp(`^(?:${atom}(?:\\.${atom})*|"[^"\\s\\\\]*")$`);
const label = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const ipv4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const ipv6 = /^[0-9A-Fa-f:.]+$/;

/** PHP `FILTER_VALIDATE_EMAIL` semantics (ASCII only), which Appwrite's email validator uses. */
export function isValidEmail(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !localPart.test(local)) return false;
  if (domain.startsWith('[') && domain.endsWith(']')) {
    const literal = domain.slice(1, -1);
    if (literal.toLowerCase().startsWith('ipv6:')) return literal.length > 5 && ipv6.test(literal.slice(5));
    return ipv4.test(literal);
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => label.test(l))) return false;
  const last = labels[labels.length - 1];
  return /^[A-Za-z]/.test(last) || /^xn--/i.test(last);
}
