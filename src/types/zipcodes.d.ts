/** The zipcodes package (an offline table of US zip codes) ships no types: what we use of it. */
declare module 'zipcodes' {
  interface ZipInfo {
    zip: string;
    city: string;
    state: string;
    country: string;
    latitude: number;
    longitude: number;
  }
  export function lookup(zip: string): ZipInfo | undefined;
  const zipcodes: { lookup: typeof lookup };
  export default zipcodes;
}
