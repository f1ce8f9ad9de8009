// The idcard-mock dashboard: the live journal (server-sent events from ../events), one request's detail,
// scenario bindings per credential and coverage. Plain DOM and no build step, so the emulator serves it
// as it is. Everything that comes from the server is put in as text (text nodes, textContent, attribute
// values), never parsed as HTML: the journal holds whatever callers sent.

// The page keeps no more rows than the journal keeps by default.
const MAX_ROWS = 1000;
const $ = (id) => document.getElementById(id);
const rows = $('entries').tBodies[0];
/** requestId → journal entry, for the rows on the page. */
const entries = new Map();
const callers = new Set();
/** GET ../scenarios, loaded each time the Scenarios tab is shown: { "provider:Action": [{ name, description, source }] }. */
let scenarios;

/** An element with attributes, listeners (`on…`) and children; strings and numbers become text nodes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(typeof child === 'object' ? child : String(child));
  }
  return node;
}

/** fetch that throws the admin API's `error` message on a failed status. */
async function call(url, init) {
  const res = await fetch(url, init);
  const body = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(body?.error ?? `${init?.method ?? 'GET'} ${url}: HTTP ${res.status}`);
  return body;
}

function showError(err) {
  $('page-error').textContent = err instanceof Error ? err.message : String(err);
}

// ---- tabs

async function showTab(name, prefill) {
  for (const tab of document.querySelectorAll('[role=tab]')) {
    const on = tab.getAttribute('aria-controls') === name;
    tab.setAttribute('aria-selected', String(on));
    $(tab.getAttribute('aria-controls')).hidden = !on;
  }
  $('page-error').textContent = '';
  try {
    if (name === 'scenarios') await openScenarios(prefill);
    if (name === 'coverage') await refreshCoverage();
  } catch (err) {
    showError(err);
  }
}

// ---- the live journal

function connect() {
  // EventSource reconnects by itself and sends Last-Event-ID; the server then replays only what was missed.
  const source = new EventSource('../events');
  const status = $('status');
  source.addEventListener('open', () => { status.dataset.state = 'live'; status.textContent = 'live'; });
  source.addEventListener('error', () => {
    status.dataset.state = 'offline';
    status.textContent = source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…';
  });
  source.addEventListener('entry', (ev) => addEntry(JSON.parse(ev.data)));
}

function addEntry(e) {
  if (entries.has(e.requestId)) return;
  entries.set(e.requestId, e);
  if (e.caller && e.caller !== 'anonymous' && !callers.has(e.caller)) {
    callers.add(e.caller);
    $('callers').append(el('option', { value: e.caller }));
  }
  const open = () => openDetail(e.requestId);
  const row = el('tr', { 'data-request-id': e.requestId, tabindex: 0, class: e.outcome === 'ok' ? 'ok' : 'failed', onclick: open, onkeydown: (k) => { if (k.key === 'Enter') open(); } },
    el('td', { title: e.time }, e.time.slice(11, 23)),
    el('td', {}, e.action ?? e.request?.path ?? ''),
    el('td', { class: 'caller' }, e.caller ?? ''),
    el('td', {}, e.style ?? ''),
    el('td', {}, e.scenarios.join(', ')),
    el('td', { class: 'outcome' }, e.outcome),
    el('td', { class: 'num' }, e.status),
    el('td', { class: 'num' }, e.durationMs));
  filterRow(row);
  rows.prepend(row);
  while (rows.rows.length > MAX_ROWS) {
    entries.delete(rows.lastElementChild.dataset.requestId);
    rows.lastElementChild.remove();
  }
  $('no-entries').hidden = true;
  if (!$('coverage').hidden) refreshCoverage().catch(showError);
}

function filterRow(row) {
  const q = $('filter').value.trim().toLowerCase();
  row.hidden = q !== '' && !row.textContent.toLowerCase().includes(q);
}

// ---- one request's detail

