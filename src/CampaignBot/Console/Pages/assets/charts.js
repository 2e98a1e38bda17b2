// SVG charts drawn with DOM calls (no library, nothing inline for the CSP to refuse). Each chart
// is an <svg role="img"> with a title and a description that says the numbers in words.
import { el, num, reasons } from './ui.js';

const svg = (name, attrs, ...children) => el('svg:' + name, attrs, ...children);

/**
 * The delivery funnel as horizontal bars: targeted → sent → delivered, then skipped and failed by
 * reason. stats is an occurrence's stats object.
 */
export function funnelChart(stats, caption = 'Kết quả gửi') {
  const rows = [
    { label: 'Đối tượng', value: stats.targeted || 0, kind: 'targeted' },
    { label: 'Đã gửi', value: stats.sent || 0, kind: 'sent' },
    { label: 'Đã nhận', value: stats.delivered || 0, kind: 'delivered' },
  ];
  for (const [reason, n] of Object.entries(stats.skipped || {})) rows.push({ label: 'Bỏ qua: ' + (reasons[reason] || reason), value: n, kind: 'skipped' });
  for (const [reason, n] of Object.entries(stats.failed || {})) rows.push({ label: 'Lỗi: ' + (reasons[reason] || reason), value: n, kind: 'failed' });
  const max = Math.max(1, ...rows.map(r => r.value));
  const width = 600, labelWidth = 230, bar = 22, gap = 10, valueWidth = 70;
  const height = rows.length * (bar + gap) + gap;
  const chart = svg('svg', { class: 'chart funnel', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': '' },
    svg('title', { text: caption }),
    svg('desc', { text: rows.map(r => `${r.label}: ${num(r.value)}`).join('; ') }));
  rows.forEach((r, i) => {
    const y = gap + i * (bar + gap);
    const w = Math.max(r.value > 0 ? 2 : 0, (width - labelWidth - valueWidth) * r.value / max);
    chart.append(
      svg('text', { x: labelWidth - 8, y: y + bar * 0.7, 'text-anchor': 'end', text: r.label }),
      svg('rect', { x: labelWidth, y, width: w, height: bar, class: 'fill-' + r.kind, 'data-kind': r.kind, 'data-value': r.value }),
      svg('text', { x: labelWidth + w + 6, y: y + bar * 0.7, text: num(r.value), class: 'bar-value' }));
  });
  labelled(chart);
  return chart;
}

/**
 * Lines over time: points are [{ at, sent, failed, skipped }] (cumulative, local ISO minutes);
 * one line per series key, with a few time labels on the x axis.
 */
export function lineChart(points, series = [['sent', 'Đã gửi'], ['failed', 'Lỗi'], ['skipped', 'Bỏ qua']], caption = 'Diễn biến theo thời gian') {
  const width = 600, height = 260, left = 50, right = 12, top = 12, bottom = 36;
  const max = Math.max(1, ...points.flatMap(p => series.map(([key]) => p[key] || 0)));
  const x = i => left + (points.length <= 1 ? (width - left - right) / 2 : i * (width - left - right) / (points.length - 1));
  const y = v => top + (height - top - bottom) * (1 - v / max);
  const last = points[points.length - 1] || {};
  const chart = svg('svg', { class: 'chart line-chart', viewBox: `0 0 ${width} ${height}`, role: 'img' },
    svg('title', { text: caption }),
    svg('desc', { text: points.length ? `${points.length} mốc thời gian; cuối cùng: ` + series.map(([k, label]) => `${label} ${num(last[k])}`).join(', ') : 'Chưa có dữ liệu' }));
  for (let t = 0; t <= 4; t++) {
    const v = Math.round(max * t / 4);
    chart.append(svg('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), class: 'grid-line' }),
      svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', text: num(v) }));
  }
  chart.append(svg('line', { x1: left, x2: left, y1: top, y2: height - bottom, class: 'axis' }),
    svg('line', { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: 'axis' }));
  const ticks = Math.min(points.length, 5);
  for (let t = 0; t < ticks; t++) {
    const i = ticks === 1 ? 0 : Math.round(t * (points.length - 1) / (ticks - 1));
    const label = String(points[i].at || '').slice(11, 16);
    chart.append(svg('text', { x: x(i), y: height - bottom + 18, 'text-anchor': 'middle', text: label }));
  }
  for (const [key] of series) {
    const coords = points.map((p, i) => `${x(i).toFixed(1)},${y(p[key] || 0).toFixed(1)}`).join(' ');
    if (points.length === 1) chart.append(svg('circle', { cx: x(0), cy: y(points[0][key] || 0), r: 3, class: 'fill-' + key }));
    else if (points.length) chart.append(svg('polyline', { points: coords, class: 'line stroke-' + key, 'data-series': key }));
  }
  labelled(chart);
  return chart;
}

/** A legend for the chart colours. */
export function legend(items) {
  return el('ul', { class: 'legend' }, items.map(([kind, label]) => el('li', {}, el('span', { class: 'swatch fill-' + kind, 'aria-hidden': 'true' }), label)));
}

let ids = 0;
function labelled(chart) {
  const id = 'chart-' + (++ids);
  const [title, desc] = chart.querySelectorAll('title, desc');
  title.id = id + '-t';
  desc.id = id + '-d';
  chart.setAttribute('aria-labelledby', title.id);
  chart.setAttribute('aria-describedby', desc.id);
}
