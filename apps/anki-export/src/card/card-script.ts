// The card's JavaScript, written for old WebViews (ES5, no modules) because AnkiDroid, AnkiMobile
// and Anki desktop run it as an inline <script>. It reads everything from the DOM (textContent and
// data-* attributes the exporter escaped), never from text pasted into the script, so a field holding
// `</script>` cannot break out. Anki substitutes {{…}} everywhere in a template: none may appear here.
//
// Front: turns the option list into radio buttons or checkboxes (tapping the whole row toggles), in
// a shuffled order when the note asks for it (pinned options stay last), and remembers the order and
// the choices. Back ({{FrontSide}} runs this again): restores order and choices, then marks each
// option chosen-right / chosen-wrong / missed against the key printed in #qd-back.
export const CARD_SCRIPT = String.raw`
(function () {
  var PREFIX = 'quizdeck:';
  function memory() {
    // Anki desktop and AnkiMobile keep window between front and back; AnkiDroid keeps sessionStorage.
    if (!window.__quizdeck) window.__quizdeck = {};
    return window.__quizdeck;
  }
  function save(id, state) {
    memory()[id] = state;
    try { window.sessionStorage.setItem(PREFIX + id, JSON.stringify(state)); } catch (e) {}
  }
  function load(id) {
    var state = memory()[id];
    if (!state) {
      try { state = JSON.parse(window.sessionStorage.getItem(PREFIX + id) || 'null'); } catch (e) {}
    }
    if (!state || !(state.order instanceof Array) || !(state.chosen instanceof Array)) return null;
    return state;
  }
  function has(list, item) { return list.indexOf(item) >= 0; }
  // The saved order holds each of this card's options once, and the choices are among them.
  function fits(state, byKey, count) {
    if (state.order.length !== count) return false;
    var seen = {};
    for (var i = 0; i < state.order.length; i++) {
      var key = state.order[i];
      if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(byKey, key) || seen[key]) return false;
      seen[key] = true;
    }
    for (var j = 0; j < state.chosen.length; j++) if (!seen[state.chosen[j]]) return false;
    return true;
  }
  function shuffled(items) {
    var free = [], pinned = [];
    for (var i = 0; i < items.length; i++) {
      (items[i].getAttribute('data-pinned') ? pinned : free).push(items[i].getAttribute('data-key'));
    }
    for (var j = free.length - 1; j > 0; j--) {
      var k = Math.floor(Math.random() * (j + 1));
      var t = free[j]; free[j] = free[k]; free[k] = t;
    }
    return free.concat(pinned);
  }
  function run() {
    var cards = document.querySelectorAll('.qd-card');
    var card = cards[cards.length - 1];
    if (!card || card.getAttribute('data-qd-ready')) return;
    card.setAttribute('data-qd-ready', '1');
    var list = card.querySelector('.qd-options');
    if (!list) return;
    var back = document.getElementById('qd-back');
    var id = card.getAttribute('data-id') || '';
    var multiple = card.getAttribute('data-multiple') !== '';
    var items = list.querySelectorAll('li[data-key]');
    var byKey = {}, keys = [];
    for (var i = 0; i < items.length; i++) {
      byKey[items[i].getAttribute('data-key')] = items[i];
      keys.push(items[i].getAttribute('data-key'));
    }
    var state = back ? load(id) : null;
    // A saved state from before the note's options changed (the previewer after an edit, a
    // re-import) is dropped: the back then shows the key without marks.
    if (state && !fits(state, byKey, keys.length)) state = null;
    if (!back) {
      state = { order: card.getAttribute('data-shuffle') ? shuffled(items) : keys, chosen: [] };
      save(id, state);
    }
    if (state) {
      for (var o = 0; o < state.order.length; o++) list.appendChild(byKey[state.order[o]]);
    }
    var inputs = [];
    function record() {
      var chosen = [];
      for (var c = 0; c < inputs.length; c++) if (inputs[c].checked) chosen.push(inputs[c].value);
      state.chosen = chosen;
      save(id, state);
    }
    function setUp(li, key) {
      var input = document.createElement('input');
      input.type = multiple ? 'checkbox' : 'radio';
      input.name = 'qd-choice';
      input.value = key;
      input.className = 'qd-input';
      input.tabIndex = -1;
      li.insertBefore(input, li.firstChild);
      // tappable: AnkiMobile's tap zones (and AnkiDroid's study screen) leave the row to us.
      li.className += ' qd-choice tappable';
      inputs.push(input);
      // An onclick handler that stops the event keeps AnkiMobile's tap zones from flipping the card.
      li.onclick = function (event) {
        event.stopPropagation();
        if (back) { event.preventDefault(); return; }
        if (event.target !== input) input.checked = multiple ? !input.checked : true;
        record();
      };
      if (back) {
        input.disabled = true;
        input.checked = !!state && has(state.chosen, key);
      }
    }
    for (var n = 0; n < keys.length; n++) setUp(byKey[keys[n]], keys[n]);
    if (!back) return;
    var keyText = back.querySelector('.qd-answer');
    var answer = keyText ? keyText.textContent.match(/[A-Z]/g) || [] : [];
    for (var m = 0; m < keys.length; m++) {
      var li = byKey[keys[m]], right = has(answer, keys[m]);
      if (right) li.className += ' qd-key';
      if (!state) continue;
      var chosen = has(state.chosen, keys[m]);
      var mark = chosen ? (right ? 'qd-chosen-right' : 'qd-chosen-wrong') : right ? 'qd-missed' : '';
      if (!mark) continue;
      li.className += ' ' + mark;
      var badge = document.createElement('span');
      badge.className = 'qd-badge';
      badge.textContent = chosen ? (right ? '\u2713 your choice' : '\u2717 your choice') : 'missed';
      // First in the row, so that it floats to the top right corner.
      li.insertBefore(badge, li.firstChild);
    }
    back.className += state ? ' qd-marked' : ' qd-unmarked';
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();
`;
