import { describe, expect, it } from 'vitest';
import { createAudioLru } from './audio-lru.ts';

const clip = (bytes: number) => ({ contentType: 'audio/mpeg', audio: Buffer.alloc(bytes) });

describe('audio LRU', () => {
  it('keeps total bytes within the bound, dropping the least recently used first', () => {
    const lru = createAudioLru(100);
    lru.set('a', clip(40));
    lru.set('b', clip(40));
    expect(lru.get('a')).toBeDefined(); // a is now more recent than b
    lru.set('c', clip(40));
    expect(lru.has('b')).toBe(false);
    expect(lru.has('a')).toBe(true);
    expect(lru.has('c')).toBe(true);
    expect(lru.bytes).toBe(80);
  });

  it('replaces an entry without counting it twice', () => {
    const lru = createAudioLru(100);
    lru.set('a', clip(60));
    lru.set('a', clip(30));
    expect(lru.bytes).toBe(30);
    expect(lru.size).toBe(1);
  });

  it('never keeps a clip larger than the bound, and keeps nothing with a bound of zero', () => {
    const lru = createAudioLru(100);
    lru.set('big', clip(101));
    expect(lru.size).toBe(0);
    const none = createAudioLru(0);
    none.set('a', clip(1));
    expect(none.size).toBe(0);
  });
});
