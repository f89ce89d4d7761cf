import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startOpenAiStub, toolResultsOf, type OpenAiStub, type OpenAiStubOptions } from '../../../../test/stubs/openai.ts';
import { memoryTools, type MemoryTools } from './in-memory-tools.fixture.ts';

export interface ModelUnderTest {
  /** The scripted OpenAI-compatible server on loopback. */
  readonly stub: OpenAiStub;
  /** Fresh in-memory tools for each test. */
  readonly tools: MemoryTools;
  /** The tool results the app sent in request `index` (newest last). */
  toolResults(index: number): Array<Record<string, unknown>>;
}

/**
 * The scripted model for the tests of the file or block this is called in: started before them,
 * closed after, its requests forgotten between tests (each test must use up its script).
 */
export function useModelStub(options: OpenAiStubOptions = {}): ModelUnderTest {
  let stub: OpenAiStub | undefined;
  let tools: MemoryTools | undefined;
  beforeAll(async () => {
    stub = await startOpenAiStub(options);
  });
  afterAll(() => stub?.close());
  beforeEach(() => {
    stub!.requests.length = 0;
    expect(stub!.pending()).toBe(0);
    tools = memoryTools();
  });
  return {
    get stub() {
      return stub!;
    },
    get tools() {
      return tools!;
    },
    toolResults: (index) => toolResultsOf(stub!.requests[index]!.body),
  };
}
