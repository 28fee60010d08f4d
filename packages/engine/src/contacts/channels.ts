/**
 * Channels a contact (обращение) can arrive on. Voice is split by direction because reports
 * and the ACD treat inbound and outbound calls differently; the others carry direction in
 * their messages. `letter`, `fax` and `walk_in` are registered by hand.
 */
export const CONTACT_CHANNELS = ['voice_in', 'voice_out', 'chat', 'email', 'webform', 'messenger', 'letter', 'fax', 'walk_in'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Channels an operator registers by hand in the desk form. */
export const MANUAL_CHANNELS: readonly ContactChannel[] = ['letter', 'fax', 'walk_in', 'voice_in', 'voice_out', 'email'];

export const CRITICALITIES = ['low', 'normal', 'high', 'critical'] as const;
export type Criticality = (typeof CRITICALITIES)[number];
