import { describe, expect, it } from 'vitest';
import { hear } from './heard.ts';
import { askedKindOfWork, describesTrouble, detectIntent, isAbandon, isGoodbye, isQuestion, isThanksOnly, questionBeside } from './intent.ts';
import { readYesNo } from './yes-no.ts';

const intent = (text: string) => detectIntent(hear(text));

describe('reading what the caller wants', () => {
  it.each([
    ["I'd like to book an appointment", 'book'],
    ['um can someone come out and look at my water heater tomorrow', 'book'],
    ['I need a plumber to fix my kitchen sink', 'book'],
    ['Can you send somebody over this afternoon?', 'book'],
    ['do you have anything available on friday', 'book'],
    ['How much does drain cleaning cost?', 'question'],
    ['what are your hours', 'question'],
    ['do you guys offer financing', 'question'],
    ['Are you licensed and insured?', 'question'],
    ['is there a warranty on the work', 'question'],
    ['Can I talk to a real person please', 'person'],
    ['let me speak with the owner', 'person'],
    ['representative', 'person'],
    ['I just want to leave a message', 'message'],
    ['can you have someone call me back', 'message'],
    ['I need to cancel my appointment for Thursday', 'cancel'],
    ['uh I need to reschedule', 'reschedule'],
    ['can I move my appointment to next week', 'reschedule'],
    ["no that's all, bye", 'goodbye'],
    ['can you repeat that', 'repeat'],
    ['banana', 'unknown'],
    ['', 'unknown'],
  ])('"%s" → %s', (text, expected) => {
    expect(intent(text)).toBe(expected);
  });

  it('reads a question behind the lead-in callers say first', () => {
    for (const said of ['um yeah hi how often should i change my furnace filter', 'ok so do you charge for estimates', 'hi there quick question what are your hours']) {
      expect(detectIntent(hear(said)), said).toBe('question');
    }
    expect(detectIntent(hear('yeah hi my furnace is making a banging noise can you send someone'))).toBe('book');
  });

  it('answers a question asked after the caller’s story, or about a policy, instead of booking or cancelling', () => {
    for (const said of [
      'hi so somebody is coming out tomorrow for my door is there anything i should do before like move the car out',
      'if you guys replace my springs how long is that covered like if one breaks again a few months later',
      'can you guys fix garage door openers',
      'hi yeah i need to cancel my appointment for friday is there a charge for that',
      'i need to move my appointment next week to a different day is there a fee if i change it',
    ]) expect(detectIntent(hear(said)), said).toBe('question');
    for (const said of ['could someone come out this afternoon', 'can you send somebody tomorrow to look at my drain', 'do you have anything open on friday']) {
      expect(detectIntent(hear(said)), said).toBe('book');
    }
    expect(describesTrouble(hear('can you fix my opener it stopped working'))).toBe(true);
    expect(describesTrouble(hear('do you work on commercial roll up doors'))).toBe(false);
  });

  it('takes a message for a person, and hears a declined transfer (class 7)', () => {
    expect(intent('can you let Sam know the part came in')).toBe('message');
    expect(intent('please tell Nora to call me about the quote')).toBe('message');
    expect(intent('let me know when you can come')).not.toBe('message');
    expect(intent('then could you let her know the gate code changed')).toBe('message');
    expect(intent("don't put me through to anyone, I just have a question")).not.toBe('person');
    expect(intent('put me through to someone please')).toBe('person');
  });

  it('hears a visit asked for as "can I get someone out", and a callback asked for any way (classes 5, 7)', () => {
    for (const said of ['could we get a tech over on monday, the breaker keeps tripping', 'can i have somebody out thursday for the gutter drain']) {
      expect(detectIntent(hear(said)), said).toBe('book');
    }
    for (const said of ['its not urgent, i just want somebody to call me tomorrow about the boiler', 'could someone give me a call about a quote', 'please have the owner get back to me']) {
      expect(detectIntent(hear(said)), said).toBe('message');
    }
  });

  it('hears a move of the visit just booked as a reschedule (class 6)', () => {
    for (const said of ['oh shoot can you push that to monday instead', 'actually could we move it to the afternoon', 'change that to next tuesday please']) {
      expect(detectIntent(hear(said)), said).toBe('reschedule');
    }
  });

  it('knows a goodbye, a question and a change of mind said mid-call', () => {
    expect(isGoodbye(hear("That's all, thanks. Bye!"))).toBe(true);
    expect(isGoodbye(hear('John Goodbye Smith wants to book a visit'))).toBe(false);
    expect(isQuestion(hear('Do you take credit cards?'))).toBe(true);
    expect(isQuestion(hear('1450 north dearborn'))).toBe(false);
    expect(isQuestion(hear("it's Omar Haddad, and do you guys take checks"))).toBe(true);
    expect(isQuestion(hear('sure, and does the tech need me to move the car'))).toBe(true);
    expect(isQuestion(hear('can you come thursday instead'))).toBe(false);
    expect(isAbandon(hear('never mind, forget it'))).toBe(true);
    expect(isThanksOnly(hear('ok thanks bye'))).toBe(true);
    expect(isThanksOnly(hear('no thank you'))).toBe(true);
    expect(isThanksOnly(hear('thanks, and can you also check the heater'))).toBe(false);
  });
});

describe('questions about the people and the kinds of work (class 5)', () => {
  it('hears "do any of your…", "does your…" and "is your…" as questions wherever they come', () => {
    for (const said of [
      'my dad is visiting next month and he only speaks polish, do any of your techs speak polish',
      'does your crew wear masks inside',
      'the last company left a mess, is your team careful with floors',
      'we have two dogs, does anyone there mind pets',
    ]) expect(detectIntent(hear(said)), said).toBe('question');
  });

  it('finds the kind of work a caller asks whether the company does, and not a job of their own', () => {
    expect(askedKindOfWork(hear('do you guys work on pool pumps, ours is humming'))).toBe('pool pumps');
    expect(askedKindOfWork(hear('the sink backs up at our bakery, can you handle bakeries'))).toBe('bakeries');
    expect(askedKindOfWork(hear('can you fix a leaking faucet'))).toBe('a leaking faucet');
    expect(askedKindOfWork(hear('can you fix my faucet it leaks'))).toBeNull();
    expect(askedKindOfWork(hear('can you fix that today'))).toBeNull();
    expect(askedKindOfWork(hear('what are your hours'))).toBeNull();
  });
});

describe('a question said in the same breath as a request for a visit', () => {
  it('is found in its own sentence, or up to where the request starts', () => {
    expect(questionBeside('Are your plumbers licensed? Our tub drain is slow, can someone come Friday.')?.text).toBe(' are your plumbers licensed ');
    expect(questionBeside('do you folks charge extra on saturdays our basement drain is backing up')?.text).toBe(' do you folks charge extra on saturdays ');
  });

  it('is nothing when the words only ask for the visit', () => {
    expect(questionBeside('can someone come out tomorrow, my sink is clogged')).toBeNull();
    expect(questionBeside('my water heater is leaking and I need someone today')).toBeNull();
  });
});

describe('reading yes and no', () => {
  it.each([
    ['yes', 'yes'], ['Yeah, that works.', 'yes'], ['yep', 'yes'], ['sure, go ahead', 'yes'], ["that's right", 'yes'], ['uh huh', 'yes'],
    ['no', 'no'], ['Nope.', 'no'], ["that's not right", 'no'], ['not really', 'no'], ['no, wait, yes', 'no'], ['nah', 'no'],
    ['purple', null], ['', null],
  ])('"%s" → %s', (text, expected) => {
    expect(readYesNo(hear(text))).toBe(expected);
  });
});
