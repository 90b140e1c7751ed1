// --- find ---

export { findBankFiles } from './find-bank-files';

// --- read ---

export type { BankFileCode, LoadedBank, ReadBankOptions } from './read-bank-file';
export {
  BANK_FILE_CODES,
  loadBankFile,
  loadedBank,
  readBankFile,
  readBankFileSync,
} from './read-bank-file';
