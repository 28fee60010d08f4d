/** An attachment's description (packages/server/src/contacts/contracts.ts attachmentOut). */
export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

/** "1,2 МБ" / "340 КБ" in the user's language. */
export function formatSize(bytes: number, lang: string): string {
  const units = lang === 'ru' ? ['Б', 'КБ', 'МБ', 'ГБ'] : ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(n)} ${units[u]}`;
}

export const attachmentKeys = { of: (contactId: string) => ['contacts', contactId, 'attachments'] as const };
