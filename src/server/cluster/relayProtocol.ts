/**
 * What station processes send each other over Redis (issue 19): a request for the process that
 * holds a lesson, and its answer. Every message is parsed here, as a phone's are: a malformed one
 * (another program on the same Redis, a version mismatch) is dropped and the process goes on.
 *
 * The relayed fields are the phone's or presenter's own input, exactly as they came: the holding
 * process checks them again with the same schemas as if the socket were its own.
 */
import { z } from 'zod';
import { participantIdSchema, sessionIdSchema } from '../../live/protocol.ts';

/** A process's name: letters, digits and a few separators (it becomes part of a channel name). */
export const processIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/);

export const liveConnectionSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('presenter'), sessionId: sessionIdSchema }),
  z.strictObject({ role: z.literal('participant'), sessionId: sessionIdSchema, participantId: participantIdSchema }),
]);

const address = z.string().max(100);

export const relayRequestSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('connect'), auth: z.unknown(), address }),
  z.strictObject({
    method: z.literal('message'),
    connection: liveConnectionSchema,
    event: z.string().max(100),
    payload: z.unknown().optional(),
  }),
  z.strictObject({ method: z.literal('disconnect'), connection: liveConnectionSchema }),
  z.strictObject({ method: z.literal('lookUpCode'), code: z.string().max(100), address }),
  z.strictObject({ method: z.literal('joinUrlOf'), sessionId: sessionIdSchema }),
  z.strictObject({ method: z.literal('lessonResults'), sessionId: sessionIdSchema, body: z.unknown(), address }),
  z.strictObject({ method: z.literal('resultsOf'), sessionId: sessionIdSchema }),
]);
export type RelayRequest = z.infer<typeof relayRequestSchema>;

export const relayEnvelopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('call'), id: z.uuid(), from: processIdSchema, request: relayRequestSchema }),
  z.strictObject({ kind: z.literal('reply'), id: z.uuid(), result: z.unknown() }),
]);
export type RelayEnvelope = z.infer<typeof relayEnvelopeSchema>;

/** Every answer carries `ok`; a refusal its error (checked again where it is used). */
export const relayResultSchema = z.looseObject({ ok: z.boolean() });
