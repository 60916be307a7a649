// Draws every chart of the plugin API's Chart component with uPlot. Each chart's numbers come from its
// <script type="application/json" class="vitals-chart-data"> block, which is data and never run; the same numbers are
// in the chart's data table. Values show on hover and, for keyboard users, on focus: arrow keys, Home and End step
// through the points and a polite live region reads the values out.
(function () {
  'use strict';
  // Okabe-Ito colours: told apart by people with the common colour-vision deficiencies.
  var COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
  var HEIGHT = 240;
  var DAY = 86400;

  function colour(i) { return COLOURS[i % COLOURS.length]; }

  function translucent(hex, alpha) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  function format(value, spec) {
    if (value == null) return 'no data';
    return value.toFixed(spec.decimals) + (spec.unit ? ' ' + spec.unit : '');
  }

  // Stacked bars are drawn as running totals, topmost first so each lower bar paints over the one above it.
  function stacked(spec) {
    var totals = [];
    var sum = spec.x.map(function () { return 0; });
    spec.series.forEach(function (s) {
      sum = sum.map(function (t, i) { return t + (s.values[i] == null ? 0 : s.values[i]); });
      totals.push(sum.map(function (t, i) { return s.values[i] == null ? null : t; }));
    });
    return totals;
  }

  function options(spec, width, readout) {
    var bars = spec.kind === 'bars' || spec.kind === 'stacked-bars';
    var order = spec.series.map(function (s, i) { return i; });
    if (spec.kind === 'stacked-bars') order.reverse();
    var series = [{
      label: spec.xHeading || 'Time',
      value: function (u, v, si, idx) { return idx == null ? '' : spec.xLabels[idx]; }
    }];
    order.forEach(function (i) {
      var s = spec.series[i];
      var band = s.role !== 'series';
      var item = {
        label: s.label,
        stroke: colour(band ? spec.series.length : i),
        width: band ? 1 : 2,
        spanGaps: false,
        points: { show: !bars && spec.x.length < 40 },
        value: function (u, v, si, idx) { return idx == null ? '' : format(s.values[idx], spec); }
      };
      if (bars) {
        item.fill = colour(i);
        item.paths = uPlot.paths.bars({ size: [0.7, 48] });
        item.points = { show: false };
      }
      series.push(item);
    });
    var bands = (spec.bands || []).map(function (b) {
      return { series: [b.high + 1, b.low + 1], fill: translucent(colour(spec.series.length), 0.18) };
    });
    var ink = getComputedStyle(readout.parentNode).color || '#1d2330';
    var axis = { stroke: ink, grid: { stroke: 'rgba(128,128,128,0.2)' }, ticks: { stroke: 'rgba(128,128,128,0.3)' } };
    return {
      width: width,
      height: HEIGHT,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), spec.timeZone); },
      scales: {
        x: { time: true },
        y: {
          range: function (u, min, max) {
            var r = uPlot.rangeNum(min == null ? 0 : min, max == null ? 1 : max, 0.1, true);
            if (bars) r[0] = Math.min(0, r[0]);
            return [spec.yMin != null ? spec.yMin : r[0], spec.yMax != null ? spec.yMax : r[1]];
          }
        }
      },
      series: series,
      bands: bands,
      axes: [
        Object.assign({}, axis, {
          space: 90,
          // Month and day, with the time of day when ticks are closer than a day: never the US 11/25.
          values: function (u, splits, ax, space, incr) {
            var fmt = uPlot.fmtDate(incr < DAY ? '{MMM} {D} {HH}:{mm}' : incr >= 28 * DAY ? '{MMM} {YYYY}' : '{MMM} {D}');
            return splits.map(function (ts) { return fmt(uPlot.tzDate(new Date(ts * 1e3), spec.timeZone)); });
          }
        }),
        Object.assign({}, axis, {
          label: spec.yLabel + (spec.unit ? ' (' + spec.unit + ')' : ''),
          values: function (u, ticks) { return ticks.map(function (t) { return t.toLocaleString('en'); }); }
        })
      ],
      legend: { live: true },
      hooks: {
        setCursor: [function (u) {
          var idx = u.cursor.idx;
          readout.textContent = idx == null ? '' : spec.xLabels[idx] + ': ' + spec.series.map(function (s) {
            return s.label + ' ' + format(s.values[idx], spec);
          }).join('; ');
        }]
      }
    };
  }

  function draw(figure) {
    var plot = figure.querySelector('.vitals-chart-plot');
    var block = figure.querySelector('script.vitals-chart-data');
    if (!plot || !block || figure.dataset.drawn) return;
    figure.dataset.drawn = 'true';
    var spec = JSON.parse(block.textContent);
    spec.xHeading = figure.querySelector('thead th') ? figure.querySelector('thead th').textContent : 'Time';
    var readout = document.createElement('p');
    readout.className = 'vitals-chart-readout';
    readout.setAttribute('aria-live', 'polite');
    plot.after(readout);
    var drawn = spec.kind === 'stacked-bars' ? stacked(spec).reverse()
        : spec.series.map(function (s) { return s.values; });
    // The chart takes its box's width; a box not laid out yet (a closed tab) gives none, and is drawn again below
    // once it has one.
    var u = new uPlot(options(spec, plot.clientWidth || 240, readout), [spec.x].concat(drawn), plot);
    // Says at which width the chart was last drawn, so a reader (or a test) can tell it fits its box.
    plot.dataset.drawnWidth = String(u.width);
    var idx = null;

    function show(i) {
      idx = Math.max(0, Math.min(spec.x.length - 1, i));
      u.setCursor({ left: u.valToPos(spec.x[idx], 'x'), top: u.bbox.height / devicePixelRatio / 2 });
    }
    plot.addEventListener('focus', function () { show(idx == null ? spec.x.length - 1 : idx); });
    plot.addEventListener('blur', function () { u.setCursor({ left: -10, top: -10 }); });
    plot.addEventListener('keydown', function (e) {
      var step = { ArrowLeft: -1, ArrowRight: 1, ArrowDown: -1, ArrowUp: 1 }[e.key];
      if (step) show((idx == null ? spec.x.length - 1 : idx) + step);
      else if (e.key === 'Home') show(0);
      else if (e.key === 'End') show(spec.x.length - 1);
      else return;
      e.preventDefault();
    });
    // A chart is redrawn whenever its box changes width (a phone turned, a window narrowed), so it never stays wider
    // than the box it was first drawn in.
    new ResizeObserver(function () {
      var width = plot.clientWidth;
      if (width > 0 && width !== u.width) u.setSize({ width: width, height: HEIGHT });
      plot.dataset.drawnWidth = String(u.width);
    }).observe(plot);
  }

  function drawAll(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('figure.vitals-chart').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
  } else {
    drawAll(document);
  }
  // Content htmx swaps in (filters, tabs) may bring charts of its own.
  document.addEventListener('htmx:load', function (e) { drawAll(e.target); });
})();
