/**
 * How callers of any trade business say the same thing in different words. Used with the
 * trade vocabulary of the company's categories; the first term of a group is its name.
 */
export const GENERAL_VOCABULARY: readonly (readonly string[])[] = [
  ['price', 'cost', 'how much', 'charge', 'fee', 'pricing', 'rate', 'run me', 'ballpark', 'quote'],
  ['hours', 'open', 'close', 'business hours', 'opening hours', 'closing time', 'what time'],
  ['service area', 'area', 'areas', 'serve', 'cover', 'travel to'],
  ['emergency', '24 7', '24 hours', '24 hour', 'around the clock', 'after hours', 'middle of the night', 'overnight'],
  ['appointment', 'book', 'schedule', 'booking', 'set up a time'],
  ['warranty', 'guarantee', 'guaranteed', 'warrantee', 'how long is it covered', 'how long is that covered', 'how long are they covered'],
  ['licensed', 'license', 'licence', 'insured', 'insurance', 'bonded', 'certified', 'certification', 'qualified'],
  ['payment', 'pay', 'credit card', 'debit card', 'card', 'cash', 'visa', 'mastercard', 'master card', 'american express', 'amex', 'apple pay',
    'google pay', 'venmo', 'zelle', 'paypal', 'cash app', 'discover', 'personal check', 'personal checks', 'by check', 'a check', 'ach', 'bank transfer'],
  ['accept', 'take'],
  ['financing', 'finance', 'payment plan', 'payment plans', 'monthly payments', 'loan', 'pay over time', 'pay it off', 'pay it over', 'installments', 'spread out the payments', 'spread the cost',
    'over time', 'all at once', 'make payments'],
  // "anything special" is no offer: only specials spoken of as offers are.
  ['discount', 'deal', 'any specials', 'a special', 'specials going on', 'coupon', 'promotion', 'promo', 'off the price', 'off the bill', 'knock off', 'take off', 'percent off', 'dollars off'],
  ['senior', 'elderly', 'retired', 'retiree'],
  ['military', 'veteran', 'army', 'navy', 'first responder'],
  ['free', 'no charge', 'no cost', 'complimentary'],
  ['estimate', 'assessment', 'evaluation', 'consultation'],
  ['soon', 'fast', 'quickly', 'today', 'same day', 'right away', 'asap', 'how long until', 'next day', 'tomorrow'],
  ['technician', 'tech', 'plumber', 'electrician', 'someone', 'somebody', 'serviceman', 'repairman', 'installer', 'your guy', 'the guy', 'the worker'],
  ['fix', 'repair', 'mend'],
  ['install', 'put in', 'installation', 'installed', 'hook up', 'set up'],
  ['replace', 'replacement', 'swap', 'swap out'],
  ['commercial', 'business', 'restaurant', 'office', 'store', 'shop', 'office building'],
  ['landlord', 'property manager', 'property management', 'rental', 'rental property', 'tenant', 'apartment building'],
  ['spanish', 'espanol', 'hablan', 'habla'],
  ['smell', 'odor', 'odour', 'stink', 'stench'],
  ['noise', 'sound', 'noisy', 'loud', 'banging', 'rattling', 'squealing', 'grinding', 'humming', 'buzzing'],
  ['maintenance plan', 'membership', 'service plan', 'club', 'service agreement', 'maintenance agreement', 'protection plan'],
  ['haul away', 'take away', 'cart away', 'clean up', 'cleanup'],
  ['phone', 'over the phone', 'by phone', 'telephone'],
  ['lifespan', 'how many years', 'life expectancy'],
  ['turn off', 'shut off', 'switch off', 'shut down'],
  ['turn on', 'switch on', 'kick on'],
  // Inflections the stemmer keeps apart ("cancelled", "cancellation"; "froze", "frozen").
  // Moving an appointment is asked of the same policy as cancelling it.
  ['cancel', 'cancellation', 'cancelled', 'canceled', 'cancelling', 'canceling', 'call off', 'reschedule', 'rescheduling', 'rescheduled',
    'move my appointment', 'move the appointment', 'change my appointment', 'change the appointment', 'push back my appointment'],
  ['freeze', 'frozen', 'froze', 'freezing', 'frozen up', 'froze up'],
  ['weekend', 'weekends', 'saturday', 'saturdays', 'sunday', 'sundays'],
  ['night', 'nights', 'at night', 'nighttime', 'late at night', 'tonight', 'evening', 'evenings', 'midnight',
    'one in the morning', 'two in the morning', 'three in the morning', 'four in the morning', '1 am', '2 am', '3 am', '4 am'],
  ['during', 'while', 'the whole time', 'the entire time', 'the whole visit'],
  // Weak as "need" is: having to do something says little of what about.
  ['need', 'have to', 'has to', 'got to', 'must'],
  // Questions every trade's callers ask about a visit, said many ways.
  ['be home', 'be there', 'be present', 'be around', 'leave a key', 'leave the key', 'lockbox', 'lock box', 'let them in', 'let him in', 'let the tech in'],
  ['prepare', 'get ready', 'prep', 'clear a path', 'clear the area', 'move furniture', 'before the visit', 'before the appointment', 'before you come'],
  ['mess', 'messy', 'shoe covers', 'shoe cover', 'booties', 'boot covers', 'drop cloth', 'drop cloths', 'clean up after', 'tidy'],
  ['pet', 'pets', 'dog', 'dogs', 'cat', 'cats'],
  ['background check', 'background checks', 'background checked', 'drug tested', 'drug test', 'vetted', 'screened'],
  ['deposit', 'down payment', 'up front', 'upfront', 'in advance', 'pay first', 'pay before'],
  ['broken', 'not working', 'stopped working', 'quit working', 'quit', 'busted', 'died'],
];
