import type { NoteTypeSpec } from '../apkg';
import { CARD_CSS } from './card-css';
import { CARD_SCRIPT } from './card-script';
import { noteTypeMod } from './note-type-versions';

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

const CARD = {
  name: 'quizdeck multiple choice',
  fields: FIELDS,
  templates: [{ name: 'Multiple choice', qfmt: FRONT_TEMPLATE, afmt: BACK_TEMPLATE }],
  css: CARD_CSS,
};

/**
 * The note type. Its id is a constant: Anki updates a note type in place only while it matches.
 * Its `mod` comes from NOTE_TYPE_VERSIONS: a card change needs a new entry there. A change of the
 * field list makes Anki add a second note type whatever the id (see docs/anki.md).
 */
export const NOTE_TYPE: NoteTypeSpec = {
  ...CARD,
  id: 1_764_000_000_001,
  mod: noteTypeMod(CARD),
  sortField: 0,
};
