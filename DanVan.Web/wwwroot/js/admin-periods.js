// New period: updates the preview of the derived dates as the kind or the year changes, from the same service the
// page uses (GET /admin/periods/preview). Without script the "Xem trước" button does the same with a page load.
(function () {
    'use strict';
    var choice = document.getElementById('period-choice');
    var preview = document.getElementById('period-preview');
    if (!choice || !preview) return;
    var kind = document.getElementById('kind');
    var year = document.getElementById('year');
    var pending = null;
    var sequence = 0;

    function setError(field, message) {
        var span = choice.querySelector('[data-error-for="' + field + '"]');
        var input = field === 'kind' ? kind : year;
        if (span) span.textContent = message || '';
        input.classList.toggle('is-invalid', !!message);
    }

    function fill(data) {
        preview.querySelectorAll('[data-preview]').forEach(function (el) {
            var value = data[el.getAttribute('data-preview')];
            el.textContent = value === null || value === undefined ? 'Chưa có đề cương' : String(value);
        });
        preview.querySelectorAll('[data-preview-input]').forEach(function (input) {
            var name = input.getAttribute('data-preview-input');
            if (name === 'kind') input.value = kind.value;
            else if (name === 'year') input.value = year.value.trim();
            else input.value = data[name];
        });
        var link = preview.querySelector('[data-preview-link]');
        if (link) link.setAttribute('href', '/admin/periods/' + encodeURIComponent(data.code));
        preview.querySelector('[data-preview-exists]').hidden = !data.exists;
        preview.querySelector('[data-preview-confirm]').disabled = !!data.exists;
        preview.hidden = false;
    }

    function refresh() {
        var mine = ++sequence;
        var url = '/admin/periods/preview?kind=' + encodeURIComponent(kind.value) + '&year=' + encodeURIComponent(year.value.trim());
        fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (response) {
                return response.json().then(function (body) { return { ok: response.ok, body: body }; });
            })
            .then(function (result) {
                if (mine !== sequence) return; // a newer request is under way
                var errors = result.ok ? {} : (result.body.errors || {});
                setError('kind', errors.kind);
                setError('year', errors.year);
                if (result.ok) fill(result.body);
                else preview.hidden = true;
            })
            .catch(function () { /* the button still works */ });
    }

    function schedule() {
        if (pending) clearTimeout(pending);
        pending = setTimeout(refresh, 250);
    }

    kind.addEventListener('change', schedule);
    year.addEventListener('input', schedule);
})();
