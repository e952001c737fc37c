// The career navigator's skill picker (/loopbaan): htmx fetches the matches and the chip of a
// chosen skill; this script removes chips, keeps the focus in the search field and says what
// changed in a status line. Without it every button submits the form and the server does it.
(function () {
  "use strict";
  var chips = document.getElementById("chosen-skills");
  var search = document.getElementById("nav-search");
  var status = document.getElementById("chip-status");
  if (!chips || !search || !status) return;

  function say(template, label) {
    status.textContent = template.replace("{skill}", label);
  }

  function addButtons(uri) {
    return Array.prototype.filter.call(
      document.querySelectorAll("#skill-results .add-skill"),
      function (b) { return b.value === uri; }
    );
  }

  document.body.addEventListener("htmx:afterSwap", function (evt) {
    if (evt.detail.target !== chips) return;
    var button = evt.detail.requestConfig && evt.detail.requestConfig.elt;
    var label = button && button.dataset ? button.dataset.label : "";
    if (button && button.classList && button.classList.contains("add-skill")) {
      button.disabled = true;
    }
    var added = evt.detail.xhr && evt.detail.xhr.responseText.trim() !== "";
    if (label && added) say(status.dataset.added, label);
    search.focus();
  });

  chips.addEventListener("click", function (evt) {
    var button = evt.target.closest(".remove-skill");
    if (!button) return;
    evt.preventDefault();
    var chip = button.closest("li");
    var label = chip.querySelector(".chip-label").textContent;
    addButtons(button.value).forEach(function (b) { b.disabled = false; });
    chip.remove();
    say(status.dataset.removed, label);
    search.focus();
  });
})();
