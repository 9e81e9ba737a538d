/** Kinds of file a case holds: generated documents of the procedure and uploads. */
export const DOCUMENT_KINDS = ['REVIEW_INVITATION', 'REVIEW_MINUTES', 'SELF_REVIEW', 'COUNCIL_MINUTES', 'DECISION', 'SUSPENSION_EVIDENCE', 'OTHER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
