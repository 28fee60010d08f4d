import { api } from '../../api/client.ts';
import type { Attachment } from './types.ts';

/**
 * Sends files one after another to a contact; returns the failures by file name, so the
 * operator knows exactly which to send again (the contact itself is already saved).
 */
export async function uploadAll(contactId: string, files: readonly File[]): Promise<{ file: string; error: unknown }[]> {
  const failed: { file: string; error: unknown }[] = [];
  for (const file of files) {
    try {
      await api.upload<Attachment>(`/contacts/${contactId}/attachments`, file, { fileName: file.name });
    } catch (error) {
      failed.push({ file: file.name, error });
    }
  }
  return failed;
}
