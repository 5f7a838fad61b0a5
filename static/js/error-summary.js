// Progressive enhancement: after a failed submit, move keyboard and screen-reader focus
// to the error summary (GOV.UK pattern). Without JavaScript the summary is still first
// in the tab order and announced through role="alert".
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
});
