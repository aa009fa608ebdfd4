// The spec editor: say that the form has changes not yet saved, and ask before the page is left with them.
// The checks and the preview follow what is typed, so the page looks done before Spara is clicked.
// #unsaved is the server's word (the live check compares the draft with the file); typing shows it at once.
(function () {
  "use strict";
  var QUESTION = "Du har ändringar som inte är sparade. Lämnar du sidan nu försvinner de.\n\n" +
    "Klicka Avbryt för att stanna kvar och spara (knappen Spara), eller OK för att lämna sidan utan att spara.";
  var leaving = false;

  function editor() { return document.getElementById("editor"); }
  function unsaved() { var n = document.getElementById("unsaved"); return !!(n && !n.hidden); }
  function show(on) {
    var n = document.getElementById("unsaved");
    if (n) { n.hidden = !on; }
    var save = document.getElementById("save");
    if (save) { save.classList.toggle("pending", on); }
  }
  function typed(event) {
    var form = editor();
    var t = event.target;
    if (form && form.contains(t) && t.name && t.name !== "draft" && t.name.indexOf("new:") !== 0) { show(true); }
  }
  document.addEventListener("input", typed);
  document.addEventListener("change", typed);
  // after a swap (Spara, an added row) the server's #unsaved says it; keep the Spara button in step
  document.addEventListener("htmx:afterSettle", function () { show(unsaved()); });

  window.addEventListener("beforeunload", function (event) {
    if (!leaving && unsaved()) { event.preventDefault(); event.returnValue = QUESTION; return QUESTION; }
  });
  // the page's own links (Översikt, Byggda filer, Som text, …): asked in Swedish, not the browser's words
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || !unsaved() || event.defaultPrevented) { return; }
    var href = link.getAttribute("href") || "";
    if (href.charAt(0) === "#" || link.target === "_blank" || link.hasAttribute("download")) { return; }
    if (window.confirm(QUESTION)) { leaving = true; } else { event.preventDefault(); }
  });
})();
