import { AppwriteError } from '../errors/appwrite-error';

export interface PersonalData {
  userId: string;
  email: string | null;
  name: string | null;
  phone: string | null;
}

/**
 * Appwrite's `PersonalData` validator: the password must not contain the user's id, email,
 * email local part, name or phone (with and without `+`), compared case-insensitively.
 */
export function assertNoPersonalData(password: string, data: PersonalData): void {
  const haystack = password.toLowerCase();
  const needles = [data.userId, data.email, data.email?.split('@')[0], data.name, data.phone, data.phone?.replace(/^\+/, '')];
  const leaks = password.length < 8 || needles.some((n) => n && haystack.includes(n.toLowerCase()));
  if (leaks) throw new AppwriteError('password_personal_data');
}
