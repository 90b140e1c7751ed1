import type { Bank } from '../model/bank';
import type { Diagnostic } from '../model/diagnostic';
import type { BankLocations } from './position';

/** What parsing a bank gives: the bank when it is valid, and every problem found either way. */
export interface ParseResult {
  bank: Bank | undefined;
  diagnostics: Diagnostic[];
  locations: BankLocations;
}
