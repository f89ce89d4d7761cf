import type { StoredAudio } from './speech.types.ts';

/**
 * Recently used audio in this process, bounded by total bytes (least recently used goes
 * first). Only a copy of what the database holds: losing it costs a database read, never audio.
 * Keys carry the company, so one company's entry is never another's.
 */
export function createAudioLru(maxBytes: number) {
  const entries = new Map<string, StoredAudio>();
  let bytes = 0;

  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.audio.length;
  };

  return {
    get(key: string): StoredAudio | undefined {
      const e = entries.get(key);
      if (!e) return undefined;
      // Map keeps insertion order: re-inserting marks it most recently used.
      entries.delete(key);
      entries.set(key, e);
      return e;
    },
    has: (key: string): boolean => entries.has(key),
    set(key: string, entry: StoredAudio): void {
      drop(key);
      if (entry.audio.length > maxBytes) return;
      entries.set(key, entry);
      bytes += entry.audio.length;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        drop(oldest);
      }
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
  };
}

export type AudioLru = ReturnType<typeof createAudioLru>;
