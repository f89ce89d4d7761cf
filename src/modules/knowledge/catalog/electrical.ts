import type { TradeKnowledgeSeed } from './types.ts';

/** Starter knowledge for electrical contractors. */
export const ELECTRICAL: TradeKnowledgeSeed = {
  entries: [
    {
      key: 'breaker-tripped',
      question: 'What should I do when a breaker trips?',
      answer: "Unplug or switch off what was running on that circuit, then at the panel push the tripped breaker firmly to OFF and back to ON. If it trips again right away, or keeps tripping, leave it off: there's an overload, a short or a ground fault that an electrician should find. Never tape a breaker on or swap it for a bigger one.",
      alternatives: ['My breaker keeps tripping', 'The power went out in one room'],
      tags: ['breakers', 'panel'],
    },
    {
      key: 'dead-outlet',
      question: 'Why did my outlet stop working?',
      answer: "Look for a GFCI outlet with TEST and RESET buttons, often in a bathroom, kitchen, garage or outside, that may protect the dead outlet, and press RESET. Then check the panel for a tripped breaker. If the outlet is warm, discolored, smells of burning or still has no power, stop using it and have it checked.",
      alternatives: ['An outlet has no power'],
      tags: ['outlets'],
    },
    {
      key: 'flickering-lights',
      question: 'Why do my lights flicker?',
      answer: "A single flickering light is usually a loose bulb or a bad switch or fixture. Flickering in several rooms, or lights that dim when a big appliance starts, can mean a loose connection in the panel or at the service, or an overloaded circuit: a fire risk an electrician should check soon. If your neighbours' lights flicker too, call the utility.",
      alternatives: ['My lights dim when the AC turns on'],
      tags: ['lighting'],
    },
    {
      key: 'panel-upgrade',
      question: 'Do I need an electrical panel upgrade?',
      answer: 'Consider an upgrade if your home has 60 or 100-amp service and you are adding an EV charger, heat pump, hot tub or a kitchen remodel; if breakers trip often; if you still have fuses; or if you have a recalled panel such as Federal Pacific (Stab-Lok) or Zinsco. Most homes today are upgraded to 200-amp service.',
      alternatives: ['Is my fuse box safe?'],
      tags: ['panel'],
    },
    {
      key: 'ev-charger',
      question: 'What do I need to install an electric car charger at home?',
      answer: "A Level 2 charger needs a dedicated 240-volt circuit, usually 40 to 60 amps, and enough spare capacity in your panel. An electrician checks your panel's load, runs the circuit to the garage or driveway and pulls the permit. Many utilities offer rebates for home chargers.",
      tags: ['ev charger'],
    },
    {
      key: 'surge-protection',
      question: 'What is whole-house surge protection?',
      answer: 'A whole-house surge protector is installed at your electrical panel and protects every circuit, including appliances, heating and cooling equipment and electronics, from voltage spikes caused by lightning or the utility. Plug-in surge strips still help sensitive electronics as a second layer.',
      tags: ['panel', 'surge'],
    },
    {
      key: 'backup-generator',
      question: 'Can I get a backup generator for power outages?',
      answer: "A standby generator runs on natural gas or propane and starts on its own within seconds of an outage, through an automatic transfer switch. A portable generator must be connected through a properly installed transfer switch or interlock, never by plugging it into an outlet, which can electrocute utility workers and start fires, and it must always run outdoors away from windows.",
      tags: ['generator'],
    },
    {
      key: 'power-outage',
      question: 'What should I do if my power goes out?',
      answer: "First check whether your neighbours have power. If they don't, it's a utility outage: report it to your electric company. If only your home is out, check the main breaker and the panel for tripped breakers. If the main breaker won't reset, or the meter or the wires to your house look damaged, call an electrician, and stay away from any fallen lines.",
      alternatives: ['I have no power in my house'],
      tags: ['outage'],
    },
    {
      key: 'hot-outlet',
      question: 'Why is my outlet or light switch warm?',
      answer: "A dimmer switch that's slightly warm is normal. An outlet, plug or switch that is hot, discolored, buzzing or smells of burning is not: stop using it, switch off its breaker and have an electrician look at it, because it is a fire risk.",
      tags: ['outlets', 'safety'],
    },
    {
      key: 'old-wiring',
      question: 'Is old wiring like aluminum or knob and tube safe?',
      answer: 'Homes from the 1960s and 70s may have aluminum branch wiring, which can overheat at connections; approved connectors such as COPALUM or AlumiConn make it safe. Knob-and-tube wiring, from before about 1950, has no ground and brittle insulation, and most insurers want it replaced. An electrical inspection tells you what you have.',
      tags: ['wiring', 'safety'],
    },
    {
      key: 'gfci-locations',
      question: 'Where do I need GFCI outlets?',
      answer: 'The electrical code requires GFCI protection in bathrooms, kitchens, laundry rooms, garages, basements, outdoors and near any sink, because a GFCI cuts the power in a fraction of a second if current leaks through water or a person. Test them monthly with the TEST button.',
      tags: ['outlets', 'safety'],
    },
    {
      key: 'add-outlets',
      question: 'Can I have more outlets or a new circuit added?',
      answer: 'Yes: new outlets, dedicated circuits for appliances, and outdoor or USB outlets are common jobs. Adding outlets is safer than relying on power strips and extension cords, which are a common cause of overheating.',
      tags: ['outlets', 'circuits'],
    },
    {
      key: 'lighting-install',
      question: 'Can you install ceiling fans and light fixtures?',
      answer: 'Yes: ceiling fans, recessed lights, chandeliers, under-cabinet and outdoor lighting. A ceiling fan needs a fan-rated box, and recessed lights in an insulated ceiling must be IC-rated. Switching to LED cuts lighting energy use by about 75 percent.',
      tags: ['lighting'],
    },
    {
      key: 'electrical-permits',
      question: 'Do I need a permit for electrical work?',
      answer: 'Most electrical work beyond swapping a fixture, switch or outlet like for like needs a permit and an inspection: new circuits, panel changes, EV chargers, generators and remodels. A licensed electrician pulls the permit; it protects your insurance and the value of your home.',
      tags: ['permits'],
    },
    {
      key: 'buzzing-panel',
      question: 'Why is my electrical panel buzzing?',
      answer: "A faint hum can be normal, but loud buzzing or crackling from the panel or a breaker usually means a loose connection or a failing breaker that can overheat. Don't open the panel cover. If there is a burning smell, heat or scorch marks, switch off the main breaker if you can reach it safely and call an electrician right away.",
      tags: ['panel', 'safety'],
    },
    {
      key: 'smoke-alarms',
      question: 'How often should smoke detectors be replaced?',
      answer: 'Test smoke alarms every month, replace the batteries every year, and replace the whole alarm every 10 years; the date is printed on the back. Hard-wired, interconnected alarms make every alarm sound when one detects smoke, and they are required in new construction and many remodels.',
      tags: ['safety'],
    },
    {
      key: 'mild-shock',
      question: 'I got a small shock from an outlet or appliance. Is that dangerous?',
      answer: 'Yes. Any shock means current is going where it should not: stop using that outlet or appliance, switch off its breaker and have it inspected. A tingle from a faucet, tub or appliance can mean a grounding fault. If anyone is hurt, call 911.',
      tags: ['safety'],
    },
  ],
  vocabulary: [
    { key: 'panel', terms: ['electrical panel', 'panel', 'breaker box', 'breaker panel', 'fuse box', 'service panel', 'electric panel', 'load center'] },
    { key: 'breaker', terms: ['breaker', 'circuit breaker', 'fuse'] },
    { key: 'tripped', terms: ['tripped', 'trip', 'tripping', 'blown', 'blew', 'popped'] },
    { key: 'outlet', terms: ['outlet', 'plug', 'socket', 'receptacle', 'wall plug', 'power point'] },
    { key: 'gfci', terms: ['gfci', 'gfi', 'g f c i', 'ground fault', 'gfci outlet'] },
    { key: 'switch', terms: ['light switch', 'switch', 'wall switch', 'dimmer'] },
    { key: 'flicker', terms: ['flicker', 'flickering', 'blinking', 'dimming', 'flashing'] },
    { key: 'ev-charger', terms: ['ev charger', 'electric car charger', 'car charger', 'tesla charger', 'charging station', 'level 2 charger', 'electric vehicle charger', 'ev charging'] },
    { key: 'generator', terms: ['generator', 'backup generator', 'standby generator', 'generac', 'backup power'] },
    { key: 'surge', terms: ['surge protector', 'surge protection', 'whole house surge', 'surge'] },
    { key: 'power-outage', terms: ['power outage', 'power out', 'no power', 'lost power', 'power went out', 'blackout', 'outage', 'electricity out', 'no electricity'] },
    { key: 'wiring', terms: ['wiring', 'wires', 'electrical wiring'] },
    { key: 'knob-and-tube', terms: ['knob and tube', 'knob tube', 'old wiring'] },
    { key: 'recessed', terms: ['recessed lights', 'can lights', 'pot lights', 'recessed lighting'] },
    { key: 'smoke-detector', terms: ['smoke detector', 'smoke alarm', 'fire alarm'] },
    { key: 'electrician', terms: ['electrician', 'electric guy', 'electrical contractor'] },
  ],
  emergencies: [
    {
      key: 'sparks-burning',
      name: 'Sparks, smoke or burning smell from an outlet or panel',
      severity: 'life_safety',
      triggers: ['sparking', 'sparks', 'spark', 'burning smell', 'smells like burning', 'smell burning', 'smoke coming out', 'outlet smoking', 'panel smoking', 'melted outlet', 'scorch marks', 'burning plastic', 'electrical fire', 'outlet is hot', 'panel is hot', 'on fire', 'melting plastic', 'melting smell', 'smells like melting', 'outlet is warm', 'plate gone brown', 'outlet turned brown', 'hot to the touch'],
      safetyInstruction:
        "If you see flames or smoke, get everyone out of the house and call 911 from outside. If there's no fire, don't touch the outlet, plug or panel. If you can reach the electrical panel safely, without standing in water, switch off the breaker for that circuit or the main breaker. "
        + "Never use water on an electrical fire. Keep everyone away from it until an electrician has made it safe.",
      defaultAction: 'transfer_on_call',
    },
    {
      key: 'downed-line',
      name: 'Fallen or damaged power line',
      severity: 'life_safety',
      triggers: ['power line down', 'line is down', 'downed line', 'downed power line', 'wire down', 'wire fell', 'line fell', 'fallen power line', 'fallen wire', 'tree on the power line', 'tree on the line',
        'branch on the line', 'limb on the line', 'wire pulled off', 'wires pulled off', 'pulled the wire off', 'pulled the wires off', 'ripped the wire off',
        'wires hanging off the house', 'hanging off the house'],
      safetyInstruction:
        "Stay at least 35 feet away from the line and anything it touches, like fences, puddles or cars, and keep everyone else away. Assume it is live. Call 911 and your electric utility right away; "
        + 'the utility handles the lines up to your house. Once they have made it safe, an electrician can repair the mast, meter or wiring on your side.',
      defaultAction: 'take_message',
    },
    {
      key: 'electric-shock',
      name: 'Someone got an electric shock',
      severity: 'life_safety',
      triggers: ['got shocked', 'electric shock', 'electrocuted', 'shocked me', 'got a shock', 'shocked him', 'shocked her'],
      safetyInstruction:
        "If the person is still touching the source, don't touch them: switch off the power at the breaker or unplug it first, or push them away with something dry that doesn't conduct, like a wooden broom handle. "
        + 'Call 911 if they were burned, passed out, are confused or have trouble breathing. Stop using that outlet or appliance until an electrician has checked it.',
      defaultAction: 'transfer_on_call',
    },
    {
      key: 'water-electrical',
      name: 'Water in or near the electrical panel or outlets',
      severity: 'life_safety',
      triggers: ['water in the panel', 'water in the breaker box', 'water on the panel', 'water in the outlet', 'outlets under water', 'panel is wet', 'water leaking into the panel'],
      safetyInstruction:
        "Stay out of any water that could reach outlets, cords or the panel, and don't touch the panel if it's wet or you're standing in water. If you can't switch the power off safely, call your electric utility to cut it at the meter, and leave the area.",
      defaultAction: 'transfer_on_call',
    },
  ],
};
