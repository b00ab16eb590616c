// The contact area's services, one per operation, each role-checked and (for writes) in one
// transaction with its audit entry. Mail and unsubscribe call `isOptedOut` before every send and
// `optOut` from the unsubscribe link (requester 'unsubscribe').
export { ContactsForbidden, canManageContacts, type ContactActor } from './access';
export { contactDetail, contactsPage, cursorText, parseCursor, type ContactsPage } from './list';
export { importContacts, type ContactImportResult } from './import';
export { saveContactMappingChoices, NEW_ATTRIBUTE } from './mapping';
export { updateContact, type UpdateContactResult } from './update';
export { contactHistory, type HistoryRow } from './history';
export { deleteContact, type DeleteContactResult } from './delete';
export { isOptedOut, optOut, type OptOutTarget, type OptOutRequester, type OptOutResult } from './opt-out';
export { markSegmentAttributes, type MarkSegmentsResult } from './segments';
export { deleteSegment, saveSegment, savedSegmentsWithCounts, segmentSize, MAX_SEGMENT_NAME, type SaveSegmentResult } from './saved-segments';
