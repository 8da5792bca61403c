// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // Load an external video player only when the member asks for it (no request before).
  document.querySelectorAll("[data-video-load]").forEach(function (link) {
    var player = link.closest("[data-embed-url]");
    if (!player || !player.dataset.embedUrl) return;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = player.dataset.embedUrl;
      frame.title = player.dataset.title || "";
      frame.allow = "autoplay; fullscreen; picture-in-picture";
      frame.allowFullscreen = true;
      frame.loading = "lazy";
      player.replaceChildren(frame);
      player.classList.add("video__player--loaded");
      frame.focus();
    });
  });
})();
