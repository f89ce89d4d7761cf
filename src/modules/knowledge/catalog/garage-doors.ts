import type { TradeKnowledgeSeed } from './types.ts';

/**
 * Starter knowledge for garage door companies: the emergencies their callers describe (a car
 * trapped inside, a door that will not close or came off its track) and the words for the parts.
 * No generic entries: what a garage door company offers is its own to say.
 */
export const GARAGE_DOORS: TradeKnowledgeSeed = {
  entries: [],
  vocabulary: [
    { key: 'opener', terms: ['opener', 'garage door opener', 'motor', 'remote', 'clicker', 'keypad', 'wall button'] },
    { key: 'spring', terms: ['spring', 'torsion spring', 'extension spring', 'springs'] },
    { key: 'track', terms: ['track', 'tracks', 'rail', 'roller', 'rollers'] },
  ],
  emergencies: [
    {
      key: 'car-trapped',
      name: 'Car trapped in the garage',
      severity: 'urgent',
      triggers: ['car is stuck', 'car stuck', 'car trapped', 'car is trapped', 'cant get my car out', 'can not get my car out', 'cant get the car out', 'can not get the car out', 'trapped in the garage', 'stuck in the garage', 'can not get my truck out', 'can not get the truck out', 'can not get my van out', 'can not get my vehicle out', 'can not get out of the garage', 'truck is stuck', 'truck stuck'],
      safetyInstruction: "Please don't try to force the door or pull the red emergency release cord while a spring or cable is broken: the door is very heavy and can drop. Keep everyone clear of it.",
      defaultAction: 'transfer_on_call',
    },
    {
      key: 'door-wont-close',
      name: "Door stuck open or off its track",
      severity: 'urgent',
      triggers: ['wont close', 'will not close', 'cant close', 'can not close', 'wont shut', 'will not shut', 'can not shut', 'wont go down', 'will not go down', 'wont come down', 'will not come down', 'cant get it closed', 'can not get it closed', 'stuck open', 'stuck wide open', 'off the track', 'off track', 'came off the track', 'door fell', 'fell off', 'hanging crooked', 'cable snapped', 'cable broke', 'door is crooked', 'doors all crooked', 'one side dropped', 'rollers came out', 'came out of the rail', 'off the rail'],
      safetyInstruction: "Please stay clear of the door and keep children and pets away from it. Don't try to force it closed or pull the red release cord while it's off its track: it can fall.",
      defaultAction: 'transfer_on_call',
    },
  ],
};
