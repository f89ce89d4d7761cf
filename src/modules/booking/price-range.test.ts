import { describe, expect, it } from 'vitest';
import { priceRange, valueOf } from './price-range.ts';

describe('price ranges of service price texts', () => {
  it('reads the amounts a company writes', () => {
    expect(priceRange('$149 to $249')).toEqual({ low: 149, high: 249 });
    expect(priceRange('$1,400 to $2,600 installed')).toEqual({ low: 1400, high: 2600 });
    expect(priceRange('$295 call-out plus parts')).toEqual({ low: 295, high: 295 });
    expect(priceRange('$99 diagnostic; repairs quoted on site')).toEqual({ low: 99, high: 99 });
    expect(priceRange('$89 service call, 2 hour minimum')).toEqual({ low: 89, high: 89 });
    expect(priceRange('$89.50')).toEqual({ low: 89.5, high: 89.5 });
    expect(priceRange('Free')).toEqual({ low: 0, high: 0 });
    expect(priceRange('quoted on site')).toBeNull();
    expect(priceRange('')).toBeNull();
  });

  it('adds up what was booked, counting the unpriced apart', () => {
    expect(valueOf(['$149 to $249', '$295 call-out plus parts', 'quoted on site'])).toEqual({ low: 444, high: 544, unpriced: 1 });
  });
});
