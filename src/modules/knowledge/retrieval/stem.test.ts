import { describe, expect, it } from 'vitest';
import { stem } from './stem.ts';

describe('stem', () => {
  it('maps a word and its inflections to one key', () => {
    const same = (...words: string[]) => expect(new Set(words.map(stem)).size).toBe(1);
    same('clog', 'clogs', 'clogged', 'clogging');
    same('leak', 'leaks', 'leaking', 'leaked');
    same('pipe', 'pipes');
    same('freeze', 'freezing');
    same('install', 'installs', 'installing', 'installed');
    same('battery', 'batteries');
    same('switch', 'switches');
  });

  it('reads a past form no suffix rule reaches, and an adjective made of a noun, as the word itself', () => {
    const same = (...words: string[]) => expect(new Set(words.map(stem)).size).toBe(1);
    same('break', 'broke', 'broken', 'breaking');
    same('blow', 'blew', 'blown');
    same('leak', 'leaky');
    same('noise', 'noisy');
    same('draft', 'drafty');
    same('smell', 'smelly');
    same('spot', 'spotty');
  });

  it('leaves short words, numbers and -ss/-us/-is endings alone', () => {
    expect(stem('gas')).toBe('gas');
    expect(stem('ac')).toBe('ac');
    expect(stem('2024')).toBe('2024');
    expect(stem('glass')).toBe('glass');
    expect(stem('status')).toBe('status');
  });

  it('keeps distinct words distinct', () => {
    expect(stem('heater')).not.toBe(stem('heat'));
    expect(stem('sewer')).not.toBe(stem('sewage'));
  });
});
