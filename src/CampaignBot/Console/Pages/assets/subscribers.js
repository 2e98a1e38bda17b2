// Find residents (masked numbers only), see consent and channel status, import a CSV with a
// progress bar and a per-line report, and keep the do-not-contact list.
import { get, del, upload } from './api.js';
import { layout, el, fill, empty, num, when, table, channels, csvLink, showError, notice, $ } from './ui.js';

await layout();
const statuses = { contact: 'Đã liên hệ, chưa đăng ký', subscribed: 'Đang nhận tin', optedOut: 'Đã hủy nhận', opted_out: 'Đã hủy nhận' };

async function search() {
  const phone = $('phone').value.trim();
  const area = $('area').value.trim();
  fill('subscriber');
  if (!phone && !area) { fill('results', el('p', { class: 'hint', text: 'Nhập số điện thoại hoặc mã địa bàn.' })); return; }
  const query = phone ? 'phone=' + encodeURIComponent(phone) : 'area=' + encodeURIComponent(area);
  const path = '/api/admin/subscribers?' + query;
  fill('search-export', area && !phone ? csvLink(path) : null);
  try {
    const page = await get(path);
    if (!page.items.length) { empty('results', 'Không tìm thấy ai.'); return; }
    fill('results', el('p', { text: `${num(page.total)} người` }), table('Kết quả tìm kiếm', [
      { title: 'Số / địa chỉ', value: s => el('button', { type: 'button', class: 'link', onclick: () => show(s.id), text: s.address }) },
      { title: 'Kênh', value: s => channels[s.channel] || s.channel },
      { title: 'Tình trạng', value: s => statuses[s.status] || s.status },
      { title: 'Địa bàn', value: s => s.areaName || s.areaCode || '' },
      { title: 'Đồng ý nhận tin', value: s => s.consentAt ? `${when(s.consentAt)} (${s.consentVia})` : 'Chưa có' },
    ], page.items));
  } catch (e) {
    empty('results');
    showError(e);
  }
}

async function show(id) {
  try {
    const s = await get('/api/admin/subscribers/' + encodeURIComponent(id));
    fill('subscriber', el('h3', { text: s.address }), el('dl', { class: 'preview-facts' },
      el('dt', { text: 'Kênh' }), el('dd', { text: channels[s.channel] || s.channel }),
      el('dt', { text: 'Tình trạng' }), el('dd', { text: statuses[s.status] || s.status }),
      el('dt', { text: 'Địa bàn' }), el('dd', { text: s.areaName ? `${s.areaName} (${s.areaCode})` : (s.areaCode || 'Chưa rõ') }),
      el('dt', { text: 'Chủ đề' }), el('dd', { text: (s.themes || []).join(', ') || 'Tất cả' }),
      el('dt', { text: 'Đồng ý nhận tin' }), el('dd', { text: s.consentAt ? `${when(s.consentAt)} qua ${s.consentVia}` : 'Chưa có' }),
      el('dt', { text: 'Tạo lúc' }), el('dd', { text: when(s.createdAt) }),
      el('dt', { text: 'Nhắn gần nhất' }), el('dd', { text: s.lastInboundAt ? when(s.lastInboundAt) : 'Chưa nhắn' })));
  } catch (e) {
    showError(e);
  }
}

function invalidLines(report, caption) {
  if (!(report.invalid || []).length) return null;
  return [table(caption, [
    { title: 'Dòng', value: l => num(l.line), num: true },
    { title: 'Lỗi', value: l => l.error },
  ], report.invalid), report.invalidNotListed ? el('p', { text: `Và ${num(report.invalidNotListed)} dòng lỗi khác không liệt kê.` }) : null];
}

async function send(fileInput, progress, path, target, describe) {
  const file = fileInput.files[0];
  if (!file) { notice('Chọn một tệp CSV trước.', 'error'); return; }
  progress.value = 0;
  progress.textContent = '0%';
  fill(target, el('p', { text: 'Đang tải lên…' }));
  try {
    const report = await upload(path, file, 'text/csv; charset=utf-8', f => {
      progress.value = Math.round(f * 100);
      progress.textContent = progress.value + '%';
    });
    progress.value = 100;
    fill(target, describe(report));
  } catch (e) {
    fill(target);
    showError(e, target);
  }
}

$('search').addEventListener('submit', e => { e.preventDefault(); search(); });
$('import').addEventListener('submit', e => {
  e.preventDefault();
  send($('import-file'), $('import-progress'), '/api/admin/subscribers/import', $('import-report'), r => [
    el('p', { class: 'notice ok', id: 'import-summary', text: `Đã đọc ${num(r.rows)} dòng: thêm mới ${num(r.created)}, đăng ký thêm ${num(r.subscribed)}, cập nhật ${num(r.updated)}, giữ nguyên người đã hủy ${num(r.keptOptedOut)}, lỗi ${num(r.invalidCount)}.` }),
    invalidLines(r, 'Các dòng không nhập được'),
    (r.ignoredColumns || []).length ? el('p', { class: 'hint', text: 'Cột không dùng: ' + r.ignoredColumns.join(', ') }) : null,
  ]);
});
$('dnc-import').addEventListener('submit', e => {
  e.preventDefault();
  send($('dnc-file'), $('dnc-progress'), '/api/admin/do-not-contact/import', $('dnc-report'), r => [
    el('p', { class: 'notice ok', text: `Đã đọc ${num(r.rows)} dòng: thêm ${num(r.added)}, đã có sẵn ${num(r.alreadyListed)}, lỗi ${num(r.invalidCount)}. Danh sách hiện có ${num(r.listed)} số.` }),
    invalidLines(r, 'Các dòng không thêm được'),
  ]);
});
$('dnc-check').addEventListener('submit', async e => {
  e.preventDefault();
  const phone = $('dnc-phone').value.trim();
  if (!phone) return;
  try {
    const s = await get('/api/admin/do-not-contact/' + encodeURIComponent(phone));
    fill('dnc-status', el('p', { text: s.listed ? `${s.phone} đang trong danh sách không liên hệ.` : `${s.phone} không có trong danh sách.` }),
      s.listed ? el('button', { type: 'button', class: 'danger', text: 'Gỡ khỏi danh sách', onclick: async () => {
        try {
          await del('/api/admin/do-not-contact/' + encodeURIComponent(phone));
          fill('dnc-status', el('p', { text: `Đã gỡ ${s.phone} khỏi danh sách.` }));
        } catch (err) { showError(err, $('dnc-status')); }
      } }) : null);
  } catch (err) {
    showError(err, $('dnc-status'));
  }
});
