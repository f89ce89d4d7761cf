/** The platform's global trade categories, seeded at start (idempotent). */
export const TRADE_CATEGORIES = [
  { slug: 'plumbing', name: 'Plumbing', description: 'Leaks, drains, water heaters, fixtures and pipes.' },
  { slug: 'hvac', name: 'HVAC', description: 'Heating, ventilation and air conditioning.' },
  { slug: 'electrical', name: 'Electrical', description: 'Wiring, panels, outlets, lighting and EV chargers.' },
  { slug: 'roofing', name: 'Roofing', description: 'Roof repair, replacement, leaks and gutters.' },
  { slug: 'appliance-repair', name: 'Appliance Repair', description: 'Washers, dryers, refrigerators, ovens and dishwashers.' },
  { slug: 'garage-doors', name: 'Garage Doors', description: 'Springs, openers, panels and tracks.' },
  { slug: 'locksmith', name: 'Locksmith', description: 'Lockouts, rekeying, lock installation and safes.' },
  { slug: 'pest-control', name: 'Pest Control', description: 'Insects, rodents, termites and wildlife.' },
  { slug: 'landscaping', name: 'Landscaping', description: 'Lawn care, planting, irrigation and hardscape.' },
  { slug: 'cleaning', name: 'Cleaning', description: 'Home and office cleaning, deep cleans and move-outs.' },
] as const;
