// Progressive enhancement only: every page works without this script.
(function () {
  "use strict";
  function isTerm(node) { return node && node.classList && node.classList.contains("term"); }

  // Glossary term links: keep the definition (the link's ::after) inside the window, and let Escape hide it, as
  // WCAG 1.4.13 asks of content shown on hover or focus.
  function place(link) {
    link.style.removeProperty("--tip-shift");
    var tip = getComputedStyle(link, "::after");
    if (tip.position !== "absolute") return;  // the narrow-screen panel is placed by the stylesheet
    // The box hangs from the link's first line box but below its last: start it under the last one, inside the
    // window with 12 px to spare.
    var boxes = link.getClientRects();
    if (!boxes.length) return;
    var room = document.documentElement.clientWidth - 12;
    var width = parseFloat(tip.width) || Math.min(352, room - 12);
    var left = Math.max(Math.min(boxes[boxes.length - 1].left, room - width), 12);
    var shift = Math.round(left - boxes[0].left);
    if (shift) link.style.setProperty("--tip-shift", shift + "px");
  }
  function show(event) { if (isTerm(event.target)) place(event.target); }
  document.addEventListener("focusin", show);
  document.addEventListener("mouseover", show);
  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    if (event.key === "Escape") {
      if (isTerm(active)) active.classList.add("term-dismissed");
      var hovered = document.querySelectorAll("a.term:hover");
      for (var i = 0; i < hovered.length; i++) hovered[i].classList.add("term-dismissed");
    }
  });
  function restore(event) { if (isTerm(event.target)) event.target.classList.remove("term-dismissed"); }
  document.addEventListener("focusout", restore);
  document.addEventListener("mouseout", restore);

  // Table of contents: mark the section being read (aria-current="location").
  var toc = document.querySelector(".toc");
  if (!toc || !window.IntersectionObserver) return;
  var links = {};
  var headings = [];
  toc.querySelectorAll("a[href^='#']").forEach(function (link) {
    var heading = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (heading) { links[heading.id] = link; headings.push(heading); }
  });
  var current = null;
  function mark() {
    var next = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top < window.innerHeight * 0.4) next = headings[i];
    }
    if (next === current) return;
    if (current) links[current.id].removeAttribute("aria-current");
    if (next) links[next.id].setAttribute("aria-current", "location");
    current = next;
  }
  // Called whenever a heading crosses the top of the window or the line 40 % down it.
  var observer = new IntersectionObserver(mark, { rootMargin: "0px 0px -60% 0px" });
  headings.forEach(function (heading) { observer.observe(heading); });
})();
