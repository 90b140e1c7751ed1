// Public entry of @quizdeck/core. Named exports only; each section is owned by one area.

// --- model ---

export type { Bank, BankInput } from './model/bank';
export { BankSchema } from './model/bank';
export type { Context } from './model/context';
export { ContextSchema } from './model/context';
export type { Diagnostic, Severity } from './model/diagnostic';
export { DiagnosticSchema, formatDiagnostic } from './model/diagnostic';
export { BankError, QuizdeckError } from './model/errors';
export type { Note, NoteKind } from './model/note';
export { NoteSchema } from './model/note';
export type { Option, OptionKey } from './model/option';
export { OptionKeySchema, OptionSchema } from './model/option';
export type { Question, QuestionInput } from './model/question';
export { QuestionSchema } from './model/question';
export { asksForSeveralPicks } from './model/several-picks';

// --- formats ---

export { closestName } from './formats/closest-name';
export { bankSizeMessage, MAX_BANK_BYTES } from './formats/decode';
export type { BankFormat } from './formats/format';
export { BankFormatSchema, formatFromPath } from './formats/format';
export { bankJsonSchema } from './formats/json-schema';
export type {
  ExplainedContext,
  ExplainedQuestion,
  MarkdownExplanation,
} from './formats/markdown/explain';
export { explainMarkdown } from './formats/markdown/explain';
export { formatExplanation } from './formats/markdown/explain-text';
export { parseFlowYaml } from './formats/markdown/flow-yaml';
export { hasQuestionLikeLine } from './formats/markdown/question-like';
export type { IdStamp, StampOptions, StampResult } from './formats/markdown/stamp-ids';
export { planIds, promptSlug, stampIds } from './formats/markdown/stamp-ids';
export type { ParseOptions } from './formats/parse-bank';
export { parseBank } from './formats/parse-bank';
export type { ParseResult } from './formats/parse-result';
export type { BankLocations, Position } from './formats/position';
export { serializeBank } from './formats/serialize-bank';

// --- discord ---

export { shardOf } from './discord/shard-of';

// --- grading ---

export { grade, isMultipleChoice } from './grading/grade';
export type { GradeResult, Verdict } from './grading/grade-result';
export { GradeResultSchema, VerdictSchema } from './grading/grade-result';
export { seededRandom } from './grading/prng';
export type { ScoringPolicy } from './grading/scoring-policy';
export { ScoringPolicySchema } from './grading/scoring-policy';
export type { ShuffledQuestion } from './grading/shuffle';
export { shuffleQuestion } from './grading/shuffle';

// --- render ---

export { ContextChainError, contextChain } from './model/context-chain';
export { DISCORD_LIMITS } from './render/discord-limits';
export { escapeHtml } from './render/escape-html';
export { fastInlineMarkdownToHtml, fastMarkdownToHtml } from './render/fast-markdown-html';
export { inlineMarkdownItToHtml, markdownItToHtml } from './render/html';
export { neutraliseMentions } from './render/mentions';
export { quoteBankText } from './render/quote-bank-text';
export { RenderError } from './render/render-error';
export { renderInlineMarkdown, renderMarkdown } from './render/render-markdown';
export type { RenderProblem } from './render/render-problems';
export {
  questionRenderProblems,
  renderDiagnostics,
  unrenderableReason,
} from './render/render-problems';
export type { RenderedContext, RenderedQuestion } from './render/render-question';
export { renderQuestion } from './render/render-question';
export type { RenderTarget } from './render/render-target';
export { RenderTargetSchema } from './render/render-target';
export { terminalSafe } from './render/terminal-safe';
export type { TexProblem } from './render/tex-policy';
export { MAX_TEX_DEPTH, texProblem } from './render/tex-policy';
export { texToUnicode } from './render/tex-to-unicode';

// --- review ---

export type { CardPhase, CardState } from './review/card-state';
export { CardPhaseSchema, CardStateSchema, isDue } from './review/card-state';
export { FSRS_PARAMETERS } from './review/fsrs-parameters';
export type { ReviewTally } from './review/retention';
export { retention } from './review/retention';
export type { ReviewOutcome } from './review/review-card';
export { recallProbability, reviewCard } from './review/review-card';
export type { ReviewLogEntry } from './review/review-log-entry';
export { ReviewLogEntrySchema } from './review/review-log-entry';
export type { ReviewRating } from './review/review-rating';
export { ReviewRatingSchema, verdictRating } from './review/review-rating';

// --- rnn ---

export type { KeyCheckIssue } from './rnn/check-keys';
export { checkAnswerKeys } from './rnn/check-keys';
export type { Check, CheckExclusion, CheckInput } from './rnn/check-schema';
export { CheckExclusionSchema, CheckSchema } from './rnn/check-schema';
export type { ShapeReport, ShapeTotals } from './rnn/compute-shapes';
export { computeShapes, findTensor } from './rnn/compute-shapes';
export type { Conv2d } from './rnn/cost';
export { conv2dOutputSize, macsPerSequence, macsPerStep, unrolledDepth } from './rnn/cost';
export { ShapeSpecError } from './rnn/errors';
export type { CheckResult, CheckValue } from './rnn/evaluate-check';
export { evaluateCheck, formatCheckValue } from './rnn/evaluate-check';
export { formatCount, formatShape, formatShapeTable } from './rnn/format-shape-table';
export type { GenerateOptions } from './rnn/generate/generate-bank';
export { GenerateOptionsSchema, generateBank } from './rnn/generate/generate-bank';
export { parseCount, parseShape } from './rnn/parse-answer';
export type { Cell, Convention, ShapeSpec, ShapeSpecInput } from './rnn/shape-spec';
export { CellSchema, ConventionSchema, parseShapeSpec, ShapeSpecSchema } from './rnn/shape-spec';
export type { ShapesJson } from './rnn/shapes-json';
export { ShapesJsonSchema, shapesJson } from './rnn/shapes-json';
export type { Direction, ShapeTensor } from './rnn/tensor';
export { GATE_ORDER, gateCount } from './rnn/tensor';
