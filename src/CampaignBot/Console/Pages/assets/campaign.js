// One campaign: its status, lifecycle buttons, fires and occurrences; and the editor with live
// previews (message, audience size, next fires), all computed by the API.
import { get, post, put, ApiError } from './api.js';
import { layout, el, fill, empty, num, when, table, badge, campaignStatuses, occurrenceStatuses, channels, csvLink, showError, notice, pathId, debounce, $ } from './ui.js';
import { scheduleText } from './review.js';

const officer = await layout();
const isNew = location.pathname.replace(/\/$/, '').endsWith('/campaigns/new');
const id = isNew ? null : pathId();
let campaign = null;
let seriesList = [];
const editableStatuses = new Set(['draft', 'submitted', 'approved', 'scheduled', 'paused']);

// ----- pickers -----
async function loadPickers() {
  const [areas, topics, series] = await Promise.all([
    get('/api/admin/areas').catch(() => null),
    get('/api/admin/topics').catch(() => null),
    get('/api/admin/series').catch(() => null),
  ]);
  if (areas && areas.length) {
    fill('areas', areas.map(a => el('label', { class: a.level },
      el('input', { type: 'checkbox', name: 'area', value: a.code }), ` ${a.name} (${a.code})`)));
  } else {
    empty('areas');
  }
  if (topics && topics.length) {
    fill('topics', topics.map(t => el('label', {}, el('input', { type: 'checkbox', name: 'topic', value: t.id }), ' ' + t.name)));
  } else {
    empty('topics');
  }
  seriesList = series || [];
  fill('series', seriesList.map(s => el('option', { value: s.id, text: s.title })));
  if (!seriesList.length) $('series').append(el('option', { value: '', text: 'Chưa có chuỗi tin nào' }));
}

// ----- reading and writing the form -----
const checked = name => [...document.querySelectorAll(`input[name="${name}"]:checked`)].map(i => i.value);
const kind = () => (document.querySelector('input[name="kind"]:checked') || {}).value || 'oneOff';

function cron() {
  const repeat = $('repeat').value;
  if (repeat === 'cron') return $('cron').value.trim();
  const [h, m] = ($('time').value.match(/^(\d{1,2}):(\d{2})$/) || [null, '8', '0']).slice(1).map(Number);
  if (repeat === 'weekly') return `0 ${m} ${h} ? * ${$('weekday').value}`;
  if (repeat === 'monthly') return `0 ${m} ${h} ${Number($('monthday').value) || 1} * ?`;
  return `0 ${m} ${h} * * ?`;
}

function schedule() {
  switch (kind()) {
    case 'recurring': return { kind: 'recurring', cron: cron(), start: $('start').value || null, end: $('end').value || null };
    case 'drip': return { kind: 'drip', seriesId: $('series').value, localHour: Number($('hour').value) };
    default: return { kind: 'oneOff', at: $('at').value ? ($('at').value.length === 16 ? $('at').value + ':00' : $('at').value) : null };
  }
}

function audience() {
  return { areaCodes: checked('area'), channels: checked('channel'), topics: checked('topic'), language: $('language').value };
}

function definition() {
  return {
    title: $('title').value.trim(),
    audience: audience(),
    message: kind() === 'drip' ? null : { [$('language').value]: { chat: $('chat').value, sms: $('sms').value } },
    schedule: schedule(),
  };
}

function setChecks(name, values) {
  const wanted = new Set(values || []);
  document.querySelectorAll(`input[name="${name}"]`).forEach(i => { i.checked = wanted.has(i.value); });
}

