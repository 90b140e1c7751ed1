// Everything that writes and reads Anki packages lives in this folder.
export type { ApkgWriterOptions } from './apkg-writer';
export { ApkgWriter } from './apkg-writer';
export { DEFAULT_DECK, deckId, fieldChecksum, noteGuid } from './ids';
export type { ApkgMedia, ApkgNote, NoteRow, NoteTypeSpec } from './note-row';
export { ankiTags, FIELD_SEPARATOR, prepareNoteRow, tagString } from './note-row';
export type { PackagedCollection, PackagedNote, PackagedNoteType } from './read-apkg';
export { ApkgReadError, readPackage } from './read-apkg';
export { loadSql } from './sql';
export { stripHtmlPreservingMedia } from './strip-html';
export type { ZipEntry } from './zip';
export { zipEntries } from './zip';
