// Public entry of @quizdeck/anki-export.
export type {
  ApkgInput,
  ApkgMedia,
  ApkgNote,
  ApkgWriterOptions,
  NoteRow,
  NoteTypeSpec,
  PackagedNote,
  ZipEntry,
} from './apkg';
export {
  ApkgReadError,
  ApkgWriter,
  deckId,
  Exporter,
  fieldChecksum,
  loadPackageTemplate,
  loadSql,
  nativeSql,
  noteGuid,
  prepareNoteRow,
  readApkgNotes,
  stripHtmlPreservingMedia,
  writeApkg,
  zipEntries,
} from './apkg';
export { CARD_CSS } from './card/card-css';
export { CARD_SCRIPT } from './card/card-script';
export type { FieldName } from './card/note-type';
export { BACK_TEMPLATE, FIELDS, FRONT_TEMPLATE, NOTE_TYPE } from './card/note-type';
export type { FieldValues } from './card/render-template';
export { renderCard, TemplateError } from './card/render-template';
export type { AnkiEnv } from './env';
export { readEnv } from './env';
export { AnkiExportError } from './errors';
export type { ExportOptions, ExportResult } from './export-deck';
export { exportDeck, RETIRED_TAG } from './export-deck';
export type { LoadedBank } from './load-bank';
export { loadBank } from './load-bank';
export type { NoteOptions } from './notes/build-note';
export { noteFields, noteTags, questionGuid } from './notes/build-note';
export { MediaCollector } from './notes/media';
export type { PreparedNotes, PrepareJob } from './notes/prepare-notes';
export { prepareNotes, prepareNotesParallel } from './notes/prepare-notes';
