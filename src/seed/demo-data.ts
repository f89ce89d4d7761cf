/** Demo tenants: realistic enough that a new user sees a working platform at once. */
export const DEMO_COMPANIES = [
  {
    slug: 'rapid-rooter-plumbing',
    name: 'Rapid Rooter Plumbing',
    timeZone: 'America/Chicago',
    trades: ['plumbing'],
    owner: { email: 'owner@rapidrooter.example', name: 'Maria Lopez' },
    phoneNumbers: [
      { number: '+1 312 555 0142', label: 'Main line' },
      { number: '+1 312 555 0199', label: 'Emergency line' },
    ],
    contacts: [
      { name: 'James Carter', phones: ['(312) 555-0107'], email: 'jcarter@example.com', address: '1450 N Dearborn St', zip: '60610', tags: ['repeat'], notes: 'Water heater replaced 2025.' },
      { name: 'Aisha Patel', phones: ['312-555-0123'], address: '233 S Wacker Dr', zip: '60606', tags: ['commercial'], notes: '' },
      { name: 'Tom Nguyen', phones: ['+13125550168', '+17735550110'], zip: '60614', tags: [], notes: 'Prefers texts.' },
    ],
  },
  {
    slug: 'polar-air-hvac',
    name: 'Polar Air Heating & Cooling',
    timeZone: 'America/Denver',
    trades: ['hvac'],
    owner: { email: 'owner@polarair.example', name: 'Derek Olsen' },
    phoneNumbers: [{ number: '+1 303 555 0175', label: 'Main line' }],
    contacts: [
      { name: 'Linda Brooks', phones: ['303-555-0131'], email: 'linda.brooks@example.com', address: '1600 Glenarm Pl', zip: '80202', tags: ['maintenance-plan'], notes: 'Furnace tune-up every October.' },
      { name: 'Carlos Rivera', phones: ['(720) 555-0188'], zip: '80211', tags: [], notes: '' },
    ],
  },
] as const;