/** A definition list of [label, value] pairs, leaving out the empty ones. */
function facts(pairs) {
  return el('dl', {}, pairs.filter(([, v]) => v !== undefined && v !== '').flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function block(label, value) {
  if (value === undefined) return undefined;
  return [el('h4', {}, label), el('pre', {}, typeof value === 'string' ? value : JSON.stringify(value, null, 2))];
}

function part(name, title, ...children) {
  return el('section', { 'data-part': name }, el('h3', {}, title), ...children);
}

function openDetail(id) {
  const e = entries.get(id);
  if (!e) return;
  for (const r of rows.rows) r.classList.toggle('selected', r.dataset.requestId === id);
  const canSteer = e.caller && e.caller !== 'anonymous';
  const parts = [
    el('header', {},
      el('h2', {}, `${e.action ?? e.request?.path ?? 'request'} → ${e.outcome}`),
      el('button', { type: 'button', class: 'close', 'aria-label': 'Close the detail', onclick: closeDetail }, '×')),
    facts([['request id', e.requestId], ['time', e.time], ['provider', e.flavor ? `${e.provider} (${e.flavor})` : e.provider],
      ['caller', e.caller], ['signing', e.style], ['HTTP status', e.status], ['duration', `${e.durationMs} ms`], ['stages', (e.stages ?? []).join(' → ')]]),
    canSteer && el('button', { type: 'button', id: 'steer', onclick: () => showTab('scenarios', { credential: e.caller, api: `${e.provider}:${e.action}` }) },
      `Bind a scenario for ${e.caller}`),
    part('decision', 'Scenario decision',
      facts([['rule', e.rule ?? 'none'], ['scenarios', e.scenarios.join(', ') || 'none']]),
      e.notices.length > 0 && el('ul', { class: 'notices' }, e.notices.map((n) => el('li', {}, n)))),
    e.diagnosis && part('diagnosis', 'Signature diagnosis',
      el('p', { class: 'cause' }, e.diagnosis.cause),
      block('our canonical request', e.diagnosis.canonicalRequest),
      block('our string to sign', e.diagnosis.stringToSign)),
    part('request', 'Request (masked)',
      el('p', {}, `${e.request?.method ?? ''} ${e.request?.path ?? ''}`),
      block('headers', e.request?.headers),
      block('parameters', e.request?.params)),
    part('response', 'Response (masked)',
      el('p', {}, `HTTP ${e.status}`),
      block('headers', e.response?.headers),
      block('body', e.response?.body)),
  ];
  // Leaving out the parts this entry lacks: replaceChildren would print them as "undefined".
  $('detail').replaceChildren(...parts.filter(Boolean));
  $('detail').hidden = false;
}

function closeDetail() {
  $('detail').hidden = true;
  for (const r of rows.rows) r.classList.remove('selected');
}

// ---- scenarios per credential

async function openScenarios(prefill) {
  // Fetched each time: with --watch, scenario files come and go while the page is open.
  const api = prefill?.api ?? $('api').value;
  const picked = $('scenario').value;
  scenarios = await call('../scenarios');
  $('api').replaceChildren(...Object.keys(scenarios).map((key) => el('option', { value: key }, key)));
  if (scenarios[api]) $('api').value = api;
  if (prefill?.credential) $('credential').value = prefill.credential;
  else if (!$('credential').value && callers.size) $('credential').value = [...callers].at(-1);
  fillScenarios();
  if (!prefill && [...$('scenario').options].some((o) => o.value === picked)) $('scenario').value = picked;
  describeScenario();
  await refreshBindings();
}

function fillScenarios() {
  const list = scenarios[$('api').value] ?? [];
  const group = (label, items) => items.length > 0 && el('optgroup', { label }, items.map((s) => el('option', { value: s.name, title: s.description }, s.name)));
  $('scenario').replaceChildren(...[
    group('Scenario files', list.filter((s) => s.source !== 'catalog')),
    group('Codes of the catalog', list.filter((s) => s.source === 'catalog')),
  ].filter(Boolean));
  describeScenario();
}

function describeScenario() {
  const s = (scenarios?.[$('api').value] ?? []).find((x) => x.name === $('scenario').value);
  $('scenario-description').textContent = s ? `${s.description} (${s.source})` : '';
}

async function bind(ev) {
  ev.preventDefault();
  $('bind-error').textContent = '';
  const credential = $('credential').value.trim();
  try {
    await call(`../bindings/${encodeURIComponent(credential)}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: $('scenario').value }),
    });
  } catch (err) {
    $('bind-error').textContent = err.message;
  }
  await refreshBindings();
}

function describeBinding(b) {
  const what = b.scenario ?? `steps: ${b.steps.map((s) => s.scenario ?? JSON.stringify(s)).join(' → ')}`;
  return b.repeatLast === false ? `${what} (then nothing)` : what;
}

let bindingsTurn = 0;

/**
 * GET ../bindings and ../active into the table. Refreshes can overlap (the tab shown, a bind, a removal): only the
 * latest started writes the table, so an answer read before a removal cannot put the removed row back.
 */
async function refreshBindings() {
  const turn = ++bindingsTurn;
  const [all, active] = await Promise.all([call('../bindings'), call('../active')]);
  if (turn !== bindingsTurn) return;
  const unbind = (credential) => () => call(`../bindings/${encodeURIComponent(credential)}`, { method: 'DELETE' }).then(refreshBindings).catch(showError);
  $('bindings').tBodies[0].replaceChildren(...Object.entries(all).map(([credential, b]) => el('tr', { 'data-credential': credential },
    el('td', { class: 'caller' }, credential),
    el('td', {}, describeBinding(b)),
    el('td', { class: 'num' }, b.times ?? ''),
    el('td', {}, el('button', { type: 'button', onclick: unbind(credential) }, 'Remove')))));
  $('active').textContent = active ? `Server-wide active scenario (for callers without a binding): ${describeBinding(active)}` : '';
}

// ---- coverage

let coverageBusy = false;
let coverageAgain = false;

/** GET ../coverage into the table; while one is in flight, new requests ask for one more afterwards, not one each. */
async function refreshCoverage() {
  if (coverageBusy) {
    coverageAgain = true;
    return;
  }
  coverageBusy = true;
  try {
    renderCoverage(await call('../coverage'));
  } finally {
    coverageBusy = false;
  }
  if (coverageAgain) {
    coverageAgain = false;
    await refreshCoverage();
  }
}

function renderCoverage(report) {
  $('coverage-table').tBodies[0].replaceChildren(...Object.entries(report).map(([api, c]) => {
    const untested = ['errors', 'warnings', 'results']
      .map((kind) => [kind, Object.entries(c[kind] ?? {}).filter(([, seen]) => !seen).map(([code]) => code)])
      .filter(([, codes]) => codes.length > 0);
    const count = untested.reduce((n, [, codes]) => n + codes.length, 0);
    return el('tr', { 'data-api': api },
      el('td', {}, api),
      el('td', { class: 'num' }, `${c.covered} / ${c.total}`),
      el('td', { class: 'num' }, el('meter', { min: 0, max: 100, value: c.percent }), ` ${c.percent}%`),
      el('td', {}, count === 0 ? 'all tested' : el('details', {},
        el('summary', {}, `${count} untested`),
        untested.map(([kind, codes]) => el('p', {}, el('strong', {}, `${kind}: `), codes.join(', '))))));
  }));
}

// ---- start

for (const tab of document.querySelectorAll('[role=tab]')) tab.addEventListener('click', () => showTab(tab.getAttribute('aria-controls')));
$('filter').addEventListener('input', () => { for (const r of rows.rows) filterRow(r); });
$('api').addEventListener('change', fillScenarios);
$('scenario').addEventListener('change', describeScenario);
$('bind-form').addEventListener('submit', bind);
$('coverage-refresh').addEventListener('click', () => refreshCoverage().catch(showError));
document.addEventListener('keydown', (k) => { if (k.key === 'Escape') closeDetail(); });
connect();
