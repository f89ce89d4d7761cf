import type { ComponentType } from 'react';

/** A page under /companies/:companyId; `nav` puts it in the side navigation. */
export interface CompanyPage {
  path: string;
  nav?: { label: string; ownerOnly?: boolean };
  load: () => Promise<{ default: ComponentType }>;
}

// Each page is its own chunk, loaded when first opened.
export const companyPages: CompanyPage[] = [
  { path: 'overview', nav: { label: 'Overview' }, load: () => import('../features/overview/components/overview-page.tsx') },
  { path: 'setup', nav: { label: 'Get started', ownerOnly: true }, load: () => import('../features/onboarding/components/setup-page.tsx') },
  { path: 'calls', nav: { label: 'Calls' }, load: () => import('../features/calls/components/calls-page.tsx') },
  { path: 'calls/:callId', load: () => import('../features/calls/components/call-page.tsx') },
  { path: 'analytics', nav: { label: 'Analytics' }, load: () => import('../features/analytics/components/analytics-page.tsx') },
  { path: 'leads', nav: { label: 'Leads' }, load: () => import('../features/leads/components/leads-page.tsx') },
  { path: 'schedule', nav: { label: 'Schedule' }, load: () => import('../features/booking/components/schedule-page.tsx') },
  { path: 'bookings/new', load: () => import('../features/booking/components/new-booking-page.tsx') },
  { path: 'bookings/:bookingId', load: () => import('../features/booking/components/booking-page.tsx') },
  { path: 'messages', nav: { label: 'Messages' }, load: () => import('../features/messages/components/messages-page.tsx') },
  { path: 'contacts', nav: { label: 'Contacts' }, load: () => import('../features/contacts/components/contacts-page.tsx') },
  { path: 'contacts/:contactId', load: () => import('../features/contacts/components/contact-page.tsx') },
  { path: 'booking-setup', nav: { label: 'Booking setup', ownerOnly: true }, load: () => import('../features/booking/components/setup/booking-setup-page.tsx') },
  { path: 'agent', nav: { label: 'Agent' }, load: () => import('../features/agent/components/agent-page.tsx') },
  { path: 'knowledge', nav: { label: 'Knowledge' }, load: () => import('../features/knowledge/components/knowledge-page.tsx') },
  { path: 'settings', nav: { label: 'Settings', ownerOnly: true }, load: () => import('../features/settings/components/settings-page.tsx') },
];
