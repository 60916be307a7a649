// What every page of the portal does in the browser, host and plugin pages alike, under the strict CSP (no inline
// scripts): times in the viewer's own zone with the time from now, the focus on the first field a form refused, the
// navigation folded into a Menu button on small screens, and tables too wide for a phone scrollable by keyboard.
// Without scripts each still works: times show in the organisation's zone, the navigation wraps.
(function () {
  'use strict';

  var MINUTE = 60 * 1000;
  var DAY_FORMAT = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23', timeZoneName: 'short' };
  var EXACT_FORMAT = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };

  // The zone's short name as the viewer's English knows it: EST for a US viewer, CET for a British or European one.
  var LOCALE = /^en(-|$)/.test(navigator.language || '') ? navigator.language : 'en-GB';

  // "6 Dec 2026, 09:21 CET", as the server writes it, but in the viewer's zone.
  function human(date, options) {
    var parts = {};
    new Intl.DateTimeFormat('en-GB', options).formatToParts(date).forEach(function (p) { parts[p.type] = p.value; });
    new Intl.DateTimeFormat(LOCALE, options).formatToParts(date).forEach(function (p) {
      if (p.type === 'timeZoneName') parts.timeZoneName = p.value;
    });
    return parts.day + ' ' + parts.month + ' ' + parts.year + ', ' + parts.hour + ':' + parts.minute
      + (parts.second ? ':' + parts.second : '')
      + ' ' + parts.timeZoneName;
  }

  function count(n, unit) { return n + ' ' + unit + (n === 1 || unit === 'min' || unit === 'h' ? '' : 's'); }

  // "just now", "3 min ago", "5 h ago", "2 days ago", "in 10 min".
  function relative(date, now) {
    var diff = now - date;
    var past = diff >= 0;
    var abs = Math.abs(diff);
    var text;
    if (abs < MINUTE) return 'just now';
    if (abs < 60 * MINUTE) text = count(Math.floor(abs / MINUTE), 'min');
    else if (abs < 24 * 60 * MINUTE) text = count(Math.floor(abs / (60 * MINUTE)), 'h');
    else if (abs < 60 * 24 * 60 * MINUTE) text = count(Math.floor(abs / (24 * 60 * MINUTE)), 'day');
    else text = count(Math.floor(abs / (30 * 24 * 60 * MINUTE)), 'month');
    return past ? text + ' ago' : 'in ' + text;
  }

  // Every AsOf of the plugin API: <time datetime="2026-12-06T08:21:43Z">6 Dec 2026, 09:21 CET</time>.
  function localTimes(root) {
    var now = Date.now();
    root.querySelectorAll('time[datetime]').forEach(function (el) {
      var instant = el.getAttribute('datetime');
      if (!/T\d\d:\d\d/.test(instant)) return; // a date without a time of day stays as written
      var date = new Date(instant);
      if (isNaN(date.getTime())) return;
      var text = el.querySelector('.as-of-text');
      if (!text) {
        el.textContent = '';
        text = document.createElement('span');
        text.className = 'as-of-text';
        var ago = document.createElement('span');
        ago.className = 'as-of-relative';
        el.appendChild(text);
        el.appendChild(document.createTextNode(' '));
        el.appendChild(ago);
        el.classList.add('as-of');
        el.title = human(date, EXACT_FORMAT) + ' (' + instant + ')';
      }
      text.textContent = human(date, DAY_FORMAT);
      el.querySelector('.as-of-relative').textContent = '(' + relative(date, now) + ')';
    });
  }

  // After a refused form the page comes back with the fields marked; the focus goes to the first, so keyboard and
  // screen reader users land on what to fix instead of the top of the page.
  function focusFirstError(root) {
    var active = document.activeElement;
    if (active && active !== document.body && active !== document.documentElement && root.contains(active)) return;
    var field = root.querySelector('[aria-invalid="true"]');
    var target = field || root.querySelector('.errors[tabindex]');
    if (target) target.focus();
  }

  function collapsibleNavigation() {
    var header = document.querySelector('header.top');
    var toggle = header && header.querySelector('.nav-toggle');
    if (!toggle) return;
    toggle.hidden = false;
    header.classList.add('nav-collapsible');
    toggle.addEventListener('click', function () {
      var open = header.classList.toggle('nav-open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }

  // A table wider than its box scrolls inside it; keyboard users reach the scroll only if it can take the focus.
  function scrollableTables(root) {
    root.querySelectorAll('table').forEach(function (table) {
      if (table.scrollWidth > table.clientWidth + 1) {
        if (!table.hasAttribute('tabindex')) table.setAttribute('tabindex', '0');
      } else if (table.getAttribute('tabindex') === '0') {
        table.removeAttribute('tabindex');
      }
    });
  }

  function enhance(root) {
    localTimes(root);
    focusFirstError(root);
    scrollableTables(root);
  }

  document.addEventListener('DOMContentLoaded', function () {
    collapsibleNavigation();
    enhance(document);
    setInterval(function () { localTimes(document); }, MINUTE);
    window.addEventListener('resize', function () { scrollableTables(document); });
    // htmx swaps parts of a page (the home grid's filters): the new part gets the same treatment.
    document.body.addEventListener('htmx:afterSettle', function (event) { enhance(event.target); });
  });
})();
