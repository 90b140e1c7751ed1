// Everything that writes Anki packages lives in this folder, so the writer can be swapped later.
export type { ApkgWriterOptions } from './apkg-writer';
export { ApkgWriter } from './apkg-writer';
export { Exporter, loadPackageTemplate } from './exporter';
export { deckId, fieldChecksum, noteGuid, stripHtmlPreservingMedia } from './ids';
export { nativeSql } from './native-sql';
export type { PackagedNote } from './read-apkg';
export { ApkgReadError, readApkgNotes } from './read-apkg';
export { loadSql } from './sql';
export type { ApkgInput, ApkgMedia, ApkgNote, NoteRow, NoteTypeSpec } from './write-apkg';
export { prepareNoteRow, writeApkg } from './write-apkg';
export type { ZipEntry } from './zip';
export { zipEntries } from './zip';
