import { describe, expect, it } from 'vitest';
import { priceRange } from './price-range.ts';

describe('price range of a price text', () => {
  it('reads the lowest and highest dollar amounts, with thousands separators', () => {
    expect(priceRange('$149 to $249')).toEqual({ low: 149, high: 249 });
    expect(priceRange('$1,200–$2,500 installed')).toEqual({ low: 1200, high: 2500 });
    expect(priceRange('from $89.50')).toEqual({ low: 89, high: 89 });
  });

  it('prefers amounts with a dollar sign, else any number, else none', () => {
    expect(priceRange('$89 service call, 2 hour minimum')).toEqual({ low: 89, high: 89 });
    expect(priceRange('150-300 depending on access')).toEqual({ low: 150, high: 300 });
    expect(priceRange('Free estimate')).toBeNull();
  });
});
