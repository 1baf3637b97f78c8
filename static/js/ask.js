// Ask form enhancements: live preview, warnings and similar questions.
// The form works without this file: the Preview button asks the server.
(function () {
  "use strict";
  var form = document.getElementById("ask-form");
  if (!form) { return; }
  var title = form.querySelector("[name=title]");
  var body = form.querySelector("[name=body]");
  var preview = document.getElementById("ask-preview");
  var triageBoxes = document.querySelectorAll("[data-triage]");
  var warning = document.getElementById("identifier-warning");
  var list = document.getElementById("identifier-list");
  var similarSlot = document.getElementById("similar-slot");
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var timer = null;
  var similarTimer = null;

  function refreshPreview() {
    var data = new FormData();
    data.append("title", title.value);
    data.append("body", body.value);
    fetch(form.dataset.previewUrl, {
      method: "POST", body: data, credentials: "same-origin", headers: { "X-CSRFToken": csrf }
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (result) {
      if (!result) { return; }
      preview.innerHTML = result.html;  // sanitized by the server
      triageBoxes.forEach(function (box) {
        box.classList.toggle("d-none", result.triage.indexOf(box.dataset.triage) < 0);
      });
      list.replaceChildren.apply(list, result.identifiers.map(function (label) {
        var li = document.createElement("li");
        li.textContent = label;
        return li;
      }));
      warning.classList.toggle("d-none", result.identifiers.length === 0);
    }).catch(function () {});
  }

  function refreshSimilar() {
    if (title.value.trim().length < 8) { similarSlot.innerHTML = ""; return; }
    fetch(form.dataset.similarUrl + "?q=" + encodeURIComponent(title.value), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) { similarSlot.innerHTML = html; })  // rendered and escaped by the server
      .catch(function () {});
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refreshPreview, 400);
  }
  title.addEventListener("input", function () {
    schedule();
    clearTimeout(similarTimer);
    similarTimer = setTimeout(refreshSimilar, 500);
  });
  body.addEventListener("input", schedule);
}());
