// Every form: a live count of characters on fields with a limit, and one submission per click.
// The server checks both (a plain message when a text is too long, an earlier identical question shown
// instead of a second one); this only shows them sooner.
(function () {
  "use strict";
  var template = document.documentElement.dataset.counterText || "{count} of {max} characters";

  document.querySelectorAll("[data-maxlength]").forEach(function (field) {
    var max = parseInt(field.dataset.maxlength, 10);
    if (!max) { return; }
    var counter = document.createElement("div");
    counter.className = "form-text char-counter";
    counter.id = field.id + "-counter";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    function update() {
      var count = field.value.length;
      counter.textContent = template.replace("{count}", count.toLocaleString()).replace("{max}", max.toLocaleString());
      counter.classList.toggle("text-danger", count > max);
      counter.classList.toggle("fw-semibold", count > max);
    }
    field.addEventListener("input", update);
    update();
  });

  document.querySelectorAll("form[method=post]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.sending === "yes") { event.preventDefault(); return; }
      if (event.submitter && event.submitter.name === "preview") { return; }
      form.dataset.sending = "yes";
      form.setAttribute("aria-busy", "true");
      var button = event.submitter;
      if (button && button.dataset.sendingText) { button.textContent = button.dataset.sendingText; }
      // A form shown again (Back, or the page kept in the browser's cache) can be sent again.
      window.addEventListener("pageshow", function () { delete form.dataset.sending; form.removeAttribute("aria-busy"); });
    });
  });
})();
