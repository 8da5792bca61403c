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

// Search suggestions under the search boxes: the ARIA 1.2 combobox pattern. Without this
// script the box is a plain search field that submits to the results page.
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY_MS = 150;

  document.querySelectorAll("form[data-suggest-url]").forEach(function (form, formIndex) {
    var input = form.querySelector("input[name=q]");
    if (!input) return;
    var listId = "search-suggestions-" + formIndex;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.dataset.suggestLabel || "");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.closest(".search-form__row").after(list, status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var timer = null;
    var active = -1;
    var latest = 0;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function show(suggestions) {
      list.replaceChildren();
      suggestions.forEach(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.url = suggestion.url;
        var title = document.createElement("span");
        title.textContent = suggestion.title;
        var kind = document.createElement("span");
        kind.className = "search-suggestions__type";
        kind.textContent = suggestion.type;
        item.append(title, kind);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = suggestion.url;
        });
        list.appendChild(item);
      });
      var count = suggestions.length;
      list.hidden = count === 0;
      input.setAttribute("aria-expanded", count ? "true" : "false");
      status.textContent = count ? (form.dataset.suggestCount || "{count}").replace("{count}", count) : "";
      active = -1;
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        close();
        return;
      }
      var requestNumber = ++latest;
      fetch(form.dataset.suggestUrl + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (body) {
          // Answers can arrive out of order: show only the latest.
          if (requestNumber === latest) show(body.suggestions || []);
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        highlight(active + 1);
      } else if (event.key === "ArrowUp" && !list.hidden) {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = options()[active].dataset.url;
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(close, 100);
    });
  });
})();
