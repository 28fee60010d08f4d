import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Tx } from '../db/index.ts';
import { badField, HttpProblem } from '../http/problem.ts';
import { contactAttachmentData, contactAttachments } from '../contacts/schema.ts';

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * A route scope whose body is the raw file (as the journal's attachments take it), limited to the
 * contact attachment size. Over it the request is refused before anything is read or stored, with
 * a problem that names the field and the limit (what the widget shows the customer).
 */
export function fileRoutes(root: FastifyInstance, maxBytes: number, register: (scope: FastifyInstance) => void) {
  root.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
    scope.setErrorHandler((err: Error & { code?: string }, _req, reply) => {
      if (err.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw err;
      const p = new HttpProblem(413, `The file is larger than the limit of ${mb(maxBytes)}`, [{ field: 'body', message: `at most ${mb(maxBytes)} (${maxBytes} bytes)` }]);
      return reply.code(413).type('application/problem+json').send(p.toBody());
    });
    register(scope);
  });
}

/** The file of a request in a file scope (refused when empty). */
export function fileOf(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw badField('body', 'send the file as the request body');
  return body;
}

/** Stores a file of a contact (description and bytes in one transaction, as the journal does). */
export async function storeAttachment(tx: Tx, contactId: string, fileName: string, contentType: string | undefined, data: Buffer): Promise<string> {
  const [a] = await tx
    .insert(contactAttachments)
    .values({
      contactId,
      fileName,
      contentType: (contentType ?? 'application/octet-stream').split(';')[0]!.trim() || 'application/octet-stream',
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    })
    .returning({ id: contactAttachments.id });
  await tx.insert(contactAttachmentData).values({ attachmentId: a!.id, data });
  return a!.id;
}
