/* eksdoc site script: theme toggle, navigation drawer, diagram zoom, client-side search.
   Index text is only ever written with textContent / text nodes, never as HTML. */
(function () {
  "use strict";
  var root = document.documentElement;
  var THEME_KEY = "eksdoc-theme";

  function storedTheme() {
    try { return window.localStorage.getItem(THEME_KEY); } catch (e) { return null; }
  }
  function applyTheme(theme) {
    if (theme === "light" || theme === "dark") { root.setAttribute("data-theme", theme); }
    else { root.removeAttribute("data-theme"); }
  }
  // Applied before the body is parsed, so a stored choice never flashes the other theme.
  applyTheme(storedTheme());

  function systemDark() {
    return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
  }
  function currentTheme() {
    return root.getAttribute("data-theme") || (systemDark() ? "dark" : "light");
  }
  function toggleTheme() {
    var next = currentTheme() === "dark" ? "light" : "dark";
    applyTheme(next);
    try { window.localStorage.setItem(THEME_KEY, next); } catch (e) { /* storage may be disabled */ }
    updateThemeButton();
  }
  function updateThemeButton() {
    var button = document.querySelector(".theme-toggle");
    if (!button) { return; }
    var dark = currentTheme() === "dark";
    button.setAttribute("aria-pressed", dark ? "true" : "false");
    button.title = dark ? "Switch to light mode" : "Switch to dark mode";
  }

  function setupNavigation() {
    var toggle = document.querySelector(".nav-toggle");
    if (!toggle) { return; }
    toggle.addEventListener("click", function () {
      var open = document.body.classList.toggle("nav-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && document.body.classList.contains("nav-open")) {
        document.body.classList.remove("nav-open");
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }

  function setupZoom() {
    var frames = document.querySelectorAll(".diagram-frame[data-zoom]");
    function close(frame) {
      frame.classList.remove("zoomed");
      frame.setAttribute("aria-expanded", "false");
      document.body.classList.remove("zoom-open");
    }
    Array.prototype.forEach.call(frames, function (frame) {
      frame.setAttribute("aria-expanded", "false");
      function toggle() {
        if (frame.classList.contains("zoomed")) { close(frame); return; }
        frame.classList.add("zoomed");
        frame.setAttribute("aria-expanded", "true");
        document.body.classList.add("zoom-open");
        frame.focus();
      }
      frame.addEventListener("click", toggle);
      frame.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggle(); }
        else if (event.key === "Escape" && frame.classList.contains("zoomed")) { close(frame); }
      });
    });
  }

  // ---- Search ----------------------------------------------------------------------------------------------

  var MAX_RESULTS = 12;

  // The index is a script (search-index.js), not JSON fetched, so search works from file:// too. It is loaded
  // on first use; whatever asked for it last is called when it arrives.
  var whenLoaded = null;
  function loadIndex(input, done) {
    if (window.EKSDOC_SEARCH) { done(window.EKSDOC_SEARCH); return; }
    whenLoaded = done;
    if (input.getAttribute("data-loading")) { return; }
    input.setAttribute("data-loading", "true");
    var script = document.createElement("script");
    script.src = input.getAttribute("data-index");
    script.onload = function () { if (window.EKSDOC_SEARCH && whenLoaded) { whenLoaded(window.EKSDOC_SEARCH); } };
    script.onerror = function () { input.removeAttribute("data-loading"); };
    document.head.appendChild(script);
  }

  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  // Sections matching every word, best first: a heading or title match outweighs body text, a whole-phrase
  // match adds more, pages of the environment being read come first among equals; at most two sections a page.
  function search(index, query, environment) {
    var words = terms(query);
    if (words.length === 0) { return []; }
    var phrase = words.join(" ");
    var results = [];
    index.pages.forEach(function (page) {
      var title = page.title.toLowerCase();
      page.sections.forEach(function (section) {
        var heading = section.heading.toLowerCase();
        var text = section.text.toLowerCase();
        var score = 0;
        for (var i = 0; i < words.length; i++) {
          var w = words[i];
          var inTitle = title.indexOf(w) >= 0, inHeading = heading.indexOf(w) >= 0, inText = text.indexOf(w) >= 0;
          if (!inTitle && !inHeading && !inText) { return; }
          score += (inTitle ? 6 : 0) + (inHeading ? 10 : 0) + (inText ? 1 : 0);
        }
        if (heading.indexOf(phrase) >= 0) { score += 30; }
        if (title.indexOf(phrase) >= 0) { score += 20; }
        if (text.indexOf(phrase) >= 0) { score += 8; }
        if (page.environment && page.environment === environment) { score += 4; }
        results.push({ page: page, section: section, score: score, at: text.indexOf(words[0]) });
      });
    });
    results.sort(function (a, b) { return b.score - a.score || a.page.url.localeCompare(b.page.url); });
    var perPage = {}, kept = [];
    for (var r = 0; r < results.length && kept.length < MAX_RESULTS; r++) {
      var url = results[r].page.url;
      perPage[url] = (perPage[url] || 0) + 1;
      if (perPage[url] <= 2) { kept.push(results[r]); }
    }
    return kept;
  }

  // Appends text to an element, wrapping query terms in <mark> (text nodes only).
  function appendMarked(element, text, words) {
    var lower = text.toLowerCase(), position = 0;
    while (position < text.length) {
      var next = -1, length = 0;
      words.forEach(function (w) {
        var found = lower.indexOf(w, position);
        if (found >= 0 && (next < 0 || found < next)) { next = found; length = w.length; }
      });
      if (next < 0) { element.appendChild(document.createTextNode(text.slice(position))); return; }
      if (next > position) { element.appendChild(document.createTextNode(text.slice(position, next))); }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      element.appendChild(mark);
      position = next + length;
    }
  }

  function snippet(text, at) {
    if (at < 0) { return text.slice(0, 120); }
    var start = Math.max(0, at - 50);
    return (start > 0 ? "…" : "") + text.slice(start, start + 140) + (start + 140 < text.length ? "…" : "");
  }

  function setupSearch() {
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    if (!input || !list) { return; }
    var prefix = root.getAttribute("data-root") || "";
    var selected = -1;

    function items() { return list.querySelectorAll("li[role='option']"); }
    function select(index) {
      var all = items();
      if (all.length === 0) { selected = -1; return; }
      selected = (index + all.length) % all.length;
      Array.prototype.forEach.call(all, function (item, i) {
        item.setAttribute("aria-selected", i === selected ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[selected].id);
      all[selected].scrollIntoView({ block: "nearest" });
    }
    function hide() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      selected = -1;
    }
    function show(index) {
      var query = input.value.trim();
      while (list.firstChild) { list.removeChild(list.firstChild); }
      if (!query) { hide(); return; }
      var words = terms(query);
      var results = search(index, query, root.getAttribute("data-environment") || "");
      if (results.length === 0) {
        var empty = document.createElement("li");
        empty.className = "result-empty";
        empty.textContent = "No results for “" + query + "”";
        list.appendChild(empty);
      }
      results.forEach(function (result, i) {
        var item = document.createElement("li");
        item.id = "search-result-" + i;
        item.setAttribute("role", "option");
        var link = document.createElement("a");
        link.href = prefix + result.page.url + (result.section.anchor ? "#" + result.section.anchor : "");
        var title = document.createElement("span");
        title.className = "result-title";
        title.textContent = result.page.title + (result.page.environment ? " — " + result.page.environment : "");
        var heading = document.createElement("span");
        heading.className = "result-heading";
        appendMarked(heading, result.section.heading, words);
        var text = document.createElement("span");
        text.className = "result-snippet";
        appendMarked(text, snippet(result.section.text, result.at), words);
        link.appendChild(title);
        link.appendChild(heading);
        link.appendChild(text);
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      selected = -1;
    }
    function update() { loadIndex(input, show); }

    input.addEventListener("focus", function () { loadIndex(input, function () { if (input.value.trim()) { update(); } }); });
    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); if (list.hidden) { update(); } select(selected + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); select(selected - 1); }
      else if (event.key === "Enter") {
        var all = items();
        var target = all[selected >= 0 ? selected : 0];
        if (target) { event.preventDefault(); window.location.href = target.querySelector("a").href; }
      } else if (event.key === "Escape") {
        if (!list.hidden) { hide(); } else { input.value = ""; input.blur(); }
      }
    });
    document.addEventListener("keydown", function (event) {
      var tag = (event.target && event.target.tagName) || "";
      if (event.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && !event.target.isContentEditable) {
        event.preventDefault();
        input.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest(".search")) { hide(); }
    });
  }

  // Marks the table-of-contents entry of the section being read.
  function setupTocHighlight() {
    var links = document.querySelectorAll(".toc a");
    if (links.length === 0 || !("IntersectionObserver" in window)) { return; }
    var byId = {};
    Array.prototype.forEach.call(links, function (link) { byId[decodeURIComponent(link.hash.slice(1))] = link; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting || !byId[entry.target.id]) { return; }
        Array.prototype.forEach.call(links, function (link) { link.classList.remove("active"); });
        byId[entry.target.id].classList.add("active");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) {
      var heading = document.getElementById(id);
      if (heading) { observer.observe(heading); }
    });
  }

  function start() {
    updateThemeButton();
    var button = document.querySelector(".theme-toggle");
    if (button) { button.addEventListener("click", toggleTheme); }
    setupNavigation();
    setupZoom();
    setupSearch();
    setupTocHighlight();
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
