/*
 * expiry.js: Expiry's client script (part of expiry-runtime, served at /expiry/expiry.js).
 * No dependencies, ES2017, nothing to build.
 *
 *   <script src="/expiry/expiry.js" data-mode="popup"></script>
 *
 * 1. fetch: Expiry.install() (done by the tag itself unless data-install="false") wraps
 *    window.fetch; Expiry.fetch(input, init) is the same without installing. An answer that is
 *    application/problem+json with type .../session-expired or .../access-token-expired is
 *    Expiry's: the user is sent to the login page (the problem's "login" member, else data-login,
 *    where {path} is the page's path and query).
 *    - data-mode="redirect" (default): the whole page goes there; the promise never settles.
 *    - data-mode="popup": the login page opens in a popup; when it sends the popup back to this
 *      page (where this script, seeing it runs in that popup, tells the opener and closes it), or
 *      when the user closes the popup, the request is sent again and the promise resolves with
 *      that answer. Blocked popups get a "Log in again" button on the page instead.
 *    A csrf-token-expired answer is handed back as it is (logging in does not renew the form).
 *    Every Expiry answer also fires an "expiry" event on window (detail: {problem, response}).
 * 2. Forms: on submit, a form marked data-expiry-keep (every form with data-keep-forms="all")
 *    has its fields saved in sessionStorage: never hidden fields, passwords, files, nor names
 *    like csrf, xsrf or token. When a page with the same form (same action and id) is reached
 *    through the login (a redirect, or from another site) within data-keep-seconds (600), the
 *    values are put back once and forgotten; the page brings its own, fresh CSRF token.
 */
(function () {
  'use strict';
  var TYPES = 'https://expiry.dev/problems/';
  var NAME = 'expiry-login';
  var tag = document.currentScript;
  var data = (tag && tag.dataset) || {};
  var options = {mode: data.mode || 'redirect', login: data.login || null,
    keepForms: data.keepForms || 'marked', keepSeconds: Number(data.keepSeconds || 600)};
  var nativeFetch = window.fetch.bind(window);
  var waiting = null;

  // In the login popup, back on the page that opened it: tell that page, and close.
  try {
    var opener = window.opener;
    if (window.name === NAME && opener && opener.location.origin === location.origin
        && opener.location.pathname + opener.location.search === location.pathname + location.search) {
      opener.postMessage({expiry: 'logged-in'}, location.origin);
      window.close();
    }
  } catch (e) { /* an opener of another site: not ours */ }

  function loginUrl(problem) {
    var url = problem.login || options.login;
    return url && url.replace('{path}', encodeURIComponent(location.pathname + location.search));
  }

  async function problemOf(response) {
    var type = (response.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
    if (response.ok || type !== 'application/problem+json') return null;
    try {
      var problem = await response.clone().json();
      return typeof problem.type === 'string' && /^(session|access-token|csrf-token)-expired$/
        .test(problem.type.slice(TYPES.length)) && problem.type.indexOf(TYPES) === 0 ? problem : null;
    } catch (e) { return null; }
  }

  function logIn(url) {
    if (waiting) return waiting;
    waiting = new Promise(function (resolve) {
      var popup = null;
      var timer = null;
      function done() {
        window.removeEventListener('message', onMessage);
        clearInterval(timer);
        if (button) button.remove();
        waiting = null;
        resolve();
      }
      function onMessage(event) {
        if (event.origin === location.origin && event.data && event.data.expiry === 'logged-in') done();
      }
      function open() {
        popup = window.open(url, NAME, 'popup,width=520,height=640');
        if (popup) timer = setInterval(function () { if (popup.closed) done(); }, 300);
        return popup;
      }
      window.addEventListener('message', onMessage);
      var button = null;
      if (!open()) {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'expiry-login';
        button.textContent = 'Log in again';
        button.style.cssText = 'position:fixed;top:1em;right:1em;z-index:2147483647';
        button.onclick = function () { if (open()) { button.remove(); button = null; } };
        document.body.appendChild(button);
      }
    });
    return waiting;
  }

  async function expiryFetch(input, init) {
    var again = input instanceof Request ? input.clone() : input;
    var response = await nativeFetch(input, init);
    var problem = await problemOf(response);
    if (!problem) return response;
    window.dispatchEvent(new CustomEvent('expiry', {detail: {problem: problem, response: response}}));
    var url = loginUrl(problem);
    if (!url || /csrf-token-expired$/.test(problem.type)) return response;
    if (options.mode !== 'popup') {
      location.assign(url);
      return new Promise(function () {});
    }
    await logIn(url);
    return nativeFetch(again, init);
  }

  // --- forms -------------------------------------------------------------------------------
  var SKIP = /^(hidden|password|file|submit|button|reset|image)$/;
  var SECRET = /csrf|xsrf|token|authenticity/i;

  function kept(form) {
    return options.keepForms === 'all' || form.hasAttribute('data-expiry-keep');
  }
  function keyOf(form) {
    var action = new URL(form.action || location.href, location.href);
    return 'expiry-form:' + action.pathname + action.search + '#' + (form.id || form.getAttribute('name') || '');
  }
  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (e) {
      return e.name && !SKIP.test(e.type) && !SECRET.test(e.name);
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !kept(form)) return;
    var values = fields(form).map(function (e) {
      if (e.type === 'checkbox' || e.type === 'radio') return [e.name, e.value, e.checked];
      if (e.type === 'select-multiple') {
        return [e.name, Array.prototype.filter.call(e.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; })];
      }
      return [e.name, e.value];
    });
    try {
      sessionStorage.setItem(keyOf(form), JSON.stringify({page: location.href, time: Date.now(), values: values}));
    } catch (e) { /* storage full or off: the submit goes on */ }
  });

  function throughLogin() {
    var navigation = performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
    var from = document.referrer ? new URL(document.referrer).origin : location.origin;
    return (navigation && navigation.redirectCount > 0) || from !== location.origin;
  }

  function restore() {
    Array.prototype.forEach.call(document.forms, function (form) {
      if (!kept(form)) return;
      var key = keyOf(form);
      var saved = null;
      try { saved = JSON.parse(sessionStorage.getItem(key)); } catch (e) { return; }
      if (!saved) return;
      sessionStorage.removeItem(key);
      if (Date.now() - saved.time > options.keepSeconds * 1000 || saved.page === document.referrer
          || !throughLogin()) return;
      var elements = fields(form);
      saved.values.forEach(function (v) {
        elements.filter(function (e) { return e.name === v[0]; }).forEach(function (e) {
          if (e.type === 'checkbox' || e.type === 'radio') {
            if (e.value === v[1]) e.checked = v[2];
          } else if (e.type === 'select-multiple') {
            Array.prototype.forEach.call(e.options, function (o) { o.selected = v[1].indexOf(o.value) >= 0; });
          } else {
            e.value = v[1];
          }
          e.dispatchEvent(new Event('input', {bubbles: true}));
          e.dispatchEvent(new Event('change', {bubbles: true}));
        });
      });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', restore);
  else restore();

  window.Expiry = {
    fetch: expiryFetch,
    install: function (settings) {
      Object.assign(options, settings || {});
      window.fetch = expiryFetch;
    },
    options: options
  };
  if (data.install !== 'false') window.Expiry.install();
})();
