// The console's one way to call /api/admin: same-origin credentials (the console cookie), the
// antiforgery token on unsafe requests, and RFC 7807 problems turned into Vietnamese messages.

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let mePromise = null;

/** The signed-in officer ({ id, name, username, role, areas, csrfToken }), or null when unknown. */
export function me() {
  if (!mePromise) {
    mePromise = fetch('/api/admin/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(async r => {
        if (r.status === 401) { toLogin(); return null; }
        return r.ok ? r.json() : null;
      })
      .catch(() => null);
  }
  return mePromise;
}

function toLogin() {
  const back = location.pathname + location.search;
  location.assign('/console/login?returnUrl=' + encodeURIComponent(back));
}

/** An API refusal: status, the problem document, and a message an officer can read. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(explain(status, problem));
    this.status = status;
    this.problem = problem || {};
  }
  /** Field errors ({ field, message }) when the API listed them. */
  get fields() { return Array.isArray(this.problem.errors) ? this.problem.errors : []; }
}

const byTitle = {
  'Someone else must review this campaign': 'Người soạn không được tự duyệt chiến dịch của mình; cần một cán bộ khác duyệt.',
  'Not allowed for your role': 'Vai trò của bạn không được làm việc này.',
  'Only the author may do this': 'Chỉ người soạn chiến dịch mới được làm việc này.',
  'Outside your areas': 'Có địa bàn nằm ngoài phạm vi được giao cho bạn.',
  'A reason is required': 'Vui lòng ghi lý do.',
  'Not possible in this status': 'Không thể làm việc này ở trạng thái hiện tại của chiến dịch.',
  'The campaign changed since you read it': 'Chiến dịch vừa được người khác sửa. Hãy tải lại trang rồi sửa lại.',
  'No such campaign': 'Không tìm thấy chiến dịch, hoặc chiến dịch không thuộc địa bàn của bạn.',
  'The CSV file cannot be read': 'Không đọc được tệp CSV; chưa có dòng nào được nhập.',
  'The file is too large': 'Tệp quá lớn; hãy chia nhỏ tệp rồi gửi lần lượt.',
};

const byStatus = {
  400: 'Thông tin chưa hợp lệ, vui lòng kiểm tra lại.',
  401: 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.',
  403: 'Bạn không có quyền làm việc này.',
  404: 'Không tìm thấy, hoặc nằm ngoài địa bàn của bạn.',
  409: 'Dữ liệu vừa thay đổi. Hãy tải lại trang rồi thử lại.',
  413: 'Tệp quá lớn.',
  415: 'Định dạng tệp không được hỗ trợ; hãy gửi tệp CSV.',
  428: 'Thiếu phiên bản của chiến dịch; hãy tải lại trang.',
  429: 'Bạn thao tác quá nhanh; vui lòng đợi một lát rồi thử lại.',
};

function explain(status, problem) {
  const title = problem && problem.title;
  let text = (title && byTitle[title]) || byStatus[status]
    || (status >= 500 ? 'Hệ thống đang bận hoặc gặp sự cố. Vui lòng thử lại sau ít phút.' : 'Không thực hiện được yêu cầu.');
  if (status === 0) {
    text = 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.';
  }
  return text;
}

async function token() {
  const who = await me();
  return who && who.csrfToken ? who.csrfToken : null;
}

/** Sends a request; resolves to parsed JSON (or text), rejects with ApiError. */
export async function request(method, path, body, options = {}) {
  const headers = { Accept: options.accept || 'application/json' };
  let payload;
  if (body !== undefined && body !== null) {
    if (typeof body === 'string') {
      headers['Content-Type'] = options.contentType || 'text/plain; charset=utf-8';
      payload = body;
    } else {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
  }
  if (unsafe.has(method)) {
    const csrf = await token();
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal: options.signal });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, null);
  }
  if (response.status === 401) {
    toLogin();
    throw new ApiError(401, null);
  }
  const type = response.headers.get('Content-Type') || '';
  const parsed = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof parsed === 'object' ? parsed : null);
  }
  return parsed;
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body, options) => request('POST', path, body === undefined ? {} : body, options);
export const put = (path, body, options) => request('PUT', path, body, options);
export const del = (path, options) => request('DELETE', path, undefined, options);

/**
 * Uploads a file as the request body with XMLHttpRequest, so the page can show progress
 * (onProgress(fraction) from the upload events). Resolves to the JSON answer.
 */
export async function upload(path, file, contentType, onProgress) {
  const csrf = await token();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = e => { if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total); };
    xhr.upload.onload = () => onProgress && onProgress(1);
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onload = () => {
      let parsed = null;
      try { parsed = JSON.parse(xhr.responseText); } catch { parsed = null; }
      if (xhr.status === 401) { toLogin(); }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed);
      else reject(new ApiError(xhr.status, parsed));
    };
    xhr.send(file);
  });
}

/** The same list as a CSV file: the API answers text/csv to ?format=csv. */
export function csvUrl(path) {
  return path + (path.includes('?') ? '&' : '?') + 'format=csv';
}
