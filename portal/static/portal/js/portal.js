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
      } else if (event.key === "Escape" && !list.hidden) {
        // A search field empties itself on Escape: here Escape only closes the list, and the
        // member's query stays (a second Escape, with the list closed, empties it as usual).
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(close, 100);
    });
  });
})();

// Glossary terms in guides: a toggletip that opens the whole plain definition in place on click,
// tap, Enter or Space, announced through a live region, and closes on Escape or a click elsewhere.
// Without this script each term is a link to its entry in the glossary.
(function () {
  "use strict";

  var moreLabel = document.body.dataset.glossaryMore || "";
  var tips = [];

  function closeTip(tip) {
    tip.button.setAttribute("aria-expanded", "false");
    tip.bubble.replaceChildren();
  }

  function openTip(tip) {
    tips.forEach(function (other) {
      if (other !== tip) closeTip(other);
    });
    var term = document.createElement("dfn");
    term.className = "toggletip__term";
    term.textContent = tip.term;
    var definition = document.createElement("span");
    definition.className = "toggletip__definition";
    definition.textContent = tip.definition;
    var more = document.createElement("a");
    more.className = "toggletip__more";
    more.href = tip.url;
    more.textContent = moreLabel;
    // Filled only now, so that the live region announces the definition when it opens.
    tip.bubble.replaceChildren(term, " ", definition, " ", more);
    tip.button.setAttribute("aria-expanded", "true");
  }

  document.querySelectorAll("a.glossary-term[data-term]").forEach(function (link, index) {
    var hiddenDefinition = link.nextElementSibling;
    if (!hiddenDefinition || !hiddenDefinition.classList.contains("glossary-term__definition")) {
      return;
    }
    hiddenDefinition.remove();
    var wrapper = document.createElement("span");
    wrapper.className = "toggletip";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "glossary-term";
    button.setAttribute("aria-expanded", "false");
    while (link.firstChild) button.appendChild(link.firstChild);
    var bubble = document.createElement("span");
    bubble.className = "toggletip__bubble";
    bubble.id = "glossary-definition-" + index;
    bubble.setAttribute("role", "status");
    button.setAttribute("aria-controls", bubble.id);
    wrapper.append(button, bubble);
    link.replaceWith(wrapper);

    var tip = {
      wrapper: wrapper,
      button: button,
      bubble: bubble,
      term: link.dataset.term || button.textContent,
      definition: hiddenDefinition.textContent,
      url: link.getAttribute("href"),
    };
    tips.push(tip);
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-expanded") === "true") closeTip(tip);
      else openTip(tip);
    });
  });

  if (!tips.length) return;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    tips.forEach(function (tip) {
      if (tip.button.getAttribute("aria-expanded") !== "true") return;
      var focusWasInside = tip.wrapper.contains(document.activeElement);
      closeTip(tip);
      if (focusWasInside) tip.button.focus();
    });
  });
  document.addEventListener("click", function (event) {
    tips.forEach(function (tip) {
      if (!tip.wrapper.contains(event.target)) closeTip(tip);
    });
  });
})();

// The main menu is a disclosure on phones and a row of links on wider screens: open it there, and
// close it again when the screen narrows (a phone turned upright), so it never covers the page.
(function () {
  "use strict";

  var menu = document.querySelector("[data-main-nav]");
  if (!menu || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 48rem)");
  function follow() {
    menu.open = wide.matches;
  }
  follow();
  wide.addEventListener("change", follow);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open && !wide.matches && menu.contains(document.activeElement)) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
})();
