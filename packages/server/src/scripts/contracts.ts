import { SCRIPT_STEP_KINDS } from '@linia/engine';
import { z } from 'zod';

const stepId = z.string().trim().min(1).max(64);
const text = z.string().max(5000);
const articleIds = z.array(z.uuid()).max(10).optional();

const answer = z.strictObject({ id: stepId, label: z.string().max(500), next: stepId });

export const scriptStep = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('say'), id: stepId, text, next: stepId, articleIds }),
  z.strictObject({ kind: z.literal('question'), id: stepId, text, answers: z.array(answer).max(20), articleIds }),
  z.strictObject({ kind: z.literal('field'), id: stepId, text, fieldKey: z.string().min(1).max(64), next: stepId, articleIds }),
  z.strictObject({ kind: z.literal('end'), id: stepId, text, outcome: z.string().max(100), articleIds }),
]);

export const scriptDefinition = z.strictObject({ start: stepId, steps: z.array(scriptStep).max(300) });

export const scriptCreate = z.strictObject({
  hotlineId: z.uuid(),
  topicId: z.string().min(1).max(64).nullish(),
  name: z.string().trim().min(1).max(200),
  active: z.boolean().default(true),
  definition: scriptDefinition,
});

export const scriptPatch = z.strictObject({
  topicId: z.string().min(1).max(64).nullish(),
  name: z.string().trim().min(1).max(200).optional(),
  active: z.boolean().optional(),
  definition: scriptDefinition.optional(),
});

export const scriptOut = z.object({
  id: z.uuid(),
  hotlineId: z.uuid(),
  topicId: z.string().nullable(),
  name: z.string(),
  active: z.boolean(),
  definition: scriptDefinition,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const scriptListQuery = z.object({ hotlineId: z.uuid().optional() });

export const scriptMatchQuery = z.object({ hotlineId: z.uuid(), topicId: z.string().min(1).max(64).optional() });

export const scriptInput = z.strictObject({
  stepId,
  answerId: stepId.optional(),
  value: z.string().max(1000).optional(),
});

/**
 * The operator's inputs, replayed on the script as it is now. A script edited during the call
 * still accepts the run if the same path exists; otherwise the offending input is named.
 */
export const runPut = z.strictObject({
  scriptId: z.uuid(),
  steps: z.array(scriptInput).max(500),
});

export const walkedStep = z.object({
  stepId: z.string(),
  kind: z.enum(SCRIPT_STEP_KINDS),
  text: z.string(),
  answerId: z.string().optional(),
  answerLabel: z.string().optional(),
  fieldKey: z.string().optional(),
  value: z.string().optional(),
});

export const runOut = z.object({
  contactId: z.uuid(),
  scriptId: z.uuid().nullable(),
  scriptName: z.string(),
  scriptVersion: z.number().int(),
  path: z.array(walkedStep),
  finished: z.boolean(),
  outcome: z.string().nullable(),
  walkedBy: z.uuid().nullable(),
  updatedAt: z.string(),
});
