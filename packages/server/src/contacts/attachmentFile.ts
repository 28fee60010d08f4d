import type { FastifyReply } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import { notFound } from '../http/problem.ts';
import { contactAttachmentData, contactAttachments } from './schema.ts';

/**
 * Sends one attachment of one contact as a download (the journal's and the chat customer's routes
 * both use it). An attachment of another contact is "not found", whatever its id.
 */
export async function sendAttachment(tx: Tx, reply: FastifyReply, contactId: string, attachmentId: string) {
  const [found] = await tx
    .select({ meta: contactAttachments, data: contactAttachmentData.data })
    .from(contactAttachments)
    .innerJoin(contactAttachmentData, eq(contactAttachmentData.attachmentId, contactAttachments.id))
    .where(and(eq(contactAttachments.id, attachmentId), eq(contactAttachments.contactId, contactId)));
  if (!found) throw notFound('Attachment');
  return reply
    .header('content-type', found.meta.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(found.meta.fileName)}`)
    .send(found.data);
}
