import type { EmergencySeed } from './types.ts';

/** Emergencies shared by every trade that works on gas appliances (plumbing, HVAC). */

export const GAS_SMELL: EmergencySeed = {
  key: 'gas-smell',
  name: 'Gas smell or suspected gas leak',
  severity: 'life_safety',
  triggers: ['smell gas', 'gas smell', 'gas leak', 'leaking gas', 'smells like gas', 'rotten egg', 'rotten eggs', 'gas odor', 'hissing gas', 'hear gas'],
  safetyInstruction:
    "Please leave the building right now and take everyone with you. Don't turn any lights, switches or appliances on or off, don't light anything, and don't use your phone until you're outside. "
    + "Once you're well away from the building, call your gas company's emergency line or 911. Don't go back inside until they tell you it's safe.",
  defaultAction: 'transfer_on_call',
};

// Triggers describe the alarm sounding, not the device: "do I need a CO detector?" is a question.
export const CARBON_MONOXIDE: EmergencySeed = {
  key: 'carbon-monoxide-alarm',
  name: 'Carbon monoxide alarm',
  severity: 'life_safety',
  triggers: [
    'co alarm going off', 'co detector going off', 'co alarm beeping', 'co alarm went off',
    'carbon monoxide alarm going off', 'carbon monoxide alarm went off', 'carbon monoxide alarm is beeping', 'carbon monoxide alarm sounding',
    'carbon monoxide detector going off', 'carbon monoxide leak', 'carbon monoxide poisoning', 'carbon monoxide in the house', 'alarm says carbon monoxide',
  ],
  safetyInstruction:
    "Get everyone, pets too, out of the house into fresh air right now, and leave the door open behind you. Once you're outside, call 911 or the fire department, and don't go back in until they say it's safe. "
    + "If anyone has a headache, dizziness, nausea or feels very sleepy, tell the 911 operator. Don't run the furnace or other gas appliances again until a technician has checked them.",
  defaultAction: 'transfer_on_call',
};
