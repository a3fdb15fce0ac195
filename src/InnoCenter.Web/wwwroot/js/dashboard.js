// Draws the dashboard's charts from the figures the page embeds as JSON; the tables beside them carry the same numbers
// for readers without script or charts.
(function () {
    'use strict';
    var source = document.getElementById('dashboard-data');
    if (!source || typeof echarts === 'undefined') {
        return;
    }

    var d = JSON.parse(source.textContent);
    var charts = [];

    function draw(id, option) {
        var el = document.getElementById(id);
        if (!el) {
            return;
        }
        var chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption(Object.assign({ animation: false, tooltip: { trigger: 'axis' }, grid: { left: 48, right: 16, top: 32, bottom: 64 } }, option));
        charts.push(chart);
    }

    function bars(items) {
        return {
            xAxis: { type: 'category', data: items.map(function (i) { return i.label; }), axisLabel: { interval: 0, rotate: 30 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', data: items.map(function (i) { return i.count; }) }]
        };
    }

    draw('chart-centers-area', bars(d.centersByKeyArea));
    draw('chart-applications', bars(d.applicationsByStatus));
    draw('chart-recognitions', {
        xAxis: { type: 'category', data: d.recognitionsByYear.map(function (y) { return String(y.year); }) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'line', data: d.recognitionsByYear.map(function (y) { return y.count; }) }]
    });
    draw('chart-ledger', {
        legend: { top: 0, type: 'scroll' },
        xAxis: { type: 'category', data: d.ledger.years.map(String) },
        yAxis: { type: 'value' },
        series: d.ledger.series.map(function (s) { return { name: s.label, type: 'line', data: s.values }; })
    });
    if (d.latestAssessment) {
        draw('chart-grades', {
            tooltip: { trigger: 'item' },
            series: [{ type: 'pie', radius: ['35%', '65%'], data: d.latestAssessment.grades.map(function (g) { return { name: g.label, value: g.count }; }) }]
        });
    }

    window.addEventListener('resize', function () {
        charts.forEach(function (c) { c.resize(); });
    });
})();