function showForm(c) {
  $('title').value = c.title;
  setChecks('area', c.audience.areaCodes);
  setChecks('channel', c.audience.channels);
  setChecks('topic', c.audience.topics);
  $('language').value = c.audience.language || 'vi';
  const text = (c.message || {})[c.audience.language || 'vi'] || {};
  $('chat').value = text.chat || '';
  $('sms').value = text.sms || '';
  const s = c.schedule;
  document.querySelector(`input[name="kind"][value="${s.kind}"]`).checked = true;
  if (s.kind === 'oneOff') $('at').value = String(s.at).slice(0, 16);
  if (s.kind === 'recurring') {
    $('start').value = s.start || '';
    $('end').value = s.end || '';
    const p = String(s.cron).split(/\s+/);
    const simple = p.length === 6 && p[0] === '0' && /^\d+$/.test(p[1]) && /^\d+$/.test(p[2]) && p[4] === '*';
    const time = simple ? `${p[2].padStart(2, '0')}:${p[1].padStart(2, '0')}` : null;
    if (simple && p[3] === '*' && p[5] === '?') { $('repeat').value = 'daily'; $('time').value = time; }
    else if (simple && p[3] === '?' && /^[A-Z]{3}$/.test(p[5])) { $('repeat').value = 'weekly'; $('weekday').value = p[5]; $('time').value = time; }
    else if (simple && /^\d+$/.test(p[3]) && p[5] === '?') { $('repeat').value = 'monthly'; $('monthday').value = p[3]; $('time').value = time; }
    else { $('repeat').value = 'cron'; $('cron').value = s.cron; }
  }
  if (s.kind === 'drip') { $('series').value = s.seriesId; $('hour').value = s.localHour; }
}

function showKind() {
  const k = kind();
  for (const name of ['oneOff', 'recurring', 'drip']) $('kind-' + name).hidden = name !== k;
  $('message-section').hidden = k === 'drip';
  const repeat = $('repeat').value;
  $('repeat-day-week').hidden = repeat !== 'weekly';
  $('repeat-day-month').hidden = repeat !== 'monthly';
  $('repeat-time').hidden = repeat === 'cron';
  $('repeat-cron').hidden = repeat !== 'cron';
  const series = seriesList.find(s => s.id === $('series').value);
  if (k === 'drip' && series) {
    fill('series-steps', el('p', { text: series.description }), table('Các tin trong chuỗi', [
      { title: 'Ngày thứ', value: s => num(s.offsetDays), num: true },
      { title: 'Tin trò chuyện', value: s => s.chat },
      { title: 'Tin SMS', value: s => s.sms },
    ], series.steps));
  } else {
    fill('series-steps');
  }
}

// ----- live previews -----
let previewAbort;
const previewMessage = debounce(async () => {
  $('preview-chat').textContent = $('chat').value;
  previewAbort?.abort();
  previewAbort = new AbortController();
  const areaCode = checked('area')[0];
  try {
    const p = await post('/api/admin/preview/message', { chat: $('chat').value, sms: $('sms').value, areaCode }, { signal: previewAbort.signal });
    const sms = p.sms || {};
    $('preview-chat').textContent = (p.chat || {}).text ?? $('chat').value;
    $('preview-sms').textContent = sms.text || '';
    const cost = sms.pricePerSegment != null ? `${num(sms.pricePerSegment * sms.segments)} ${sms.currency || ''} mỗi người (${num(sms.pricePerSegment)} ${sms.currency || ''}/phần)` : 'Chưa có giá';
    fill('sms-facts',
      el('dt', { text: 'Bảng mã' }), el('dd', { id: 'sms-encoding', text: sms.encoding === 'UCS-2' ? 'UCS-2 (có dấu)' : 'GSM-7 (không dấu)' }),
      el('dt', { text: 'Số ký tự' }), el('dd', { id: 'sms-characters', text: num(sms.characters) }),
      el('dt', { text: 'Số phần tin' }), el('dd', { id: 'sms-segments', 'data-segments': sms.segments, text: num(sms.segments) }),
      el('dt', { text: 'Chi phí ước tính' }), el('dd', { id: 'sms-cost', text: cost }),
      sms.shortened ? el('dt', { text: 'Lưu ý' }) : null, sms.shortened ? el('dd', { text: 'Tin đã được rút gọn khi gửi.' }) : null);
    const saves = sms.unaccentingSaves || 0;
    $('unaccent-warning').hidden = saves <= 0;
    $('unaccent-warning').textContent = saves > 0
      ? `Tin đang gửi có dấu (${num((sms.withMarks || {}).segments)} phần). Viết không dấu sẽ bớt ${num(saves)} phần tin mỗi người (còn ${num((sms.withoutMarks || {}).segments)} phần).`
      : '';
  } catch (e) {
    if (e && e.name === 'AbortError') return;
    $('preview-sms').textContent = $('sms').value;
    fill('sms-facts', el('dt', { text: 'Số phần tin' }), el('dd', { class: 'empty', text: 'Chưa có dữ liệu' }));
  }
}, 300);

