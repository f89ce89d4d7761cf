/**
 * The demo companies' own knowledge bases, plus how each adjusts the trade knowledge it
 * inherits. The retrieval evaluation (test/knowledge/) asks questions about exactly this.
 */
export interface DemoEntry {
  question: string;
  answer: string;
  alternatives?: string[];
  tags?: string[];
}

export interface DemoOverride {
  /** Trade category slug and the starter entry's key (src/modules/knowledge/catalog). */
  trade: string;
  key: string;
  answer?: string;
  enabled: boolean;
}

export interface DemoKnowledge {
  entries: DemoEntry[];
  overrides: DemoOverride[];
}

const RAPID_ROOTER: DemoKnowledge = {
  entries: [
    { question: 'What are your hours?', answer: 'Our office is open Monday to Friday from 7 am to 6 pm and Saturday from 8 am to 2 pm. Emergency plumbers are on call 24 hours a day, 7 days a week, holidays included.', alternatives: ['When are you open?'], tags: ['hours'] },
    { question: 'Do you offer 24/7 emergency service?', answer: 'Yes. A plumber is on call around the clock for burst pipes, sewer backups, no water and major leaks. Emergency visits after hours and on holidays carry a 150 dollar surcharge on top of the regular price.', alternatives: ['Do you work nights and weekends?'], tags: ['emergency', 'hours'] },
    { question: 'What areas do you serve?', answer: "We serve the city of Chicago: the Loop, the North Side and the Near West and South Sides. If you're just outside that area, ask us; we can often still help.", alternatives: ['What is your service area?'], tags: ['service area'] },
    { question: 'How much do you charge for a service call?', answer: "Our diagnostic service call is 89 dollars, and we waive it if you go ahead with the repair. You always get an upfront, flat price before any work starts, so there are no hourly surprises.", alternatives: ['Is there a trip charge?'], tags: ['pricing'] },
    { question: 'How much does drain cleaning cost?', answer: 'Drain cleaning runs 149 to 249 dollars, from a sink, tub or shower drain to a main sewer line; hydro jetting is quoted on site. The plumber confirms the exact price before starting.', tags: ['pricing', 'drains'] },
    { question: 'How much does it cost to replace a water heater?', answer: 'A standard 40 or 50-gallon gas water heater, installed with the permit and haul-away of the old one, typically costs 1,600 to 2,400 dollars. Tankless installations usually run 3,500 to 5,500 dollars. We give a firm quote after a quick look at your setup.', tags: ['pricing', 'water heater'] },
    { question: 'Do you install tankless water heaters?', answer: 'Yes. We install and service Navien, Rinnai and Noritz tankless water heaters, including the gas line and venting upgrades they often need.', tags: ['water heater'] },
    { question: 'How soon can you get someone out here?', answer: "For most repairs we can come the same day or the next day. Emergencies go to the front of the line. You get an exact appointment time and a text when the plumber is on the way.", alternatives: ['Can you come today?'], tags: ['scheduling'] },
    { question: 'What payment methods do you accept?', answer: 'We accept Visa, Mastercard, American Express, Discover, Apple Pay, checks and cash. Payment is due when the job is done, and we can take a card over the phone.', tags: ['payment'] },
    { question: 'Do you offer financing?', answer: 'Yes. For larger jobs like water heaters, sewer line repairs and repiping we offer financing with approved credit, including 12 months same as cash. The application takes about five minutes.', alternatives: ['Do you have payment plans?'], tags: ['payment'] },
    { question: 'Are you licensed and insured?', answer: 'Yes. Rapid Rooter is a licensed Illinois plumbing contractor, bonded and fully insured, and every one of our plumbers is licensed and background-checked.', tags: ['company'] },
    { question: 'Do you guarantee your work?', answer: 'Yes. Repairs come with a one-year parts and labor warranty, drain cleanings with a 30-day clog-free guarantee, and new water heaters with the 6-year manufacturer warranty plus our own 2-year labor warranty.', alternatives: ['Is there a warranty?'], tags: ['warranty'] },
    { question: 'Do you give free estimates?', answer: 'Estimates for replacements and bigger projects, such as water heaters, repiping, sewer line replacement and bathroom remodels, are free. For repairs, the 89 dollar diagnostic fee applies and is waived if you go ahead.', tags: ['pricing'] },
    { question: 'Do you repair and replace sewer lines?', answer: 'Yes. We start with a camera inspection to find the problem, then offer a spot repair, trenchless pipe lining or a full replacement. Trenchless methods usually avoid digging up your yard.', tags: ['sewer'] },
    { question: 'Do you do commercial plumbing?', answer: 'Yes. We work for restaurants, offices, apartment buildings and stores, including grease trap service, backflow testing and jetting. Ask about our commercial service agreement.', tags: ['commercial'] },
    { question: 'Do you offer any discounts?', answer: 'Seniors, veterans, active military, teachers and first responders get 10 percent off any repair, and new customers who book online get 50 dollars off.', tags: ['pricing'] },
    { question: 'Do you fix garbage disposals?', answer: 'Yes, we repair and replace garbage disposals. A new InSinkErator disposal, installed, typically costs 350 to 550 dollars.', tags: ['disposal'] },
    { question: 'Do you install sump pumps?', answer: 'Yes, we install and repair sump pumps and battery backup systems. A new sump pump, installed, typically costs 450 to 750 dollars; a battery backup adds about 600 dollars.', tags: ['sump pump', 'basement'] },
    { question: 'Can you fix a leaking faucet or toilet?', answer: 'Yes, faucet and toilet repairs are some of our most common jobs and are usually finished in one visit. Most toilet repairs cost 150 to 300 dollars.', tags: ['faucets', 'toilets'] },
    { question: 'Do you have a maintenance plan?', answer: 'Our Rapid Care plan is 15 dollars a month: a yearly whole-home plumbing inspection, a water heater flush, priority scheduling, no service call fees and 15 percent off repairs.', tags: ['maintenance'] },
    { question: 'Do I need to be home for the appointment?', answer: "An adult 18 or older needs to be home to let the plumber in and approve the work. If you can't be there, a neighbour or property manager can sign off for you if you tell us in advance.", tags: ['scheduling'] },
    { question: 'Do you work with landlords and property managers?', answer: 'Yes, we look after many rental buildings. We can bill the owner or management company directly and arrange access with the tenants.', tags: ['commercial'] },
    { question: 'Will you clean up and take away the old parts?', answer: 'Always. Our plumbers wear shoe covers, lay down drop cloths and take away old parts and fixtures, including your old water heater.', tags: ['company'] },
    { question: 'Can you give me a price over the phone?', answer: 'For common jobs we can give you a price range over the phone. The plumber confirms a firm, upfront price on site before any work starts.', tags: ['pricing'] },
    { question: 'Do you install water softeners and water filters?', answer: 'Yes. We install water softeners and whole-house and under-sink filtration systems, and we test your water for free first. Chicago water is moderately hard, so a softener mainly protects your water heater.', tags: ['water quality'] },
    { question: 'Do you repipe houses?', answer: 'Yes. We repipe homes with PEX or copper, usually in 2 to 4 days, including opening and patching the walls. In-home estimates for repiping are free.', tags: ['pipes'] },
    { question: 'Can you install a toilet or faucet that I bought myself?', answer: 'Yes. Installing a toilet or faucet you supply costs 195 to 275 dollars. We warranty our labor; the manufacturer covers the fixture itself.', tags: ['toilets', 'faucets'] },
    { question: 'Do you thaw frozen pipes?', answer: 'Yes. We thaw frozen pipes safely, without open flames, and repair any that have split. In a deep freeze, call early in the day: demand climbs quickly.', tags: ['winter', 'pipes'] },
    { question: 'Do you have Spanish-speaking plumbers?', answer: 'Yes, several of our plumbers and our office staff speak Spanish. Just let us know when you book.', alternatives: ['Do you speak Spanish?'], tags: ['company'] },
  ],
  overrides: [
    {
      trade: 'plumbing',
      key: 'gas-lines',
      answer: "Yes, our licensed plumbers install and repair gas lines for water heaters, ranges, dryers and grills, and we handle the permit and the pressure test. If you smell gas, don't wait: leave the building and call Peoples Gas from outside.",
      enabled: true,
    },
  ],
};

