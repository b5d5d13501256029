/*
 * expiry.js: Expiry's client script (part of expiry-runtime, served at /expiry/expiry.js).
 * No dependencies, ES2017, nothing to build.
 *
 *   <script src="/expiry/expiry.js" data-mode="popup"></script>
 *
 * 1. fetch and XMLHttpRequest: Expiry.install() (done by the tag itself unless data-install="false")
 *    wraps what window.fetch and window.XMLHttpRequest are at that moment (the XHR wrapper only
 *    where EventTarget can be extended); Expiry.fetch(input, init) and new Expiry.XMLHttpRequest()
 *    are the same without installing. An answer that is not 2xx, is
 *    application/problem+json and has the type .../session-expired or .../access-token-expired is
 *    Expiry's: the user is sent to the login page (the problem's "login" member, else data-login,
 *    where {path} is the page's path and query).
 *    - data-mode="redirect" (default): the whole page goes there; the fetch promise never settles,
 *      the XHR's handlers see nothing more.
 *    - data-mode="popup": the login page opens in a popup; when it sends the popup back to this
 *      page (where this script, seeing it runs in that popup, sends the opener the CSRF tokens of
 *      its meta tags; the opener closes it, else it closes itself a second later), or when the
 *      user closes the popup, the request is sent again, once, and the page gets that answer as if
 *      it were the only one: the fetch promise resolves with it, the XHR's events and state are
 *      the retry's. Requests that get Expiry's answer meanwhile wait for the same login, and so
 *      do same-origin requests with cookies that left while a login after a session expiry was
 *      under way (without the session, whose cookie Expiry's answer deleted) and are refused
 *      with 401 or 403: each is sent again once. Blocked popups get a "Log in again" button on
 *      the page instead.
 *    A csrf-token-expired answer, or one with no login URL, is handed back as it is. Every Expiry
 *    answer also fires an "expiry" event on window (detail: {problem, response}; for an XHR,
 *    response is the native XMLHttpRequest that got the answer).
 *    The XHR wrapper is an XMLHttpRequest to its page (handler properties and listeners, events
 *    and their order, the state at each event, instanceof also of the native class). It holds
 *    back only the answer of an async request that may be Expiry's (not 2xx, problem+json: known
 *    at HEADERS_RECEIVED; the page sees it OPENED meanwhile), reads it at DONE (as text, JSON,
 *    ArrayBuffer or Blob, its responseType) and, if it is not Expiry's, delivers the held events
 *    as they came, each with the state the page would have seen then (too late for a handler to
 *    set responseType); aborted while held, it fires what an abort before the answer fires.
 *    Sync requests, and answers of responseType "document" (not readable as JSON), pass
 *    straight through. The retry is a fresh native XHR with the same open() arguments, headers,
 *    responseType, timeout, withCredentials, MIME override and body; the page sees its events
 *    from HEADERS_RECEIVED on, not its upload events (it saw the first upload's). The wrapper's
 *    events have isTrusted false.
 * 2. CSRF tokens of a retried request: when a login starts, the page's tokens are noted (the
 *    content of <meta name="_csrf"> and <meta name="csrf-token">, the values of the cookies a
 *    script can read whose names contain csrf or xsrf). After the login the page's meta tags take
 *    the popup's tokens, cookies are read again, and in the retried request every header value,
 *    every FormData or URLSearchParams value, and every whole occurrence (not within a run of
 *    letters, digits, - and _; also URL-encoded) in a string body or in a Request's text body
 *    (text/*, JSON, URL-encoded) that equals an old token of 8 characters or more is replaced by
 *    its new one, the newest when it was replaced before. A token found only elsewhere, or in a
 *    Request's multipart or binary body, is sent as it was; the page's hidden fields keep theirs.
 * 3. Forms: on submit, a form marked data-expiry-keep (every form with data-keep-forms="all")
 *    has its fields saved in sessionStorage: never hidden fields, passwords, files, nor names
 *    like csrf, xsrf or token. When a page with the same form (same action and id) is reached
 *    through the login (a redirect, or from another site) within data-keep-seconds (600), the
 *    values are put back once and forgotten; the page brings its own, fresh CSRF token.
 */
