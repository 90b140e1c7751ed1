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
