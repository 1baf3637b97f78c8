// Live preview for the expert's answer editor; the Preview button works without it.
(function () {
  "use strict";
  var form = document.getElementById("answer-form");
  if (!form) { return; }
  var body = form.querySelector("[name=body]");
  var preview = document.getElementById("answer-preview");
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var timer = null;
  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var data = new FormData();
      data.append("title", "");
      data.append("body", body.value);
      fetch(form.dataset.previewUrl, {
        method: "POST", body: data, credentials: "same-origin", headers: { "X-CSRFToken": csrf }
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (result) {
        if (result) { preview.innerHTML = result.html; }  // sanitized by the server
      }).catch(function () {});
    }, 400);
  });
}());
