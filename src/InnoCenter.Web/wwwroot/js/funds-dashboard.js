// Draws the funds dashboard's charts from the figures the page embeds as JSON; the tables beside them carry the same
// numbers for readers without script or charts.
(function () {
    'use strict';
    var source = document.getElementById('funds-dashboard-data');
    if (!source || typeof echarts === 'undefined') {
        return;
    }

    var d = JSON.parse(source.textContent);
    var years = d.years.map(String);
    var charts = [];

    function draw(id, option) {
        var el = document.getElementById(id);
        if (!el) {
            return;
        }
        var chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption(Object.assign({ animation: false, tooltip: { trigger: 'axis' }, grid: { left: 64, right: 16, top: 32, bottom: 48 } }, option));
        charts.push(chart);
    }

    function stacked(series) {
        return {
            legend: { top: 0, type: 'scroll' },
            xAxis: { type: 'category', data: years },
            yAxis: { type: 'value' },
            series: series.map(function (s) { return { name: s.label, type: 'bar', stack: 'total', data: s.values }; })
        };
    }

    draw('chart-fund-sources', stacked(d.receivedBySource));
    draw('chart-fund-categories', stacked(d.spentByCategory));
    draw('chart-fund-rate', {
        xAxis: { type: 'category', data: years },
        yAxis: { type: 'value', max: 100 },
        series: [{ type: 'line', data: d.executionRate }]
    });
    draw('chart-fund-warnings', {
        tooltip: { trigger: 'item' },
        xAxis: { type: 'category', data: d.openWarnings.map(function (w) { return w.label; }), axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: d.openWarnings.map(function (w) { return w.count; }) }]
    });

    window.addEventListener('resize', function () {
        charts.forEach(function (c) { c.resize(); });
    });
})();