const POLAR_AIR: DemoKnowledge = {
  entries: [
    { question: 'What are your hours?', answer: 'Our office is open Monday to Friday from 8 am to 5 pm and Saturday from 9 am to 1 pm. Emergency heating and cooling service is available 24 hours a day, 7 days a week.', alternatives: ['When are you open?'], tags: ['hours'] },
    { question: 'Do you offer emergency service?', answer: 'Yes, a technician is on call around the clock for no heat, no cooling during a heat wave, and any gas or carbon monoxide concern. Emergency visits outside business hours add a 125 dollar surcharge.', alternatives: ['Can someone come out tonight?'], tags: ['emergency', 'hours'] },
    { question: 'What areas do you serve?', answer: 'We serve Denver and Lakewood, from downtown and Capitol Hill to Washington Park and the southeast neighborhoods.', alternatives: ['Do you come to my area?'], tags: ['service area'] },
    { question: 'How much is a service call?', answer: 'Our diagnostic visit is 99 dollars, and it is credited toward the repair if you go ahead. The technician gives you a flat price before starting any work.', tags: ['pricing'] },
    { question: 'How much is a tune-up?', answer: 'A furnace or air conditioner tune-up is 89 dollars each; members of our Comfort Club get both included.', tags: ['pricing', 'maintenance'] },
    { question: 'Do you have a maintenance plan?', answer: 'Our Polar Comfort Club is 18 dollars a month: a furnace tune-up in the fall and an AC tune-up in the spring, priority scheduling, no after-hours charges and 15 percent off repairs.', tags: ['maintenance'] },
    { question: 'How much does a new furnace cost?', answer: 'A new high-efficiency gas furnace, installed, typically costs 5,500 to 9,000 dollars depending on size, efficiency and ductwork changes. In-home estimates for new systems are free.', tags: ['pricing', 'replacement'] },
    { question: 'How much does a new air conditioner cost?', answer: 'A new central air conditioner, installed, typically costs 6,500 to 11,000 dollars depending on size and efficiency. We give you a free in-home estimate with a firm price.', tags: ['pricing', 'replacement'] },
    { question: 'Do you install heat pumps, and are there rebates?', answer: 'Yes, we install cold-climate heat pumps from Mitsubishi, Carrier and Bosch. Xcel Energy rebates and federal tax credits can take thousands off the price, and we file the rebate paperwork for you.', tags: ['heat pump', 'rebates'] },
    { question: 'What brands do you install?', answer: 'We install Carrier, Lennox, Trane and Bosch, and Mitsubishi for ductless systems. We repair all major brands.', tags: ['company'] },
    { question: 'Do you offer financing?', answer: 'Yes. New systems can be financed with approved credit, including 0 percent for 18 months on qualifying equipment. Applying takes a few minutes.', alternatives: ['Do you have payment plans?'], tags: ['payment'] },
    { question: 'Do you give free estimates?', answer: 'Estimates for new furnaces, air conditioners, heat pumps and ductless systems are free. Repairs start with the 99 dollar diagnostic visit, credited toward the repair.', tags: ['pricing'] },
    { question: 'Are you licensed and insured?', answer: 'Yes. Polar Air is a licensed mechanical contractor in Denver, fully insured, and our technicians are NATE-certified.', tags: ['company'] },
    { question: 'What warranty do you offer?', answer: 'New equipment carries a 10-year parts warranty when registered, plus our 2-year labor warranty on installations. Repairs are guaranteed for one year.', alternatives: ['Do you guarantee your work?'], tags: ['warranty'] },
    { question: 'What payment methods do you accept?', answer: 'We accept Visa, Mastercard, American Express, Discover, checks and cash. Payment is due when the work is complete.', tags: ['payment'] },
    { question: 'How soon can a technician come out?', answer: "Usually the same day or the next day for repairs, and sooner for no heat or no cooling. We give you a four-hour arrival window, morning or afternoon, and text you when the technician is on the way.", alternatives: ['Can you come today?'], tags: ['scheduling'] },
    { question: 'Do you clean air ducts?', answer: "We don't offer duct cleaning. We do seal and repair leaky ducts, which usually does more for comfort and energy bills, and we can recommend a duct cleaning company.", tags: ['ducts'] },
    { question: 'Do you install ductless mini-splits?', answer: 'Yes. A single-zone ductless mini-split, installed, typically costs 4,000 to 7,000 dollars, and multi-zone systems are quoted after a free in-home visit.', tags: ['ductless'] },
    { question: 'Do you service swamp coolers?', answer: 'Yes, we start up and winterize evaporative (swamp) coolers. Spring start-up is 139 dollars and fall winterization is 109 dollars.', tags: ['cooling'] },
    { question: 'Can you install a smart thermostat?', answer: 'Yes, we install Ecobee, Nest and Honeywell smart thermostats: 95 dollars to install one you bought, or 249 dollars with an Ecobee included.', tags: ['thermostat'] },
    { question: 'Do you install whole-house humidifiers?', answer: "Yes. Denver's air is very dry in winter; a whole-house humidifier, installed on your furnace, typically costs 900 to 1,400 dollars.", tags: ['humidity', 'air quality'] },
    { question: 'Do you work on boilers and radiant heat?', answer: 'Yes, we repair and replace gas boilers and hot-water radiant heating systems.', tags: ['heating', 'boiler'] },
    { question: 'Do you do commercial HVAC?', answer: 'We focus on homes, and we also service light commercial buildings such as small offices and shops with rooftop units up to 10 tons.', tags: ['commercial'] },
    { question: 'Do you offer any discounts?', answer: 'Seniors and military families get 10 percent off repairs, and we run seasonal specials on tune-ups in spring and fall.', tags: ['pricing'] },
    { question: 'Do you offer air purifiers or indoor air quality products?', answer: 'Yes: high-efficiency media filters, UV lights and whole-home air purifiers that work with your furnace. We can test your indoor air on a maintenance visit.', tags: ['air quality'] },
    { question: 'Do I need to be home for the appointment?', answer: 'An adult needs to be home to let the technician in, and someone has to be able to reach the furnace and thermostat. Let us know about pets or gate codes when you book.', tags: ['scheduling'] },
  ],
  overrides: [
    { trade: 'hvac', key: 'duct-cleaning', enabled: false },
  ],
};

/** By demo company slug (src/seed/demo-data.ts). */
export const DEMO_KNOWLEDGE: Readonly<Record<string, DemoKnowledge>> = {
  'rapid-rooter-plumbing': RAPID_ROOTER,
  'polar-air-hvac': POLAR_AIR,
};
