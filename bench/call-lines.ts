import type { CompanyScript } from './call-load.ts';

/**
 * What the benchmark's callers ask the two seeded demo companies: questions their knowledge
 * (src/seed/demo-knowledge-data.ts) answers, none of which starts a booking or sounds like an
 * emergency, so a call keeps going ("anything else?") turn after turn, as a long call does.
 */
export const RAPID_ROOTER = '+13125550142';
export const POLAR_AIR = '+13035550175';

export const CALL_SCRIPTS: CompanyScript[] = [
  {
    to: RAPID_ROOTER,
    lines: [
      'what are your hours', 'do you do water heaters', 'do you install tankless water heaters', 'how much is a service call',
      'what areas do you serve', 'do you offer financing', 'are you licensed and insured', 'do you fix garbage disposals',
      'what payment methods do you accept', 'is there a warranty', 'do you install sump pumps', 'do you give free estimates',
      'do you offer any discounts', 'do you have a maintenance plan', 'do you repipe houses', 'do you speak spanish',
    ],
  },
  {
    to: POLAR_AIR,
    lines: [
      'what are your hours', 'how much is a tune-up', 'do you install heat pumps', 'what areas do you serve',
      'do you offer financing', 'what brands do you install', 'do you clean air ducts', 'do you install ductless mini-splits',
      'do you offer air purifiers', 'do you service swamp coolers', 'do you have a maintenance plan', 'what warranty do you offer',
      'do you work on boilers', 'how much is a service call', 'do you give free estimates', 'are you licensed and insured',
    ],
  },
];
