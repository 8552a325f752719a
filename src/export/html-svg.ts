/**
 * The pictures of the HTML report, drawn by cxray as inline SVG (no script, no font, no
 * network): a journey's systems and integrations as boxes and arrows, and a small line
 * chart of a figure across cycles. Every label goes through `esc`. Pure.
 */
import type { Report, ReportJourney } from '../core/report-schema.js';
import { esc } from './html-text.js';
import { integrationLabel, isSensitive, journeyIntegrations } from './markdown.js';

const BOX_W = 180;
const BOX_H = 46;
const GAP_X = 150;
const GAP_Y = 86;
/** Room left and right for the labels of links that leave the first or last column. */
const MARGIN = 80;
const PER_ROW = 3;

/** Cuts a label to `max` characters, with an ellipsis. */
function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The map of one journey: its systems, and the integrations between them and out of them. */
export function journeyMapSvg(report: Report, journey: ReportJourney): string | null {
  const systems = new Map(report.systems.map((s) => [s.id, s]));
  const inJourney = new Set(journey.systemIds);
  const integrations = journeyIntegrations(report, inJourney);
  const ids: string[] = [...journey.systemIds];
  for (const i of integrations) for (const id of [i.from, i.to]) if (!ids.includes(id)) ids.push(id);
  if (ids.length === 0) return null;
  const columns = Math.min(PER_ROW, ids.length);
  const rows = Math.ceil(ids.length / PER_ROW);
  const width = columns * BOX_W + (columns - 1) * GAP_X + 2 * MARGIN;
  const height = rows * BOX_H + (rows - 1) * GAP_Y + 20;
  const at = new Map(ids.map((id, n) => [id, { x: MARGIN + (n % PER_ROW) * (BOX_W + GAP_X), y: 10 + Math.floor(n / PER_ROW) * (BOX_H + GAP_Y) }]));

  const parts: string[] = [];
  parts.push(
    `<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(`Systems and integrations of ${journey.name}`)}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker>',
    '<marker id="arrow-risk" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c62828"/></marker></defs>',
  );
  integrations.forEach((integration, n) => {
    const from = at.get(integration.from)!;
    const to = at.get(integration.to)!;
    const risky = isSensitive(integration);
    const [x1, y1, x2, y2] = edge(from, to);
    // A bend, so that two links between the same pair (both ways) do not overlap.
    const bend = 22 + (n % 3) * 10;
    const mx = (x1 + x2) / 2 + ((y2 - y1) / Math.hypot(x2 - x1, y2 - y1 || 1)) * bend;
    const my = (y1 + y2) / 2 - ((x2 - x1) / Math.hypot(x2 - x1, y2 - y1 || 1)) * bend;
    const stroke = risky ? 'stroke="#c62828" stroke-dasharray="6 4" stroke-width="2"' : 'stroke="#444" stroke-width="1.5"';
    parts.push(
      `<path class="link" d="M${r(x1)},${r(y1)} Q${r(mx)},${r(my)} ${r(x2)},${r(y2)}" fill="none" ${stroke} marker-end="url(#${risky ? 'arrow-risk' : 'arrow'})"/>`,
      `<text class="link-label${risky ? ' risk' : ''}" x="${r((x1 + 2 * mx + x2) / 4)}" y="${r((y1 + 2 * my + y2) / 4)}" text-anchor="middle">${esc(cut(integrationLabel(integration), 36))}</text>`,
    );
  });
  for (const id of ids) {
    const { x, y } = at.get(id)!;
    const system = systems.get(id);
    const outside = !inJourney.has(id);
    parts.push(
      `<g class="system"><rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="6" fill="${outside ? '#f5f5f5' : '#e8eef9'}" stroke="#37474f" stroke-width="1.2"${outside ? ' stroke-dasharray="4 3"' : ''}/>`,
      `<text x="${x + BOX_W / 2}" y="${y + 19}" text-anchor="middle" class="system-name">${esc(cut(system?.name ?? id, 26))}</text>`,
      `<text x="${x + BOX_W / 2}" y="${y + 36}" text-anchor="middle" class="system-kind">${esc(system ? system.kind.replace(/-/g, ' ') : 'not described')}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

const r = (x: number) => String(Math.round(x * 10) / 10);

/** From the edge of one box to the edge of the other, along the line between their centres. */
function edge(from: { x: number; y: number }, to: { x: number; y: number }): [number, number, number, number] {
  const cx1 = from.x + BOX_W / 2;
  const cy1 = from.y + BOX_H / 2;
  const cx2 = to.x + BOX_W / 2;
  const cy2 = to.y + BOX_H / 2;
  const dx = cx2 - cx1;
  const dy = cy2 - cy1;
  const scale = (dx0: number, dy0: number) => Math.min(Math.abs(BOX_W / 2 / (dx0 || 1e-9)), Math.abs(BOX_H / 2 / (dy0 || 1e-9)));
  const s = scale(dx, dy);
  const pad = 4;
  const len = Math.hypot(dx, dy) || 1;
  return [cx1 + dx * s + (dx / len) * pad, cy1 + dy * s + (dy / len) * pad, cx2 - dx * s - (dx / len) * pad, cy2 - dy * s - (dy / len) * pad];
}

/**
 * A small line chart of a 0-100 figure across cycles (oldest first), on a fixed scale so
 * charts compare; a dot per cycle with a figure, a gap where there is none. `label`
 * names it for screen readers.
 */
export function trendSvg(series: readonly (number | null)[], label: string, points: readonly string[]): string {
  const w = 220;
  const h = 56;
  const pad = 8;
  const step = series.length > 1 ? (w - 2 * pad) / (series.length - 1) : 0;
  const x = (i: number) => pad + i * step;
  const y = (v: number) => h - pad - ((h - 2 * pad) * v) / 100;
  const segments: string[] = [];
  let current: string[] = [];
  series.forEach((v, i) => {
    if (v === null) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${r(x(i))},${r(y(v))}`);
  });
  if (current.length > 1) segments.push(current.join(' '));
  const dots = series
    .map((v, i) => (v === null ? '' : `<circle cx="${r(x(i))}" cy="${r(y(v))}" r="3" fill="#263238"><title>${esc(`${points[i] ?? ''}: ${Math.round(v)}`)}</title></circle>`))
    .join('');
  return [
    `<svg class="trend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(label)}">`,
    `<rect x="0" y="0" width="${w}" height="${h}" fill="#fafafa" stroke="#cfd8dc"/>`,
    `<line x1="${pad}" x2="${w - pad}" y1="${r(y(50))}" y2="${r(y(50))}" stroke="#cfd8dc" stroke-dasharray="2 3"/>`,
    ...segments.map((p) => `<polyline points="${p}" fill="none" stroke="#263238" stroke-width="2"/>`),
    dots,
    '</svg>',
  ].join('');
}
