/**
 * Splits what the agent says into sentences, so a streaming call can send the first one the
 * moment it is known and the caller hears it while the rest is on its way. Pure. Each piece
 * keeps its trailing space, so the pieces joined are the text again.
 */
const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|St|Ave|a\.m|p\.m|e\.g|i\.e|vs|No)\.$/i;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!'.!?'.includes(text[i]!)) continue;
    // A sentence ends at . ! or ? followed by white space, unless the dot closes a short
    // abbreviation ("Dr.", "a.m."); "3.5" has no space after its dot.
    let end = i + 1;
    while (end < text.length && '.!?'.includes(text[end]!)) end++;
    if (end < text.length && !/\s/.test(text[end]!)) continue;
    if (end < text.length && ABBREVIATION.test(text.slice(start, end))) continue;
    while (end < text.length && /\s/.test(text[end]!)) end++;
    out.push(text.slice(start, end));
    start = end;
    i = end - 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out.filter((s) => s.trim() !== '');
}
