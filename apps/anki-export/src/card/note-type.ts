import type { NoteTypeSpec } from '../apkg';
import { CARD_CSS } from './card-css';
import { CARD_SCRIPT } from './card-script';

/** Field names, in order. Question comes first: Anki's duplicate check and browser use it. */
export const FIELDS = [
  'Question',
  'Context',
  'Options',
  'Answer',
  'Multiple',
  'SelectAll',
  'Explanation',
  'ContextNotes',
  'Notes',
  'Source',
  'Id',
  'Shuffle',
] as const;
export type FieldName = (typeof FIELDS)[number];

export const FRONT_TEMPLATE = `<div class="qd-card" data-id="{{Id}}" data-multiple="{{Multiple}}" data-shuffle="{{Shuffle}}">
{{#Context}}<div class="qd-context">{{Context}}</div>{{/Context}}
<div class="qd-question">{{Question}}</div>
{{#SelectAll}}<p class="qd-hint">Select all that apply</p>{{/SelectAll}}
{{Options}}
</div>
<script>${CARD_SCRIPT}</script>`;

export const BACK_TEMPLATE = `{{FrontSide}}
<hr id="answer">
<div id="qd-back" class="qd-back">
<p class="qd-key-line">Answer: <span class="qd-answer">{{Answer}}</span></p>
{{#Explanation}}<div class="qd-explanation">{{Explanation}}</div>{{/Explanation}}
{{#ContextNotes}}<div class="qd-context-notes">{{ContextNotes}}</div>{{/ContextNotes}}
{{#Notes}}<div class="qd-notes">{{Notes}}</div>{{/Notes}}
{{#Source}}<p class="qd-source">{{Source}}</p>{{/Source}}
</div>`;

/**
 * Version 1 of the note type. Its id and mod are constants: change the fields or templates in an
 * incompatible way only together with a new id (a new note type for Anki).
 */
export const NOTE_TYPE: NoteTypeSpec = {
  id: 1_764_000_000_001,
  name: 'quizdeck multiple choice',
  mod: 1_764_000_000,
  fields: FIELDS,
  sortField: 0,
  templates: [{ name: 'Multiple choice', qfmt: FRONT_TEMPLATE, afmt: BACK_TEMPLATE }],
  css: CARD_CSS,
};
