import { compact, digits } from './numbers.ts';

/**
 * A street address as said aloud: '1450 N Dearborn St, Apt 3B, 60610' →
 * 'fourteen fifty North Dearborn Street, apartment three B, six oh six one oh'.
 */
const WORDS: Record<string, string> = {
  n: 'North', s: 'South', e: 'East', w: 'West', ne: 'Northeast', nw: 'Northwest', se: 'Southeast', sw: 'Southwest',
  st: 'Street', ave: 'Avenue', av: 'Avenue', rd: 'Road', dr: 'Drive', blvd: 'Boulevard', ln: 'Lane', ct: 'Court', pl: 'Place',
  pkwy: 'Parkway', hwy: 'Highway', ter: 'Terrace', cir: 'Circle', sq: 'Square', apt: 'apartment', ste: 'suite', fl: 'floor',
};

const zipWords = (zip: string) => digits(zip).replace(/zero/g, 'oh');

function word(token: string, index: number): string {
  const bare = token.replace(/[.,]+$/, '');
  const trail = token.slice(bare.length).replace(/\./g, '');
  const key = bare.toLowerCase();
  if (key in WORDS) return WORDS[key]! + trail;
  if (/^\d{5}(-\d{4})?$/.test(bare)) return zipWords(bare.slice(0, 5)) + trail;
  if (/^\d+$/.test(bare)) return (index === 0 ? compact(Number(bare)) : digits(bare)) + trail;
  // '3B' → 'three B', '#4' → 'number four'
  const unit = /^#?(\d+)([a-z]?)$/i.exec(bare);
  if (unit) return `${bare.startsWith('#') ? 'number ' : ''}${compact(Number(unit[1]))}${unit[2] ? ` ${unit[2].toUpperCase()}` : ''}${trail}`;
  return token;
}

export function speakAddress(address: string): string {
  return address.trim().split(/\s+/).map(word).join(' ');
}

export { zipWords as speakZip };