(function () {
  'use strict';
  var TYPES = 'https://expiry.dev/problems/';
  var NAME = 'expiry-login';
  var TOKEN_METAS = ['_csrf', 'csrf-token'];
  var tag = document.currentScript;
  var data = (tag && tag.dataset) || {};
  var options = {mode: data.mode || 'redirect', login: data.login || null,
    keepForms: data.keepForms || 'marked', keepSeconds: Number(data.keepSeconds || 600)};
  var nativeFetch = window.fetch.bind(window);
  var NativeXHR = window.XMLHttpRequest;
  var waiting = null;
  var renewals = new Map(); // a CSRF token the page had before a login -> the one it has since

  function whenParsed(run) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
    else run();
  }

  // In the login popup, back on the page that opened it: tell that page, which closes the popup.
  try {
    var opener = window.opener;
    if (window.name === NAME && opener && opener.location.origin === location.origin
        && opener.location.pathname + opener.location.search === location.pathname + location.search) {
      whenParsed(function () {
        opener.postMessage({expiry: 'logged-in', csrf: metaTokens()}, location.origin);
        setTimeout(function () { window.close(); }, 1000); // if the page no longer waits for it
      });
    }
  } catch (e) { /* an opener of another site: not ours */ }

  function loginUrl(problem) {
    var url = problem.login || options.login;
    return url && url.replace('{path}', encodeURIComponent(location.pathname + location.search));
  }

  // Whether an answer may be Expiry's, known from its status and headers alone.
  function mayBeExpiry(ok, contentType) {
    return !ok && (contentType || '').split(';')[0].trim().toLowerCase() === 'application/problem+json';
  }

  // The problem, if the parsed body is one of Expiry's.
  function expiryProblem(problem) {
    return problem && typeof problem.type === 'string' && problem.type.indexOf(TYPES) === 0
      && /^(session|access-token|csrf-token)-expired$/.test(problem.type.slice(TYPES.length)) ? problem : null;
  }

  // A same-origin request with cookies that left while the login after a session expiry was under
  // way went without the session (Expiry's answer deleted its stale cookie): refused (401, 403;
  // also a csrf-token-expired problem, the token having lived in the session), it waits for that
  // login and is sent again. Not after an access token's expiry: the session is still there.
  function leftLoggedOut(pending, status, url, credentials) {
    if (!pending || !pending.session || (status !== 401 && status !== 403) || credentials === 'omit') return null;
    try { return new URL(url, location.href).origin === location.origin ? pending : null; } catch (e) { return null; }
  }

  async function problemOf(response) {
    if (!mayBeExpiry(response.ok, response.headers.get('Content-Type'))) return null;
    try { return expiryProblem(await response.clone().json()); } catch (e) { return null; }
  }

  // After an answer of Expiry's: null to hand it back as it is, else a promise that settles when
  // the request may be sent again (never, when the whole page goes to the login page).
  function afterExpiry(problem, response) {
    window.dispatchEvent(new CustomEvent('expiry', {detail: {problem: problem, response: response}}));
    var url = loginUrl(problem);
    if (!url || /csrf-token-expired$/.test(problem.type)) return null;
    if (options.mode !== 'popup') {
      location.assign(url);
      return new Promise(function () {});
    }
    return logIn(url, /session-expired$/.test(problem.type));
  }

  // The login in the popup, shared by every request that waits for it; "session" tells whether a
  // session expired (then requests that left meanwhile went without it).
  function logIn(url, session) {
    if (waiting) {
      waiting.session = waiting.session || session;
      return waiting;
    }
    var before = tokens();
    waiting = new Promise(function (resolve) {
      var popup = null;
      var timer = null;
      function done(fresh) {
        window.removeEventListener('message', onMessage);
        clearInterval(timer);
        if (button) button.remove();
        renewTokens(before, fresh);
        waiting = null;
        resolve();
      }
      function onMessage(event) {
        if (event.origin === location.origin && event.source === popup && event.data
            && event.data.expiry === 'logged-in') {
          done(event.data.csrf);
          popup.close();
        }
      }
      function open() {
        popup = window.open(url, NAME, 'popup,width=520,height=640');
        if (popup) timer = setInterval(function () { if (popup.closed) done(null); }, 300);
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
    waiting.session = session;
    return waiting;
  }

  // --- CSRF tokens of a retried request ----------------------------------------------------------
  function metaTokens() {
    var found = {};
    TOKEN_METAS.forEach(function (name) {
      var meta = document.querySelector('meta[name="' + name + '"]');
      if (meta) found[name] = meta.content;
    });
    return found;
  }
  function tokens() {
    var cookies = {};
    document.cookie.split(';').forEach(function (cookie) {
      var i = cookie.indexOf('=');
      var name = cookie.slice(0, i).trim();
      if (i > 0 && /csrf|xsrf/i.test(name)) cookies[name] = cookie.slice(i + 1).trim();
    });
    return {meta: metaTokens(), cookies: cookies};
  }
  function decoded(value) {
    try { return decodeURIComponent(value); } catch (e) { return value; }
  }

  // The page's meta tags take the fresh page's tokens; each token the page had is mapped to its new one.
  function renewTokens(before, fresh) {
    TOKEN_METAS.forEach(function (name) {
      var meta = document.querySelector('meta[name="' + name + '"]');
      if (meta && fresh && typeof fresh[name] === 'string') meta.content = fresh[name];
    });
    var after = tokens();
    Object.keys(before.meta).forEach(function (name) { renew(before.meta[name], after.meta[name]); });
    Object.keys(before.cookies).forEach(function (name) {
      var now = after.cookies[name];
      renew(before.cookies[name], now);
      if (now !== undefined) renew(decoded(before.cookies[name]), decoded(now));
    });
  }
  function renew(old, now) {
    if (typeof now !== 'string' || old === now || old.length < 8) return;
    renewals.forEach(function (next, earlier) { if (next === old) renewals.set(earlier, now); });
    renewals.set(old, now);
  }

  function renewed(value) {
    return renewals.has(value) ? renewals.get(value) : value;
  }
  function renewedText(text) {
    renewals.forEach(function (now, old) {
      [[old, now], [encodeURIComponent(old), encodeURIComponent(now)]].forEach(function (pair, i) {
        if (i && pair[0] === old) return;
        var whole = new RegExp('(^|[^\\w-])' + pair[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?![\\w-])', 'g');
        text = text.replace(whole, function (match, before) { return before + pair[1]; });
      });
    });
    return text;
  }
  function renewedBody(body) {
    if (typeof body === 'string') return renewedText(body);
    if (body instanceof URLSearchParams || body instanceof FormData) {
      var copy = body instanceof FormData ? new FormData() : new URLSearchParams();
      body.forEach(function (value, name) { copy.append(name, typeof value === 'string' ? renewed(value) : value); });
      return copy;
    }
    return body;
  }

  // --- fetch -------------------------------------------------------------------------------------
  async function expiryFetch(input, init) {
    var again = input instanceof Request ? input.clone() : input;
    var pending = waiting;
    var response = await nativeFetch(input, init);
    var problem = await problemOf(response);
    var ready = (problem && afterExpiry(problem, response)) || leftLoggedOut(pending, response.status,
      input instanceof Request ? input.url : String(input),
      (init && init.credentials) || (input instanceof Request ? input.credentials : 'same-origin'));
    if (!ready) return response;
    await ready;
    return nativeFetch(again, await renewedInit(again, init));
  }

  async function renewedInit(input, init) {
    if (!renewals.size) return init;
    var request = input instanceof Request ? input : null;
    var next = Object.assign({}, init);
    var headers = new Headers(init && init.headers != null ? init.headers : request ? request.headers : undefined);
    var changed = false;
    Array.from(headers).forEach(function (header) {
      var value = renewed(header[1]);
      if (value !== header[1]) { headers.set(header[0], value); changed = true; }
    });
    if (changed) next.headers = headers;
    if (init && init.body != null) {
      next.body = renewedBody(init.body);
    } else if (request && request.body
        && /^(text\/|application\/(x-www-form-urlencoded|json)|[^;]*\+json)/i.test(headers.get('Content-Type') || '')) {
      next.body = renewedText(await request.clone().text());
    }
    return next;
  }

  // --- XMLHttpRequest ----------------------------------------------------------------------------
  var EVENTS = ['readystatechange', 'loadstart', 'progress', 'abort', 'error', 'load', 'timeout', 'loadend'];
  var TEXT = /^(|text)$/;
  var states = new WeakMap();

  // Each wrapper drives a native XHR (a fresh one for the retry) and delivers its events, except
  // while an answer that may be Expiry's arrives (phase "holding") and while it is read, and the
  // user logs in (phase "waiting"); then "view" is what the page sees of the state.
  // The wrapper needs an EventTarget it can extend (Chrome 64, Firefox 59, Safari 14 and later);
  // without one, XMLHttpRequest is left as it is and only fetch is wrapped.
  var XHR_WRAPPED = (function () { try { return !!new EventTarget(); } catch (e) { return false; } })();
  class ExpiryXMLHttpRequest extends (XHR_WRAPPED ? EventTarget : Object) {
    constructor() {
      super();
      var xhr = new NativeXHR();
      states.set(this, {first: xhr, xhr: xhr, phase: 'live', view: null, held: null, retrying: false,
        generation: 0, request: null, mime: null, handlers: {}});
      watch(this, xhr);
    }
    open(method, url) {
      var s = states.get(this);
      var previous = s.xhr;
      s.generation++;
      s.phase = 'live';
      s.view = s.held = null;
      s.retrying = false;
      s.xhr = s.first;
      if (previous !== s.first) previous.abort();
      s.request = {open: Array.prototype.slice.call(arguments), async: arguments.length < 3 || !!arguments[2],
        headers: [], body: null};
      s.first.open.apply(s.first, arguments);
      if (previous !== s.first) copySettings(previous, s.first);
    }
    setRequestHeader(name, value) {
      var s = states.get(this);
      s.xhr.setRequestHeader(name, value);
      s.request.headers.push([name, value]);
    }
    overrideMimeType(mime) {
      var s = states.get(this);
      s.xhr.overrideMimeType(mime);
      s.mime = mime;
    }
    send(body) {
      var s = states.get(this);
      if (s.request) {
        s.request.body = body;
        s.request.pending = waiting;
      }
      s.xhr.send(body);
    }
    abort() {
      var s = states.get(this);
      var phase = s.phase;
      if (phase !== 'live') {
        s.generation++;
        s.phase = 'live';
        s.view = s.held = null;
      }
      s.xhr.abort(); // holding: the native events of an abort before the answer, which the page never saw
      if (phase === 'waiting') { // the answer is in: a native abort now fires nothing
        s.view = snapshot(s.xhr, 4);
        var generation = s.generation;
        for (var i = 0; i < 3 && s.generation === generation; i++) {
          fire(this, ['readystatechange', 'abort', 'loadend'][i], {lengthComputable: false, loaded: 0, total: 0});
        }
        if (s.generation === generation) s.view = null;
      }
    }
    getResponseHeader(name) {
      var s = states.get(this);
      if (!s.view) return s.xhr.getResponseHeader(name);
      var prefix = String(name).toLowerCase() + ':';
      var line = s.view.headers.split('\r\n').filter(function (h) { return h.indexOf(prefix) === 0; })[0];
      return line === undefined ? null : line.slice(prefix.length).trim();
    }
    getAllResponseHeaders() { return shown(this, 'headers', 'getAllResponseHeaders'); }
    get readyState() { return shown(this, 'readyState'); }
    get status() { return shown(this, 'status'); }
    get statusText() { return shown(this, 'statusText'); }
    get responseURL() { return shown(this, 'responseURL'); }
    get responseText() {
      var s = states.get(this);
      return s.view && TEXT.test(s.xhr.responseType) ? s.view.text : s.xhr.responseText;
    }
    get response() {
      var s = states.get(this);
      if (s.view && s.view.readyState < 4) return TEXT.test(s.xhr.responseType) ? s.view.text : null;
      return s.xhr.response;
    }
    get responseXML() {
      var s = states.get(this);
      return s.view && s.view.readyState < 4 && /^(|document)$/.test(s.xhr.responseType) ? null : s.xhr.responseXML;
    }
    get responseType() { return states.get(this).xhr.responseType; }
    set responseType(value) { states.get(this).xhr.responseType = value; }
    get timeout() { return states.get(this).xhr.timeout; }
    set timeout(value) { states.get(this).xhr.timeout = value; }
    get withCredentials() { return states.get(this).xhr.withCredentials; }
    set withCredentials(value) { states.get(this).xhr.withCredentials = value; }
    get upload() { return states.get(this).first.upload; }
  }
  // Instances are XMLHttpRequests to instanceof (also to the native class) and to toString.
  Object.setPrototypeOf(ExpiryXMLHttpRequest.prototype, NativeXHR.prototype);
  ['UNSENT', 'OPENED', 'HEADERS_RECEIVED', 'LOADING', 'DONE'].forEach(function (name, value) {
    Object.defineProperty(ExpiryXMLHttpRequest, name, {value: value, enumerable: true});
  });
  EVENTS.forEach(function (type) {
    Object.defineProperty(ExpiryXMLHttpRequest.prototype, 'on' + type, {
      configurable: true, enumerable: true,
      get: function () {
        var entry = states.get(this).handlers[type];
        return entry ? entry.handler : null;
      },
      set: function (handler) { // an event handler: a listener added when first set, removed with null
        var handlers = states.get(this).handlers;
        var entry = handlers[type];
        if (typeof handler !== 'function') {
          if (entry) EventTarget.prototype.removeEventListener.call(this, type, entry.listener);
          delete handlers[type];
        } else if (entry) {
          entry.handler = handler;
        } else {
          entry = handlers[type] = {handler: handler, listener: function (event) {
            if (entry.handler.call(this, event) === false) event.preventDefault();
          }};
          EventTarget.prototype.addEventListener.call(this, type, entry.listener);
        }
      }
    });
  });

  // What the page sees of the state: the view while one is shown, else the native XHR's.
  function shown(target, name, method) {
    var s = states.get(target);
    return s.view ? s.view[name] : method ? s.xhr[method]() : s.xhr[name];
  }

  // The state as the page saw it at an event (readyState given: the state after an abort, or before an answer).
  function snapshot(xhr, readyState) {
    var answered = readyState === undefined;
    return {readyState: answered ? xhr.readyState : readyState, status: answered ? xhr.status : 0,
      statusText: answered ? xhr.statusText : '', responseURL: answered ? xhr.responseURL : '',
      headers: answered ? xhr.getAllResponseHeaders() : '', text: answered && TEXT.test(xhr.responseType) ? xhr.responseText : ''};
  }

  function fire(target, type, progress) {
    EventTarget.prototype.dispatchEvent.call(target, type === 'readystatechange' ? new Event(type)
      : new ProgressEvent(type, {lengthComputable: progress.lengthComputable, loaded: progress.loaded, total: progress.total}));
  }

  function copySettings(from, to) {
    ['responseType', 'timeout', 'withCredentials'].forEach(function (name) {
      try { to[name] = from[name]; } catch (e) { /* not settable for this request (a sync one) */ }
    });
  }

  function watch(target, xhr) {
    function listener(event) {
      var s = states.get(target);
      if (xhr !== s.xhr) return; // a retry the page has since replaced with another request
      if (s.retrying && xhr.readyState === 1) return; // the retry's open and loadstart: the page saw the first's
      if (s.phase === 'live' && !s.retrying && s.request.async && event.type === 'readystatechange'
          && xhr.readyState === 2 && /^(|text|json|arraybuffer|blob)$/.test(xhr.responseType)
          && (mayBeExpiry(xhr.status >= 200 && xhr.status < 300, xhr.getResponseHeader('Content-Type'))
            || leftLoggedOut(s.request.pending, xhr.status, s.request.open[1]))) {
        s.phase = 'holding';
        s.held = [];
        s.view = snapshot(xhr, 1);
      }
      if (s.phase !== 'holding') return fire(target, event.type, event);
      s.held.push({event: {type: event.type, lengthComputable: event.lengthComputable, loaded: event.loaded,
        total: event.total}, view: snapshot(xhr)});
      if (event.type === 'loadend') decide(target, s);
    }
    EVENTS.forEach(function (type) { xhr.addEventListener(type, listener); });
  }

  // The held answer is complete: Expiry's (then log in and retry), or delivered as it came.
  function decide(target, s) {
    var xhr = s.xhr;
    var held = s.held;
    var generation = s.generation;
    var loaded = held.some(function (h) { return h.event.type === 'load'; });
    s.phase = 'waiting';
    Promise.resolve().then(function () { return loaded ? json(xhr) : null; }).then(expiryProblem, function () { return null; })
      .then(function (problem) {
        if (s.generation !== generation) return;
        var ready = (problem && afterExpiry(problem, xhr))
          || (loaded && leftLoggedOut(s.request.pending, xhr.status, s.request.open[1]));
        if (!ready) return replay(target, s, held);
        ready.then(function () { if (s.generation === generation) retry(target, s, held); });
      });
  }

  function json(xhr) {
    switch (xhr.responseType) {
      case 'json': return xhr.response;
      case 'arraybuffer': return JSON.parse(new TextDecoder().decode(xhr.response));
      case 'blob': return xhr.response.text().then(JSON.parse);
      default: return JSON.parse(xhr.responseText);
    }
  }

  function replay(target, s, held) {
    var generation = s.generation;
    s.phase = 'live';
    s.held = null;
    for (var i = 0; i < held.length && s.generation === generation; i++) {
      s.view = held[i].view;
      fire(target, held[i].event.type, held[i].event);
    }
    if (s.generation === generation) s.view = null;
  }

  function retry(target, s, held) {
    var previous = s.xhr;
    var request = s.request;
    var xhr = new NativeXHR();
    watch(target, xhr);
    s.xhr = xhr;
    s.retrying = true;
    s.phase = 'live';
    s.view = null;
    try {
      xhr.open.apply(xhr, request.open);
      copySettings(previous, xhr);
      if (s.mime) xhr.overrideMimeType(s.mime);
      request.headers.forEach(function (header) { xhr.setRequestHeader(header[0], renewed(String(header[1]))); });
      xhr.send(renewedBody(request.body));
    } catch (e) { // it cannot be sent again: the first answer, as it came
      s.xhr = previous;
      s.retrying = false;
      replay(target, s, held);
    }
  }

  // --- forms -------------------------------------------------------------------------------------
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
  whenParsed(restore);

  window.Expiry = {
    fetch: expiryFetch,
    XMLHttpRequest: XHR_WRAPPED ? ExpiryXMLHttpRequest : NativeXHR,
    install: function (settings) {
      Object.assign(options, settings || {});
      // What is there now, another library's wrapper included, is what Expiry's wrappers call.
      if (window.fetch !== expiryFetch) {
        nativeFetch = window.fetch.bind(window);
        window.fetch = expiryFetch;
      }
      if (XHR_WRAPPED && window.XMLHttpRequest !== ExpiryXMLHttpRequest) {
        NativeXHR = window.XMLHttpRequest;
        window.XMLHttpRequest = ExpiryXMLHttpRequest;
      }
    },
    options: options
  };
  if (data.install !== 'false') window.Expiry.install();
})();
