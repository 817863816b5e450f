// The browser twin of DanVan.Domain/Expressions (ExpressionParser, Expr.Evaluate): codes, numbers, + - * /,
// parentheses and PREV(code); a blank operand or a division by zero makes the result blank (null). Checked against
// the same table of cases as the C# evaluator (DanVan.Tests/Parity/parity-cases.json). The server decides; this only
// shows totals and rates while a figure is typed.
(function (global) {
    'use strict';
    var MAX_DEPTH = 20;

    // values(code) → number|null: an entered figure; previous(code) → number|null: the period before;
    // formulas: { CODE: "formula" } for computed indicators, read through values' codes.
    function evaluate(text, values, previous, formulas, depth) {
        var pos = 0;
        depth = depth || 0;
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
                var prev = previous(inner.toUpperCase());
                return prev === undefined ? null : prev;
            }
            var code = name.toUpperCase();
            if (formulas[code] !== undefined) return depth < MAX_DEPTH ? evaluate(formulas[code], values, previous, formulas, depth + 1) : null;
            var value = values(code);
            return value === undefined ? null : value;
        }
        return sum();
    }

    global.VnFormula = { evaluate: evaluate };
})(window);
