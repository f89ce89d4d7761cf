/**
 * A service's price as the company wrote it ('$149 to $249', '$89', 'from $1,200') read as a
 * range in whole dollars: the lowest and highest amounts in the text. Amounts with a dollar
 * sign win when there are any ('$89, 2 hour minimum' is 89). Null when no amount is written
 * ('Free estimate', 'Quoted on site'). Pure.
 */
const AMOUNT = /(\$\s*)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/g;

export function priceRange(text: string): { low: number; high: number } | null {
  const all: { dollar: boolean; value: number }[] = [];
  for (const m of text.matchAll(AMOUNT)) all.push({ dollar: m[1] !== undefined, value: Number(m[2]!.replace(/,/g, '')) });
  const amounts = all.some((a) => a.dollar) ? all.filter((a) => a.dollar) : all;
  if (amounts.length === 0) return null;
  const values = amounts.map((a) => a.value);
  return { low: Math.min(...values), high: Math.max(...values) };
}
