// The table browser: one table at a time, paged, sorted, filtered by the server.
import { el, cell, isNumeric } from './render.js';

export class TableBrowser {
  constructor(slug, container, tables) {
    this.slug = slug;
    this.container = container;
    this.state = { name: tables[0] || null, page: 0, size: 50, sort: '', dir: 'asc', filter: '', column: '' };
    this.tables = tables;
  }

  async show() {
    if (!this.state.name) {
      this.container.replaceChildren(el('div', { class: 'muted' }, 'This pocket has no tables yet.'));
      return;
    }
    const s = this.state;
    const query = new URLSearchParams({ name: s.name, page: s.page, size: s.size, dir: s.dir });
    if (s.sort) query.set('sort', s.sort);
    if (s.filter) query.set('filter', s.filter);
    if (s.column) query.set('column', s.column);
    const response = await fetch(`/api/pockets/${encodeURIComponent(this.slug)}/table?${query}`, { credentials: 'same-origin' });
    const page = await response.json();
    if (!response.ok) {
      this.container.replaceChildren(this.controls([]), el('div', { class: 'error' }, page.error));
      return;
    }
    this.container.replaceChildren(this.controls(page.columns), this.grid(page), this.pager(page));
  }

  controls(columns) {
    const s = this.state;
    const tableSelect = el('select', { 'aria-label': 'table', id: 'table-select' },
      ...this.tables.map((t) => { const o = el('option', { value: t }, t); o.selected = t === s.name; return o; }));
    tableSelect.addEventListener('change', () => { Object.assign(s, { name: tableSelect.value, page: 0, sort: '', filter: '', column: '' }); this.show(); });
    const filter = el('input', { type: 'search', placeholder: 'filter', 'aria-label': 'filter', id: 'table-filter', value: s.filter });
    const column = el('select', { 'aria-label': 'filter column' }, el('option', { value: '' }, 'any column'),
      ...columns.map((c) => { const o = el('option', { value: c.name }, c.name); o.selected = c.name === s.column; return o; }));
    const apply = el('button', { type: 'button' }, 'Filter');
    const run = () => { Object.assign(s, { filter: filter.value, column: column.value, page: 0 }); this.show(); };
    apply.addEventListener('click', run);
    filter.addEventListener('keydown', (e) => { if (e.key === 'Enter') run(); });
    return el('div', { class: 'controls' }, tableSelect, filter, column, apply);
  }

  grid(page) {
    const s = this.state;
    const head = el('tr', {}, ...page.columns.map((c) => {
      const arrow = s.sort === c.name ? (s.dir === 'asc' ? ' ▲' : ' ▼') : '';
      const button = el('button', { type: 'button', title: 'sort by ' + c.name }, c.name + arrow);
      button.addEventListener('click', () => {
        s.dir = s.sort === c.name && s.dir === 'asc' ? 'desc' : 'asc';
        s.sort = c.name;
        this.show();
      });
      return el('th', {}, button, el('span', { class: 'type' }, (c.declaredType || 'any') + (c.primaryKey ? ' · key' : '')));
    }));
    const declared = page.columns.map((c) => c.declaredType);
    const body = page.rows.rows.map((row) =>
      el('tr', {}, ...row.map((v, i) => el('td', { class: isNumeric(declared[i]) ? 'num' : null }, cell(v)))));
    return el('div', { class: 'scroll' }, el('table', { id: 'table-rows' }, el('thead', {}, head), el('tbody', {}, ...body)));
  }

  pager(page) {
    const s = this.state;
    const last = Math.max(0, Math.ceil(page.matching / page.size) - 1);
    const previous = el('button', { type: 'button' }, '‹ previous');
    const next = el('button', { type: 'button' }, 'next ›');
    previous.disabled = s.page <= 0;
    next.disabled = s.page >= last;
    previous.addEventListener('click', () => { s.page -= 1; this.show(); });
    next.addEventListener('click', () => { s.page += 1; this.show(); });
    return el('div', { class: 'controls' }, previous,
      el('span', { class: 'muted' }, `page ${s.page + 1} of ${last + 1} · ${page.matching} rows`), next);
  }
}
