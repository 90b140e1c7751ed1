// Public entry of @quizdeck/anki-export.
export type {
  ApkgMedia,
  ApkgNote,
  ApkgWriterOptions,
  NoteRow,
  NoteTypeSpec,
  PackagedCollection,
  PackagedNote,
  PackagedNoteType,
  ZipEntry,
} from './apkg';
export {
  ApkgReadError,
  ApkgWriter,
  DEFAULT_DECK,
  deckId,
  FIELD_SEPARATOR,
  fieldChecksum,
  loadSql,
  noteGuid,
  prepareNoteRow,
  readPackage,
  stripHtmlPreservingMedia,
  tagString,
  zipEntries,
} from './apkg';
export { CARD_CSS } from './card/card-css';
export { CARD_SCRIPT } from './card/card-script';
export type { FieldName } from './card/note-type';
export { BACK_TEMPLATE, FIELDS, FRONT_TEMPLATE, NOTE_TYPE } from './card/note-type';
export type { CardContent } from './card/note-type-versions';
export { cardContentHash, NOTE_TYPE_VERSIONS, noteTypeMod } from './card/note-type-versions';
export { DeckNames } from './deck-names';
export type { AnkiEnv } from './env';
export { readEnv } from './env';
export { AnkiExportError } from './errors';
export type { ExportOptions, ExportResult } from './export-deck';
export { exportDeck } from './export-deck';
export type { LoadedBank } from './load-bank';
export { loadBank } from './load-bank';
export type { NoteOptions } from './notes/build-note';
export { noteFields, noteTags, questionGuid } from './notes/build-note';
export { MediaCollector } from './notes/media';
export type { PreparedNotes, PrepareJob } from './notes/prepare-notes';
export { prepareNotes, prepareNotesParallel } from './notes/prepare-notes';
export type { ExportCounts } from './previous/export-history';
export { ExportHistory, RETIRED_TAG } from './previous/export-history';
export type { IdentityChange } from './previous/identity-guard';
export { identityReport, isEditOf, wordSimilarity } from './previous/identity-guard';
