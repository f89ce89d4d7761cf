import { describe, expect, it } from 'vitest';
import { readAddress, readName } from './details.ts';
import { harvest } from './harvest.ts';
import { hear } from './heard.ts';
import { readYesNo } from './yes-no.ts';

describe('taking every detail from one utterance', () => {
  it('reads an address with its town and spoken zip, and a zip corrected in passing', () => {
    expect(harvest(hear('1418 east fountain street in mesa eight five two zero three'))).toMatchObject({ address: '1418 East Fountain Street', zip: '85203' });
    expect(harvest(hear("it's 845 south longmore in mesa eight five two zero two no sorry eight five two zero one")).zip).toBe('85201');
    expect(readAddress(hear("it's 845 south longmore in mesa eight five two zero one"))).toEqual({ address: '845 South Longmore', zip: '85201' });
  });

  it('reads a number, an email and a name said among other things', () => {
    expect(harvest(hear('this number five oh three five five five zero two three seven')).phone).toBe('+15035550237');
    expect(harvest(hear('email is hannah dot brooks at gmail dot com')).email).toBe('hannah.brooks@gmail.com');
    expect(harvest(hear('hi my name is carol jablonski and my sink drips')).name).toBe('Carol Jablonski');
    expect(harvest(hear('this is my cell')).name).toBeUndefined();
    expect(harvest(hear('number is five five five zero one nine nine and the address is thirty two willow lane')).address).toBe('Thirty Two Willow Lane');
    expect(harvest(hear('could somebody call me tomorrow about the boiler')).name).toBeUndefined();
    expect(harvest(hear('just call me back whenever')).name).toBeUndefined();
  });

  it('keeps a time limit but not the digits of a zip as a time', () => {
    expect(harvest(hear("i'm in irvington nine seven two one two")).timeText).toBeUndefined();
    expect(harvest(hear('tomorrow but only after ten, zip nine seven two one two')).timeText).toBe('tomorrow but only after ten zip');
  });

  it('reads a name said with a number or more after it (issue 14, class 3)', () => {
    expect(readName(hear('tom reyes and this is my cell'))).toBe('Tom Reyes');
    expect(readName(hear('dana whitfield 312 555 0188'))).toBe('Dana Whitfield');
  });

  it('reads a zip that ends a clause though the next one starts with a number word, and keeps a number said in groups whole (issue 14)', () => {
    const raw = 'hi this is lena from chandler eight five two two four, one of the rollers popped off';
    expect(harvest(hear(raw), raw).zip).toBe('85224');
    const grouped = "it's kim, four eight oh, five five five, zero one nine two";
    expect(harvest(hear(grouped), grouped).phone).toBe('+14805550192');
  });

  it('hears "use this number" as a yes to the number read out', () => {
    for (const said of ['you can use this number', "this number's fine", 'this is my cell']) expect(readYesNo(hear(said)), said).toBe('yes');
  });
});
