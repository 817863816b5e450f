// Leaders' dashboard: draws every <figure data-chart> from the page's JSON data block (#dashboard-data) with
// Chart.js, Vietnamese numbers (1.234; 98,6%) in axis ticks and tooltips; switches each chart to its table and
// back; submits the period picker on change; prints. No inline script: the page only carries data.
(function () {
    'use strict';
    var node = document.getElementById('dashboard-data');
    var printing = document.body.classList.contains('print-page');

    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
        select.addEventListener('change', function () { if (select.form) select.form.submit(); });
    });
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.addEventListener('click', function () { window.print(); });
    });

    if (!node || typeof Chart === 'undefined' || typeof VnNumber === 'undefined') return;
    var data = JSON.parse(node.textContent);
    var charts = {};
    (data.charts || []).forEach(function (c) { charts[c.key] = c; });
    var palette = ['#0d6efd', '#d63384', '#fd7e14', '#198754', '#6f42c1', '#20c997', '#dc3545'];

    function format(value, kind) {
        if (value === null || value === undefined) return '…';
        return kind === 'percent' ? VnNumber.percent(value) : VnNumber.format(value, 2);
    }

    function illustrative(chart, index) {
        var label = chart.labels[index];
        return !!(label && label.illustrative && label.periodCode);
    }

    function draw(figure, chart) {
        var canvas = figure.querySelector('canvas');
        if (!canvas) return;
        var datasets = chart.series.map(function (s, i) {
            var color = s.color || palette[i % palette.length];
            var set = {
                label: s.label,
                data: s.values,
                borderColor: color,
                backgroundColor: function (ctx) { return color + (illustrative(chart, ctx.dataIndex) ? '66' : 'dd'); },
                borderWidth: chart.type === 'line' ? 2 : 0,
            };
            if (chart.type === 'line') {
                set.tension = 0.15;
                set.pointRadius = 4;
                set.pointBackgroundColor = function (ctx) { return illustrative(chart, ctx.dataIndex) ? '#fff' : color; };
                // Lines into an illustrative period are dashed, as its points are hollow.
                set.segment = { borderDash: function (ctx) { return illustrative(chart, ctx.p1DataIndex) ? [6, 4] : undefined; } };
            }
            return set;
        });
        var percent = chart.kind === 'percent';
        new Chart(canvas, {
            type: chart.type,
            data: {
                labels: chart.labels.map(function (l, i) { return illustrative(chart, i) ? [l.text, '(minh họa)'] : l.text; }),
                datasets: datasets,
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: printing ? false : { duration: 400 },
                locale: 'vi-VN',
                interaction: { mode: 'index', intersect: false },
                scales: {
                    x: { stacked: chart.stacked },
                    y: {
                        stacked: chart.stacked,
                        beginAtZero: !percent,
                        suggestedMax: percent ? 100 : undefined,
                        ticks: { precision: percent ? undefined : 0, callback: function (value) { return format(value, chart.kind); } },
                    },
                },
                plugins: {
                    legend: {
                        position: 'bottom',
                        labels: {
                            boxWidth: 14,
                            // The legend shows each series' own colour, not the paler one of an illustrative first point.
                            generateLabels: function (c) {
                                var items = Chart.defaults.plugins.legend.labels.generateLabels(c);
                                items.forEach(function (item) {
                                    var s = chart.series[item.datasetIndex];
                                    var color = (s && s.color) || palette[item.datasetIndex % palette.length];
                                    item.fillStyle = color;
                                    item.strokeStyle = color;
                                });
                                return items;
                            },
                        },
                    },
                    tooltip: {
                        callbacks: {
                            title: function (items) {
                                var l = items.length ? chart.labels[items[0].dataIndex] : null;
                                return l ? l.text + (illustrative(chart, items[0].dataIndex) ? ' – Dữ liệu minh họa' : '') : '';
                            },
                            label: function (ctx) { return ctx.dataset.label + ': ' + format(ctx.raw, chart.kind); },
                        },
                    },
                },
            },
        });
    }

    function toggle(figure) {
        var button = figure.querySelector('.chart-toggle');
        if (!button) return;
        figure.classList.add('js-ready');
        button.hidden = false;
        button.setAttribute('aria-expanded', 'false');
        button.addEventListener('click', function () {
            var table = figure.classList.toggle('show-table');
            button.textContent = table ? 'Xem biểu đồ' : 'Xem dạng bảng';
            button.setAttribute('aria-expanded', table ? 'true' : 'false');
        });
    }

    document.querySelectorAll('figure[data-chart]').forEach(function (figure) {
        var chart = charts[figure.getAttribute('data-chart')];
        if (!chart) return;
        draw(figure, chart);
        if (!printing) toggle(figure);
    });

    // Canvases keep their screen size when printed unless told to resize.
    window.addEventListener('beforeprint', function () {
        Object.keys(Chart.instances).forEach(function (id) { Chart.instances[id].resize(); });
    });
})();
