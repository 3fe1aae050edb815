// The dashboard page: the pockets page at /, a pocket's page at /pockets/SLUG.
import { el, renderWidget } from './render.js';
import { TableBrowser } from './tables.js';

const main = document.getElementById('main');
const live = document.getElementById('live');

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

async function pocketsPage() {
  const pockets = await getJson('/api/pockets');
  live.textContent = '';
  if (!pockets.length) {
    main.replaceChildren(el('p', {}, 'No pockets yet. Connect a service with: paw connect NAME --pocket POCKET'));
    return;
  }
  main.replaceChildren(el('div', { class: 'grid' }, ...pockets.map((p) => el('div', { class: 'card pocket-card' },
    el('a', { class: 'pocket', href: '/pockets/' + encodeURIComponent(p.slug) }, p.name),
    el('div', { class: 'health-' + p.health }, 'health: ' + p.health),
    el('div', { class: 'muted' }, 'last sync: ' + (p.lastSync || 'never')),
    el('div', {}, 'connections: ' + (p.connections.map((c) => `${c.connector} (${c.state})`).join(', ') || 'none')),
    el('div', {}, 'tables: ' + (p.tables.map((t) => `${t.name} (${t.rows})`).join(', ') || 'none'))))));
}

async function pocketPage(slug) {
  const pocket = await getJson(`/api/pockets/${encodeURIComponent(slug)}`);
  document.title = `paw · ${pocket.name}`;
  document.getElementById('crumb').textContent = `› ${pocket.name}`;
  const problems = el('div', { class: 'problems', id: 'widget-problems' });
  const widgets = el('div', { class: 'grid', id: 'widgets' });
  const tables = el('div', { class: 'card wide', id: 'tables' });
  main.replaceChildren(problems, el('h2', {}, 'Widgets'), widgets, el('h2', {}, 'Tables'), tables);
  const browser = new TableBrowser(slug, tables, pocket.tables.map((t) => t.name));
  const cards = new Map();

  async function refresh() {
    const board = await getJson(`/api/pockets/${encodeURIComponent(slug)}/widgets`);
    problems.textContent = board.problems.join('\n');
    const seen = new Set();
    for (const widget of board.widgets) {
      seen.add(widget.title);
      let card = cards.get(widget.title);
      if (!card) {
        card = el('div', { class: 'card widget', 'data-title': widget.title });
        if (widget.kind === 'table' || widget.kind === 'bar' || widget.kind === 'line') card.classList.add('chart-card');
        cards.set(widget.title, card);
      }
      widgets.append(card); // keeps the server's order
      renderWidget(card, widget);
    }
    for (const [title, card] of cards) {
      if (!seen.has(title)) { card.remove(); cards.delete(title); }
    }
    document.body.dataset.refreshed = board.widgets.length ? board.widgets[0].refreshedAt : '';
  }

  await refresh();
  await browser.show();
  const events = new EventSource(`/api/pockets/${encodeURIComponent(slug)}/events`);
  events.addEventListener('open', () => { live.textContent = 'live'; });
  events.addEventListener('error', () => { live.textContent = 'reconnecting…'; });
  events.addEventListener('change', async () => {
    await refresh();
    await browser.show();
  });
}

const match = location.pathname.match(/^\/pockets\/([^/]+)$/);
(match ? pocketPage(decodeURIComponent(match[1])) : pocketsPage()).catch((error) => {
  main.replaceChildren(el('p', { class: 'error' }, 'Could not load: ' + error.message));
});
