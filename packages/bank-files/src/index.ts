// --- find ---

export type { FindOptions, FoundBankFiles, NamedFile, SkippedFile } from './find-bank-files';
export { bankFilesAt, findBankFiles } from './find-bank-files';

// --- read ---

export type { BankFileCode, LoadedBank, ReadBankOptions } from './read-bank-file';
export {
  BANK_FILE_CODES,
  loadBankFile,
  loadedBank,
  readBankFile,
  readBankFileSync,
} from './read-bank-file';

// --- media ---

export { mediaDiagnostics } from './check-media';
export type { MediaProblem, MediaSource } from './media';
export {
  imageSources,
  MAX_MEDIA_BYTES,
  mediaSource,
  readMediaFile,
  unescapeAttribute,
} from './media';
