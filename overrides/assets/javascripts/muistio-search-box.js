/*
 * Muistio's search box: whatever changes the text in it is searched, not only a key pressed.
 *
 * Material reads its search box when a key comes up (keyup) and searches what it then holds.
 * Text that comes without a key (pasted from a menu, a phone keyboard's suggestion, dictation)
 * and the box's own clear button (a form reset) left the results of the text before listed under
 * the new one, or under an empty box, until the next key. So each such change raises a key-up of
 * its own on the box, as typing would: Material reads the box again, and asks nothing when its
 * text is the same (Material's own check). Listened for on the document, as Material's instant
 * navigation may swap the header.
 */
(function () {
  "use strict";
  var BOX = "input.md-search__input";

  function reread(box) {
    /* not bubbling: only the box's own listeners, Material's, hear it */
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: false }));
  }

  document.addEventListener("input", function (event) {
    if (event.target instanceof Element && event.target.matches(BOX)) reread(event.target);
  });
  document.addEventListener("reset", function (event) {
    var box = event.target instanceof HTMLFormElement && event.target.querySelector(BOX);
    if (box) setTimeout(function () { reread(box); }, 0); /* the form is reset after its event */
  });
})();
