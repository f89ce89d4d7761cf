import { digits } from './numbers.ts';

/**
 * A phone number read digit by digit in its usual groups: '+13125550123' →
 * 'three one two, five five five, zero one two three'. Other lengths are read in threes.
 */
export function speakPhone(e164OrDigits: string): string {
  let d = e164OrDigits.replace(/\D/g, '');
  if (d.length === 11 && d.startsWith('1')) d = d.slice(1);
  const groups = d.length === 10 ? [d.slice(0, 3), d.slice(3, 6), d.slice(6)] : (d.match(/.{1,3}/g) ?? []);
  return groups.map(digits).join(', ');
}
