import type { ComponentType } from 'react';

/** A page under /companies/:companyId; `nav` puts it in the side navigation. */
export interface CompanyPage {
  path: string;
  nav?: { label: string; ownerOnly?: boolean };
  load: () => Promise<{ default: ComponentType }>;
}

// Each page is its own chunk, loaded when first opened.
export const companyPages: CompanyPage[] = [
  { path: 'setup', nav: { label: 'Get started', ownerOnly: true }, load: () => import('../features/onboarding/components/setup-page.tsx') },
  { path: 'schedule', nav: { label: 'Schedule' }, load: () => import('../features/booking/components/schedule-page.tsx') },
  { path: 'bookings/new', load: () => import('../features/booking/components/new-booking-page.tsx') },
  { path: 'bookings/:bookingId', load: () => import('../features/booking/components/booking-page.tsx') },
  { path: 'booking-setup', nav: { label: 'Booking setup', ownerOnly: true }, load: () => import('../features/booking/components/setup/booking-setup-page.tsx') },
];
