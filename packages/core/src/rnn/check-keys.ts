import type { Bank } from '../model/bank';

export interface KeyCheckIssue {
  questionId: string;
  message: string;
}

// Placeholder owned by the shape-math work (issue 3): returns the questions whose key disagrees
// with the computed value.
export function checkAnswerKeys(_bank: Bank): KeyCheckIssue[] {
  return [];
}
