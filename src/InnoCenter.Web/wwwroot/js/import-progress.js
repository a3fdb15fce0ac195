// Follows a background import on its page: asks the API where it stands every second, moves the bar, and reloads the
// page once the import has ended so the server renders its outcome. Without script the page offers a refresh link.
(function () {
  "use strict";
  var box = document.querySelector("[data-import-status]");
  if (!box) { return; }
  var url = box.getAttribute("data-import-status");
  var bar = box.querySelector("progress");
  var count = box.querySelector("[data-import-count]");
  var template = box.getAttribute("data-count-template") || "{0} / {1}";
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (job) {
        if (!job) { return; }
        if (job.state !== "Queued" && job.state !== "Running") { window.location.reload(); return; }
        if (bar && job.total > 0) { bar.max = job.total; bar.value = job.processed; }
        if (count) { count.textContent = template.replace("{0}", job.processed).replace("{1}", job.total).replace("{2}", job.percent); }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
