/** Styling shared by front and back; `.nightMode` is the class Anki sets in dark mode. */
export const CARD_CSS = `.card {
  font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 18px;
  line-height: 1.45;
  text-align: left;
  color: #1d1d1f;
  background: #fff;
  max-width: 46em;
  margin: 0 auto;
}
.nightMode.card, .night_mode .card { color: #e8e8e8; background: #1e1e1e; }
.qd-context { border-left: 4px solid #8aa4c8; padding: 0.2em 0.9em; margin-bottom: 1em; font-size: 0.92em; }
.qd-context-title { font-weight: 600; margin: 0.3em 0; }
.qd-context-notes { opacity: 0.85; }
.qd-question { font-weight: 600; margin: 0.6em 0; }
.qd-hint { font-style: italic; opacity: 0.75; margin: 0.3em 0; }
.qd-options { list-style: none; padding: 0; margin: 0.5em 0; }
.qd-options li { border: 1px solid #c9c9d1; border-radius: 8px; padding: 0.5em 0.7em; margin: 0.4em 0; }
.qd-choice { cursor: pointer; }
.qd-input { margin-right: 0.6em; transform: scale(1.25); }
.qd-letter { font-weight: 600; margin-right: 0.4em; }
.qd-options li.qd-key { border-color: #2f8f46; }
.qd-options li.qd-chosen-right { background: rgba(47, 143, 70, 0.18); border-color: #2f8f46; }
.qd-options li.qd-chosen-wrong { background: rgba(200, 50, 50, 0.18); border-color: #c83232; }
.qd-options li.qd-missed { border: 2px dashed #2f8f46; }
.qd-badge { float: right; margin-left: 0.6em; font-size: 0.8em; font-weight: 600; }
.qd-chosen-right .qd-badge, .qd-missed .qd-badge { color: #2f8f46; }
.qd-chosen-wrong .qd-badge { color: #c83232; }
.qd-back { margin-top: 0.8em; }
.qd-key-line { font-weight: 600; }
.qd-explanation { margin: 0.6em 0; }
.qd-notes { margin-top: 0.8em; }
.qd-note { border-left: 4px solid #b0b0b8; padding: 0.2em 0.8em; margin: 0.4em 0; font-size: 0.9em; }
.qd-dispute { border-left-color: #d08a00; background: rgba(208, 138, 0, 0.1); }
.qd-note-label { font-weight: 600; margin-right: 0.4em; }
.qd-source { font-size: 0.8em; opacity: 0.7; }
`;
