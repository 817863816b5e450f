// Entry form: checks each figure as it is typed (same rules as the server), recomputes totals and rates live,
// saves the draft in the background and warns before the session would expire. The server decides everything.
(function () {
    'use strict';
    var form = document.getElementById('entry-form');
    var dataNode = document.getElementById('entry-data');
    if (!form || !dataNode) return;
    var data = JSON.parse(dataNode.textContent);
    var status = document.getElementById('autosave-status');
    var dirty = false;
    var lastServerContact = Date.now();
    var AUTOSAVE_MS = 60 * 1000;
    var WARN_AFTER_MS = 25 * 60 * 1000;

    function idOf(code) { return 'v-' + code.replace(/\./g, '-'); }

    function currentValue(code) {
        var el = document.getElementById(idOf(code));
        if (!el || el.tagName !== 'INPUT') return null;
        var r = VnNumber.parse(el.value, el.dataset.kind);
        return r.error || r.blank ? null : r.value;
    }

    // A small evaluator for the formula language (codes, numbers, + - * /, parentheses, PREV(code)).
    function evaluate(text, lookup, depth) {
        var pos = 0;
        function peek() { while (pos < text.length && text[pos] === ' ') pos++; return text[pos]; }
        function sum() {
            var left = product();
            for (;;) {
                var c = peek();
                if (c !== '+' && c !== '-') return left;
                pos++;
                var right = product();
                left = left === null || right === null ? null : (c === '+' ? left + right : left - right);
            }
        }
        function product() {
            var left = unary();
            for (;;) {
                var c = peek();
                if (c !== '*' && c !== '/') return left;
                pos++;
                var right = unary();
                if (left === null || right === null) left = null;
                else if (c === '*') left = left * right;
                else left = right === 0 ? null : left / right;
            }
        }
        function unary() {
            if (peek() === '-') { pos++; var v = unary(); return v === null ? null : -v; }
            return primary();
        }
        function primary() {
            var c = peek();
            if (c === '(') { pos++; var v = sum(); peek(); pos++; return v; }
            var m = /^[0-9]+(\.[0-9]+)?/.exec(text.substring(pos));
            if (m) { pos += m[0].length; return Number(m[0]); }
            m = /^[A-Za-z][A-Za-z0-9_.]*/.exec(text.substring(pos));
            if (!m) throw new Error('bad formula');
            var name = m[0].replace(/\.+$/, '');
            pos += name.length;
            if (peek() === '(') {
                pos++;
                var inner = /^[A-Za-z][A-Za-z0-9_.]*/.exec(text.substring(pos))[0].replace(/\.+$/, '');
                pos += inner.length; peek(); pos++;
                var prev = data.previous[inner.toUpperCase()];
                return prev === undefined ? null : prev;
            }
            return lookup(name.toUpperCase(), depth);
        }
        return sum();
    }

    function lookup(code, depth) {
        if (data.formulas[code] && depth < 20) return evaluate(data.formulas[code], lookup, depth + 1);
        return currentValue(code);
    }

    function recompute() {
        Object.keys(data.formulas).forEach(function (code) {
            var out = document.getElementById(idOf(code));
            if (!out) return;
            var value = evaluate(data.formulas[code], lookup, 0);
            out.textContent = data.kinds[code] === 'percent' ? VnNumber.rate(value, 1) : VnNumber.format(value, 2);
        });
    }

    function check(input) {
        var result = VnNumber.parse(input.value, input.dataset.kind);
        var message = document.querySelector('[data-error-for="' + input.dataset.code + '"]');
        input.classList.toggle('is-invalid', !!result.error);
        if (message) message.textContent = result.error || '';
        return !result.error;
    }

    form.querySelectorAll('input.figure').forEach(function (input) {
        input.addEventListener('input', function () { dirty = true; check(input); recompute(); });
        input.addEventListener('blur', function () {
            var r = VnNumber.parse(input.value, input.dataset.kind);
            if (!r.error && !r.blank && input.dataset.kind === 'count') input.value = VnNumber.format(r.value, 0);
        });
    });
    form.querySelectorAll('textarea').forEach(function (t) { t.addEventListener('input', function () { dirty = true; }); });
    // A save that starts while an autosave is on its way would carry the old version and be refused as a conflict:
    // wait for the autosave (which brings the new version), then send the same button again.
    var inFlight = null, submitting = false;
    form.addEventListener('submit', function (e) {
        if (inFlight) {
            e.preventDefault();
            var submitter = e.submitter;
            inFlight.then(function () { form.requestSubmit(submitter || undefined); });
            return;
        }
        dirty = false;
        submitting = true;
    });
    window.addEventListener('beforeunload', function (e) { if (dirty && data.editable) { e.preventDefault(); e.returnValue = ''; } });
    recompute();

    function say(text) { if (status) status.textContent = text; }

    function autosave() {
        if (!data.editable || !dirty || submitting || inFlight) return;
        var valid = Array.prototype.every.call(form.querySelectorAll('input.figure'), check);
        if (!valid) { say('Chưa tự động lưu: còn ô chưa hợp lệ.'); return; }
        var body = new FormData(form);
        dirty = false;
        inFlight = fetch(data.autosaveUrl, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } })
            .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
            .then(function (r) {
                lastServerContact = Date.now();
                if (r.ok && r.json.saved) {
                    if (r.json.version) form.querySelector('input[name="version"]').value = r.json.version;
                    say('Đã tự động lưu nháp lúc ' + new Date().toLocaleTimeString('vi-VN') + '.');
                } else {
                    dirty = true;
                    say(r.json.message || 'Chưa tự động lưu được.');
                }
            })
            .catch(function () { dirty = true; say('Mất kết nối: chưa tự động lưu được. Dữ liệu vẫn còn trên trang.'); })
            .then(function () { inFlight = null; });
    }

    setInterval(autosave, AUTOSAVE_MS);
    setInterval(function () {
        if (Date.now() - lastServerContact > WARN_AFTER_MS) {
            say('Phiên làm việc sắp hết hạn do không hoạt động. Hãy bấm “Lưu nháp” để giữ số liệu.');
        }
    }, 30 * 1000);
})();
