// Small DOM helpers shared by the pages. Text always goes in through textContent: nothing an
// officer or a resident typed is ever parsed as HTML.
import { me, post, csvUrl, ApiError } from './api.js';

/** Creates an element: attrs are attributes (on* are listeners), children are nodes or text. */
export function el(tag, attrs = {}, ...children) {
  const node = tag.includes(':') ? document.createElementNS('http://www.w3.org/2000/svg', tag.split(':')[1]) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = String(value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(target, ...children) {
  const node = typeof target === 'string' ? document.getElementById(target) : target;
  node.replaceChildren();
  append(node, children);
  return node;
}

export const $ = id => document.getElementById(id);

/** The page-wide message under the header: kind ok, error or info. */
export function notice(message, kind = 'info') {
  const box = $('notice');
  if (!message) { box.hidden = true; box.textContent = ''; return; }
  box.className = 'notice ' + kind;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.textContent = message;
  box.hidden = false;
}

/** Shows an error from the API (with its field errors) in the notice or in a given element. */
export function showError(error, where) {
  const message = error instanceof ApiError ? error.message : 'Đã có lỗi xảy ra. Vui lòng thử lại.';
  const fields = error instanceof ApiError ? error.fields : [];
  const detail = error instanceof ApiError && !fields.length && error.problem.detail && error.status !== 404 ? error.problem.detail : null;
  const box = where || $('notice');
  box.className = (where ? '' : 'notice ') + 'error';
  box.setAttribute('role', 'alert');
  fill(box, el('p', { text: message }),
    fields.length ? el('ul', {}, fields.map(f => el('li', { text: `${fieldName(f.field)}: ${f.message}` }))) : null,
    detail ? el('p', { class: 'hint', text: 'Chi tiết: ' + detail }) : null);
  box.hidden = false;
}

const fieldNames = {
  title: 'Tên chiến dịch', 'audience.areaCodes': 'Địa bàn', 'audience.channels': 'Kênh', 'audience.topics': 'Chủ đề',
  'audience.language': 'Ngôn ngữ', schedule: 'Lịch gửi', 'schedule.at': 'Thời điểm gửi', 'schedule.cron': 'Lịch lặp',
  'schedule.start': 'Ngày bắt đầu', 'schedule.end': 'Ngày kết thúc', 'schedule.seriesId': 'Chuỗi tin', 'schedule.localHour': 'Giờ gửi',
  message: 'Nội dung', reason: 'Lý do', phone: 'Số điện thoại', area: 'Địa bàn',
};

function fieldName(field) {
  const base = String(field || '').replace(/\[\d+\]/g, '');
  if (base.startsWith('message.')) return base.endsWith('sms') ? 'Nội dung SMS' : 'Nội dung tin nhắn';
  return fieldNames[base] || field;
}

/** "Chưa có dữ liệu" in a section whose data cannot be shown (yet). */
export function empty(target, text = 'Chưa có dữ liệu.') {
  return fill(target, el('p', { class: 'empty', text }));
}

const numberFormat = new Intl.NumberFormat('vi-VN');
export const num = n => numberFormat.format(Number(n || 0));

const dateTime = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
/** An instant (ISO with offset) or a local ISO time, shown in Vietnam time. */
export function when(value) {
  if (!value) return '';
  const text = String(value);
  const hasZone = /[zZ]|[+-]\d\d:\d\d$/.test(text);
  const date = new Date(hasZone ? text : text + '+07:00');
  return Number.isNaN(date.getTime()) ? text : dateTime.format(date);
}

export const campaignStatuses = {
  draft: 'Bản nháp', submitted: 'Chờ duyệt', approved: 'Đã duyệt', scheduled: 'Đã lên lịch', running: 'Đang chạy',
  paused: 'Tạm dừng', completed: 'Hoàn thành', cancelled: 'Đã hủy',
};
export const occurrenceStatuses = { planning: 'Đang chuẩn bị', sending: 'Đang gửi', completed: 'Đã gửi xong', missed: 'Bị lỡ', cancelled: 'Đã hủy' };
export const channels = { sms: 'SMS', zalo: 'Zalo', messenger: 'Messenger', botframework: 'Bot Framework', webchat: 'Trò chuyện web' };
export const reasons = {
  opted_out: 'Đã hủy nhận tin', do_not_contact: 'Trong danh sách không liên hệ', frequency_cap: 'Vượt giới hạn số tin',
  outside_window: 'Ngoài khung giờ cho phép', cancelled: 'Chiến dịch bị hủy', not_subscribed: 'Chưa đăng ký', gave_up: 'Thử lại nhiều lần không được',
  undelivered: 'Không đến được máy',
};
export const roles = { officer: 'Cán bộ', approver: 'Người duyệt', admin: 'Quản trị' };

export function badge(status, labels) {
  return el('span', { class: 'badge status-' + status, text: labels[status] || status });
}

/** A table from columns [{ title, value(row) → text|Node, num? }]; caption for screen readers and printouts. */
export function table(caption, columns, rows) {
  return el('table', {},
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, columns.map(c => el('th', { scope: 'col', class: c.num ? 'num' : null, text: c.title })))),
    el('tbody', {}, rows.map(row => el('tr', {}, columns.map(c => el('td', { class: c.num ? 'num' : null }, c.value(row)))))));
}

/** A link that downloads the same list as CSV (the API answers ?format=csv). */
export function csvLink(path, label = 'Tải về CSV') {
  return el('a', { class: 'button secondary', href: csvUrl(path), download: '' , text: label });
}

/** The id in /console/things/{id}. */
export function pathId() {
  const parts = location.pathname.split('/').filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1]);
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

/** Header: menu toggle, current page, who is signed in, admin links, sign out. Returns the officer or null. */
export async function layout() {
  const toggle = $('menu-toggle');
  const nav = $('site-nav');
  toggle.addEventListener('click', () => {
    const open = nav.classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  });
  const page = document.body.dataset.page;
  const current = document.querySelector(`#site-nav a[data-nav="${page === 'campaign' ? 'campaigns' : page === 'occurrence' ? 'campaigns' : page}"]`);
  if (current) current.setAttribute('aria-current', 'page');
  $('logout').addEventListener('click', async () => {
    try { await post('/console/logout'); } catch { /* signed out either way */ }
    location.assign('/console/login');
  });
  const officer = await me();
  if (officer) {
    $('who-name').textContent = `${officer.name} (${roles[officer.role] || officer.role})`;
    if (officer.role === 'admin') document.querySelectorAll('.admin-only').forEach(n => { n.hidden = false; });
  }
  return officer;
}
