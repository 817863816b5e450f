// The browser twin of DanVan.Domain/Formatting/VietnameseNumberParser.cs and VietnameseFormat.Number:
// the same patterns and messages, so that what the page accepts is what the server accepts. Keep both in step.
(function (global) {
    'use strict';
    var MAX_COUNT = 999999999999;

    function blank() { return { blank: true, value: null, error: null }; }
    function ok(v) { return { blank: false, value: v, error: null }; }
    function bad(msg) { return { blank: false, value: null, error: msg }; }

    function parse(input, kind) {
        if (input === null || input === undefined) return blank();
        var text = String(input).normalize('NFC').trim();
        if (text.length === 0) return blank();
        if (kind === 'count') return parseCount(text);
        if (kind === 'percent') return parsePercent(text);
        if (kind === 'yesno') return parseYesNo(text);
        return ok(text);
    }

    function parseCount(text) {
        if (text.length > 40) return bad('Số quá lớn.');
        var compact = text.replace(/[\s\u00A0\u202F\u2009]+/g, ' ');
        if (compact[0] === '-' || compact[0] === '\u2212') return bad('Số lượng không được âm.');
        if (compact[0] === '+') compact = compact.substring(1);
        if (/^[0-9]+$/.test(compact) || /^[1-9][0-9]{0,2}(\.[0-9]{3})+$/.test(compact) || /^[1-9][0-9]{0,2}( [0-9]{3})+$/.test(compact)) {
            var digits = compact.replace(/[. ]/g, '');
            if (digits.length > 15 || Number(digits) > MAX_COUNT) return bad('Số quá lớn (tối đa 999.999.999.999).');
            return ok(Number(digits));
        }
        if (/^[0-9][0-9. ]*,[0-9]+$/.test(compact)) return bad('Số lượng phải là số nguyên (không có phần thập phân).');
        if (/^[0-9]+\.[0-9]+$/.test(compact) || /^0+[. ][0-9]/.test(compact))
            return bad('Không rõ số: dấu chấm dùng để phân cách hàng nghìn theo nhóm 3 chữ số (ví dụ 28.262).');
        return bad('Vui lòng nhập một số nguyên, ví dụ 50003 hoặc 50.003.');
    }

    function parsePercent(text) {
        if (text.length > 20) return bad('Tỷ lệ phải từ 0 đến 100%.');
        var body = text[text.length - 1] === '%' ? text.substring(0, text.length - 1).trim() : text;
        if (body[0] === '-' || body[0] === '\u2212') return bad('Tỷ lệ không được âm.');
        if (/^[0-9]{1,3}(,[0-9]{1,2})?$/.test(body)) {
            var v = Number(body.replace(',', '.'));
            return v > 100 ? bad('Tỷ lệ phải từ 0 đến 100%.') : ok(v);
        }
        if (/^[0-9]+\.[0-9]+$/.test(body)) return bad('Dùng dấu phẩy cho phần thập phân, ví dụ 98,6.');
        return bad('Vui lòng nhập tỷ lệ phần trăm, ví dụ 98,6.');
    }

    function parseYesNo(text) {
        var key = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
        if (key === 'co' || key === 'c' || key === 'x' || key === '1') return ok(1);
        if (key === 'khong' || key === 'k' || key === '0') return ok(0);
        return bad('Vui lòng chọn Có hoặc Không.');
    }

    function format(value, decimals) {
        if (value === null || value === undefined || !isFinite(value)) return '…';
        var d = decimals || 0;
        var factor = Math.pow(10, d);
        var rounded = Math.round(Math.abs(value) * factor) / factor;
        var parts = rounded.toFixed(d).split('.');
        var integer = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        var fraction = parts.length > 1 ? parts[1].replace(/0+$/, '') : '';
        return (value < 0 && rounded !== 0 ? '-' : '') + integer + (fraction ? ',' + fraction : '');
    }

    // A computed rate: always `decimals` decimals (default 1), half away from zero, as VietnameseFormat.ComputedRate.
    function rate(value, decimals) {
        if (value === null || value === undefined || !isFinite(value)) return '…';
        var d = decimals === undefined ? 1 : decimals;
        var rounded = Number(Math.round(Number(Math.abs(value) + 'e' + d)) + 'e-' + d);
        var parts = rounded.toFixed(d).split('.');
        var integer = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        return (value < 0 && rounded !== 0 ? '-' : '') + integer + (d > 0 ? ',' + parts[1] : '') + '%';
    }

    global.VnNumber = { parse: parse, format: format, rate: rate, percent: function (v) { return v === null ? '…' : format(v, 1) + '%'; } };
})(window);