const estimate = debounce(async () => {
  const a = audience();
  const box = $('estimate');
  if (!a.areaCodes.length || !a.channels.length) {
    box.className = 'notice info';
    box.textContent = 'Chọn địa bàn và kênh để xem số người nhận dự kiến.';
    return;
  }
  try {
    const e = await post('/api/admin/audience/estimate', a);
    box.className = 'notice info';
    fill(box, el('p', {}, 'Dự kiến tối đa ', el('strong', { id: 'estimate-total', text: num(e.total) }), ' người nhận: ',
      Object.entries(e.byChannel || {}).map(([c, n]) => `${channels[c] || c} ${num(n)}`).join(', ') + '.'),
    el('p', { class: 'hint', text: 'Con số trước khi trừ người đã hủy nhận, danh sách không liên hệ và giờ yên lặng' + (e.topicsApplied ? '.' : '; chưa lọc theo chủ đề.') }));
  } catch (err) {
    showError(err, box);
  }
}, 400);

const previewSchedule = debounce(async () => {
  const s = schedule();
  try {
    const p = await post('/api/admin/schedule/preview', { schedule: s });
    fill('schedule-preview', p.summary ? el('p', { text: p.summary }) : null,
      (p.fires || []).length ? el('ol', { class: 'fires', id: 'fires' }, p.fires.map(f => el('li', { text: f.text || when(f.local) }))) : el('p', { class: 'empty', text: 'Lịch này không còn lần gửi nào.' }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 400) showError(e, $('schedule-preview'));
    else fill('schedule-preview', el('p', { text: scheduleText(s) }), el('p', { class: 'empty', text: 'Chưa có dữ liệu về các lần gửi tới.' }));
  }
}, 400);

// ----- the campaign's status and its moves -----
async function showDetail() {
  $('detail').hidden = false;
  $('page-title').textContent = campaign.title;
  document.title = campaign.title + ' · Bảng điều khiển cán bộ';
  fill('facts', el('dl', { class: 'preview-facts' },
    el('dt', { text: 'Trạng thái' }), el('dd', { id: 'campaign-status', 'data-status': campaign.status }, badge(campaign.status, campaignStatuses)),
    el('dt', { text: 'Lịch' }), el('dd', { text: scheduleText(campaign.schedule) }),
    el('dt', { text: 'Cập nhật' }), el('dd', { text: when(campaign.updatedAt) }),
    campaign.approvedBy ? [el('dt', { text: 'Người duyệt' }), el('dd', { text: campaign.approvedBy + ' · ' + when(campaign.approvedAt) })] : null));
  const rejection = campaign.lastRejection;
  $('rejection').hidden = !rejection || campaign.status !== 'draft';
  if (rejection) $('rejection').textContent = `Chiến dịch bị trả lại lúc ${when(rejection.at)}: ${rejection.reason}`;

  const moves = [];
  const mine = !officer || officer.id === campaign.ownerId;
  if (campaign.status === 'draft' && mine) moves.push(['submit', 'Gửi duyệt', '']);
  if (campaign.status === 'submitted' && !mine) moves.push(['approve', 'Duyệt', '']);
  if (['scheduled', 'running', 'approved'].includes(campaign.status)) moves.push(['pause', 'Tạm dừng', 'secondary']);
  if (campaign.status === 'paused') moves.push(['resume', 'Tiếp tục', '']);
  if (!['completed', 'cancelled'].includes(campaign.status)) moves.push(['cancel', 'Hủy chiến dịch', 'danger']);
  fill('lifecycle', moves.map(([action, label, cls]) => el('button', { type: 'button', class: cls, 'data-action': action, text: label, onclick: () => act(action) })));

  const editable = editableStatuses.has(campaign.status) && mine;
  for (const field of $('editor').elements) field.disabled = !editable;
  $('edit-note').hidden = editable && campaign.status === 'draft';
  $('edit-note').textContent = !editable
    ? (mine ? 'Chiến dịch ở trạng thái này không sửa được nữa.' : 'Chỉ người soạn mới sửa được chiến dịch này.')
    : 'Sửa chiến dịch sẽ đưa nó về bản nháp; cần gửi duyệt lại.';

  get(`/api/admin/campaigns/${encodeURIComponent(id)}/next-fires`).then(n => {
    if ((n.fires || []).length) fill('next-fires', el('ol', { class: 'fires' }, n.fires.map(f => el('li', { text: when(f.utc) }))));
    else empty('next-fires', 'Không còn lần gửi nào.');
  }).catch(() => empty('next-fires'));
  const occPath = `/api/admin/campaigns/${encodeURIComponent(id)}/occurrences`;
  fill('occ-export', csvLink(occPath));
  get(occPath).then(list => {
    if (!list.length) { empty('occurrences', 'Chưa gửi lần nào.'); return; }
    fill('occurrences', table('Các lần đã gửi', [
      { title: 'Thời điểm', value: o => el('a', { href: '/console/occurrences/' + encodeURIComponent(o.id), class: 'occurrence-link', text: when(o.fireAt) }) },
      { title: 'Trạng thái', value: o => badge(o.status, occurrenceStatuses) },
      { title: 'Đối tượng', value: o => num(o.stats.targeted), num: true },
      { title: 'Đã gửi', value: o => num(o.stats.sent), num: true },
      { title: 'Đã nhận', value: o => num(o.stats.delivered), num: true },
    ], list));
  }).catch(() => empty('occurrences'));
  // While it is due to fire or firing, keep the status and the occurrences current.
  clearTimeout(poll);
  if (['approved', 'scheduled', 'running'].includes(campaign.status)) poll = setTimeout(refreshDetail, 3000);
}

let poll;
async function refreshDetail() {
  try {
    campaign = await get('/api/admin/campaigns/' + encodeURIComponent(id));
    showDetail();
  } catch {
    poll = setTimeout(refreshDetail, 10000);
  }
}

async function act(action) {
  let body = {};
  if (action === 'cancel' && !confirm('Hủy chiến dịch? Tin chưa gửi sẽ không được gửi nữa.')) return;
  try {
    campaign = await post(`/api/admin/campaigns/${encodeURIComponent(id)}/${action}`, body);
    notice({ submit: 'Đã gửi duyệt.', approve: 'Đã duyệt.', pause: 'Đã tạm dừng.', resume: 'Đã tiếp tục.', cancel: 'Đã hủy chiến dịch.' }[action], 'ok');
    showForm(campaign);
    showDetail();
  } catch (e) {
    showError(e, $('detail-errors'));
  }
}

async function save() {
  $('save-errors').hidden = true;
  try {
    if (isNew) {
      const created = await post('/api/admin/campaigns', definition());
      location.assign('/console/campaigns/' + encodeURIComponent(created.id) + '?saved=1');
      return;
    }
    campaign = await put(`/api/admin/campaigns/${encodeURIComponent(id)}`, { ...definition(), version: campaign.version });
    notice('Đã lưu bản nháp.', 'ok');
    showForm(campaign);
    showDetail();
  } catch (e) {
    showError(e, $('save-errors'));
    $('save-errors').scrollIntoView({ block: 'nearest' });
  }
}

// ----- wiring -----
await loadPickers();
if (id) {
  try {
    campaign = await get('/api/admin/campaigns/' + encodeURIComponent(id));
  } catch (e) {
    $('editor').hidden = true;
    $('page-title').textContent = 'Không mở được chiến dịch';
    showError(e);
  }
  if (campaign) {
    showForm(campaign);
    showDetail();
    if (new URLSearchParams(location.search).get('saved')) notice('Đã lưu bản nháp. Khi sẵn sàng, bấm “Gửi duyệt”.', 'ok');
  }
} else {
  const start = new Date(Date.now() + 864e5).toISOString().slice(0, 10);
  $('start').value = start;
  $('at').value = start + 'T08:00';
}
showKind();
$('editor').addEventListener('submit', e => { e.preventDefault(); save(); });
$('chat').addEventListener('input', previewMessage);
$('sms').addEventListener('input', previewMessage);
$('areas').addEventListener('change', () => { estimate(); previewMessage(); });
$('channels').addEventListener('change', estimate);
$('topics').addEventListener('change', estimate);
for (const id of ['at', 'repeat', 'weekday', 'monthday', 'time', 'cron', 'start', 'end', 'series', 'hour']) {
  $(id).addEventListener('input', () => { showKind(); previewSchedule(); });
}
document.querySelectorAll('input[name="kind"]').forEach(r => r.addEventListener('change', () => { showKind(); previewSchedule(); }));
previewMessage();
estimate();
previewSchedule();
