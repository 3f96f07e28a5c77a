// @vitest-environment jsdom
/**
 * The build's edit of troika-worker-utils (src/build/troikaCpuAtlas.ts, WORKER_UTILS_EDITS): a
 * worker module's first call goes to the worker right behind its registration, instead of after the
 * main thread has heard the registration back. The installed package, patched, runs here against a
 * stand-in Worker that records what it is sent and answers when the test says.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseAst } from 'vite';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { patchWorkerUtilsSource, WORKER_UTILS_EDITS, WORKER_UTILS_MODULE } from '../../src/build/troikaCpuAtlas.ts';

const source = readFileSync(createRequire(import.meta.url).resolve(WORKER_UTILS_MODULE), 'utf8');

interface Message {
  messageId: number;
  action: 'registerModule' | 'callModule';
}

/** Every Worker made, with what it was sent; the last one is troika's (the first only probes support). */
const made: StandInWorker[] = [];
class StandInWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  readonly sent: Message[] = [];
  constructor() {
    made.push(this);
  }
  postMessage(message: Message): void {
    this.sent.push(message);
  }
  terminate(): void {}
  answer(message: Message, result: unknown, success = true): void {
    this.onmessage?.({
      data: success
        ? { messageId: message.messageId, success, result }
        : { messageId: message.messageId, success, error: result },
    });
  }
}

type WorkerUtils = {
  defineWorkerModule(options: { init: () => unknown; name?: string }): (...args: unknown[]) => Promise<unknown>;
};

const EXPORTS = 'export { defineWorkerModule, stringifyFunction, terminateWorker };';

/**
 * A fresh copy of the module (its worker table is module state), patched or as published: its
 * source run as a function body, its one export statement turned into a return (it imports nothing).
 */
function load(patched: boolean): WorkerUtils {
  const body = patched ? patchWorkerUtilsSource(source) : source;
  expect(body).toContain(EXPORTS);
  return new Function(body.replace(EXPORTS, 'return { defineWorkerModule };'))() as WorkerUtils;
}

beforeEach(() => {
  made.length = 0;
  vi.stubGlobal('Worker', StandInWorker);
  URL.createObjectURL = () => 'blob:stand-in';
});

describe("troika's worker calls, patched", () => {
  it('applies its edit once to the installed troika-worker-utils, and the module still parses', () => {
    const patched = patchWorkerUtilsSource(source);
    for (const edit of WORKER_UTILS_EDITS) expect(patched.includes(edit.replace), edit.why).toBe(true);
    expect(() => parseAst(patched)).not.toThrow();
    expect(() => patchWorkerUtilsSource(source.replace('return registrationPromise.then(', 'return registration.then('))).toThrow(
      /first call is sent with its registration/,
    );
  });

  it('sends the first call at once behind the registration, and resolves with what the worker answers', async () => {
    const { defineWorkerModule } = load(true);
    const double = defineWorkerModule({ name: 'double', init: () => (value: number) => value * 2 });
    const result = double(21);
    const worker = made.at(-1) as StandInWorker;
    // Both in the worker's queue before it has answered anything: it handles them in order.
    expect(worker.sent.map((message) => message.action)).toEqual(['registerModule', 'callModule']);
    const [registration, call] = worker.sent as [Message, Message];
    worker.answer(registration, { isCallable: true });
    worker.answer(call, 42);
    await expect(result).resolves.toBe(42);
    // Registered once: a later call is one message.
    const again = double(2);
    expect(worker.sent.map((message) => message.action)).toEqual(['registerModule', 'callModule', 'callModule']);
    worker.answer(worker.sent[2] as Message, 4);
    await expect(again).resolves.toBe(4);
  });

  it('still refuses a module whose init gives nothing to call, and reports a registration the worker failed', async () => {
    const { defineWorkerModule } = load(true);
    const notCallable = defineWorkerModule({ name: 'value', init: () => 7 })();
    const worker = made.at(-1) as StandInWorker;
    const [registration, call] = worker.sent as [Message, Message];
    worker.answer(registration, { isCallable: false });
    worker.answer(call, 'not found', false);
    await expect(notCallable).rejects.toThrow(/did not return a callable function|not found/);

    const broken = defineWorkerModule({ name: 'broken', init: () => () => 0 })();
    const [brokenRegistration, brokenCall] = worker.sent.slice(2) as [Message, Message];
    worker.answer(brokenRegistration, 'init threw', false);
    worker.answer(brokenCall, 'not found', false);
    await expect(broken).rejects.toThrow(/registerModule call: init threw/);
  });

  it('as published, the call waited for the answer to the registration (what the edit removes)', async () => {
    const { defineWorkerModule } = load(false);
    const result = defineWorkerModule({ name: 'double', init: () => (value: number) => value * 2 })(21);
    const worker = made.at(-1) as StandInWorker;
    expect(worker.sent.map((message) => message.action)).toEqual(['registerModule']);
    worker.answer(worker.sent[0] as Message, { isCallable: true });
    await vi.waitFor(() => expect(worker.sent.map((message) => message.action)).toEqual(['registerModule', 'callModule']));
    worker.answer(worker.sent[1] as Message, 42);
    await expect(result).resolves.toBe(42);
  });
});
