// Widgets and cells, built with DOM calls and textContent only: data is never parsed as HTML.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A stored value as text, exactly: NULL shown as such, numbers as the server sent them. */
export function cell(value) {
  if (value === null || value === undefined) return el('span', { class: 'null' }, 'NULL');
  return document.createTextNode(String(value));
}

export function rowsTable(columns, types, rows) {
  const head = el('tr', {}, ...columns.map((c) => el('th', {}, c)));
  const body = rows.map((row) =>
    el('tr', {}, ...row.map((v, i) => el('td', { class: isNumeric(types[i]) ? 'num' : null }, cell(v)))));
  return el('div', { class: 'scroll' }, el('table', {}, el('thead', {}, head), el('tbody', {}, ...body)));
}

export function isNumeric(type) {
  return type !== null && type !== undefined && /int|real|num|float|double|dec/i.test(type);
}

const charts = new Map();

/** Renders one widget's card content; charts are updated in place. */
export function renderWidget(card, widget) {
  card.dataset.kind = widget.kind;
  const body = el('div', { class: 'body' });
  if (widget.error) {
    body.append(el('div', { class: 'error' }, widget.error));
  } else if (widget.kind === 'number') {
    const value = widget.rows.length && widget.rows[0].length ? widget.rows[0][0] : null;
    body.append(el('div', { class: 'number' }, cell(value)));
  } else if (widget.kind === 'list') {
    body.append(el('ul', { class: 'list' },
      ...widget.rows.map((row) => el('li', {}, row.map((v) => (v === null ? 'NULL' : String(v))).join(' — ')))));
    if (!widget.rows.length) body.append(el('div', { class: 'muted' }, 'nothing yet'));
  } else if (widget.kind === 'table') {
    body.append(rowsTable(widget.columns, widget.types, widget.rows));
  } else {
    body.append(chart(widget));
  }
  const footer = el('div', { class: 'refreshed' },
    (widget.note ? widget.note + ' · ' : '') + 'refreshed ' + new Date(widget.refreshedAt).toLocaleTimeString()
    + (widget.truncated ? ' · first rows only' : ''));
  card.replaceChildren(el('h3', {}, widget.title), body, footer);
}

function chart(widget) {
  const box = el('div', { class: 'chart' });
  const canvas = el('canvas', { 'aria-label': widget.title, role: 'img' });
  box.append(canvas);
  if (typeof Chart === 'undefined') {
    box.replaceChildren(el('div', { class: 'error' }, 'the chart library did not load'));
    return box;
  }
  const old = charts.get(widget.title);
  if (old) old.destroy();
  const labels = widget.rows.map((row) => (row[0] === null ? 'NULL' : String(row[0])));
  const datasets = widget.columns.slice(1).map((name, i) => ({
    label: name,
    data: widget.rows.map((row) => (row[i + 1] === null ? null : Number(row[i + 1]))),
    borderWidth: 2,
  }));
  charts.set(widget.title, new Chart(canvas, {
    type: widget.kind === 'line' ? 'line' : 'bar',
    data: { labels, datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: datasets.length > 1 } } },
  }));
  return box;
}
