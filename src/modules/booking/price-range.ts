/**
 * A service's price text as a range of dollars, for every "value booked" figure (the digest's
 * bookings made, analytics): '$149 to $249' → 149..249, '$1,400 to $2,600 installed' →
 * 1400..2600, '$295 call-out plus parts' → 295..295, 'Free' → 0..0. Null when the text names no
 * amount ('quoted on site'). Pure.
 */
export function priceRange(text: string): { low: number; high: number } | null {
  const amounts = [...text.matchAll(/\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g)].map((m) => Number(m[1]!.replace(/,/g, '')) + Number(`0.${m[2] ?? '0'}`));
  if (amounts.length === 0) return /^\s*free\b/i.test(text) ? { low: 0, high: 0 } : null;
  return { low: Math.min(...amounts), high: Math.max(...amounts) };
}

/** The sum of the ranges of what was booked; services without an amount count in `unpriced`. */
export function valueOf(priceTexts: readonly string[]): { low: number; high: number; unpriced: number } {
  let low = 0;
  let high = 0;
  let unpriced = 0;
  for (const text of priceTexts) {
    const r = priceRange(text);
    if (!r) unpriced += 1;
    else {
      low += r.low;
      high += r.high;
    }
  }
  return { low, high, unpriced };
}
