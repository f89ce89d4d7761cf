import { speakAddress } from '../ear/address.ts';
import { speakPhone } from '../ear/phone.ts';
import { speakText } from '../ear/text.ts';
import { speakSlot } from '../ear/when.ts';
import type { BookingSummary } from '../types.ts';

/**
 * Sentences the server writes itself, from what the tools returned: read-backs and
 * confirmations are never left to the model's wording. Pure.
 */
export const speakBookingTime = (b: BookingSummary): string => speakSlot(b);

/** What is read back before a held slot is booked: service, time, name, address, callback. */
export function readBack(b: BookingSummary, phone: string | null): string {
  const parts = [`${b.serviceName} on ${speakBookingTime(b)}, for ${b.customerName}`];
  if (b.address) parts.push(`at ${speakAddress(b.address)}`);
  let text = parts.join(' ');
  if (phone) text += `, and we'll call you at ${speakPhone(phone)}`;
  if (b.surchargeNote) text += `. ${speakText(b.surchargeNote)}`;
  return text;
}

export const confirmedSentence = (b: BookingSummary): string =>
  `You're all set: ${b.serviceName} on ${speakBookingTime(b)}. Is there anything else I can help with?`;

export const requestedSentence = (b: BookingSummary): string =>
  `I've sent your request for ${b.serviceName} on ${speakBookingTime(b)} to the office. It isn't booked yet: they'll confirm it with you. Is there anything else I can help with?`;

// Phone numbers a model may write without separators (E.164, ten digits); speakText reads the rest.
const BARE_PHONE = /(?<![\d$])(?:\+1)?\d{10}(?!\d)|\+\d{11,14}(?!\d)/g;

/**
 * A model's reply made fit for the ear: markdown and list marks removed, prices and phone
 * numbers said in words. The prompt asks for this already; this is the guarantee.
 */
export function forTheEar(text: string): string {
  return speakText(
    text
      .replace(/```[\s\S]*?```/g, ' ')
      .replace(/^\s*(?:[-*•]|\d+[.)])\s+/gm, '')
      .replace(/[*_#`]+/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(BARE_PHONE, (m) => speakPhone(m)),
  )
    .replace(/\s*\n+\s*/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
