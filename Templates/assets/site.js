// Progressive enhancement only: every page works without this script.
(function () {
  "use strict";
  // Glossary term links: Escape hides an open definition tooltip, as keyboard users expect.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.activeElement && document.activeElement.classList.contains("term")) {
      document.activeElement.classList.add("term-dismissed");
    }
  });
  document.addEventListener("focusout", function (event) {
    if (event.target.classList && event.target.classList.contains("term")) {
      event.target.classList.remove("term-dismissed");
    }
  });
})();
