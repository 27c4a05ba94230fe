/**
 * The `deliver` frame, written around the envelope's canonical JSON as accepted (it goes out exactly as it came in).
 * Made once per envelope as bytes: every session it goes to sends the same buffer.
 */
export const deliverFrame = (index: number, envelopeJson: string): Buffer => Buffer.from(`{"type":"deliver","index":${index},"envelope":${envelopeJson}}`, 'utf8');
