// Emphasis buttons over text areas marked data-markup: "In nghiêng" wraps the selection in *…*, "In đậm" in **…**
// (the markup of DanVan.Domain/Reports/InlineMarkup.cs). The markup stays visible in the text; the exports print it.
(() => {
    const buttons = [
        { marker: '*', label: 'In nghiêng', sample: 'chữ nghiêng', html: '<em>I</em>' },
        { marker: '**', label: 'In đậm', sample: 'chữ đậm', html: '<strong>B</strong>' },
    ];

    function wrap(area, marker, sample) {
        const start = area.selectionStart;
        const end = area.selectionEnd;
        let selected = area.value.slice(start, end);
        // Markers must touch the words: keep the selection's outer spaces outside them.
        const lead = selected.match(/^\s*/)[0];
        const trail = selected.slice(lead.length).match(/\s*$/)[0];
        selected = selected.slice(lead.length, selected.length - trail.length);
        const inner = selected.length > 0 ? selected : sample;
        area.setRangeText(lead + marker + inner + marker + trail, start, end, 'select');
        const innerStart = start + lead.length + marker.length;
        area.setSelectionRange(innerStart, innerStart + inner.length);
        area.focus();
        area.dispatchEvent(new Event('input', { bubbles: true }));
    }

    for (const area of document.querySelectorAll('textarea[data-markup]')) {
        if (area.readOnly || area.disabled) continue;
        const bar = document.createElement('div');
        bar.className = 'btn-group btn-group-sm ms-2 mb-1 markup-toolbar';
        bar.setAttribute('role', 'toolbar');
        bar.setAttribute('aria-label', 'Định dạng chữ');
        for (const b of buttons) {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'btn btn-outline-secondary';
            button.innerHTML = b.html;
            button.title = `${b.label} (${b.marker}${b.sample}${b.marker})`;
            button.setAttribute('aria-label', b.label);
            button.dataset.marker = b.marker;
            button.addEventListener('click', () => wrap(area, b.marker, b.sample));
            bar.appendChild(button);
        }
        area.parentNode.insertBefore(bar, area);
    }
})();
