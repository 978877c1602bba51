/* marsad web UI: charts (vendored ECharts) and small conveniences. No inline script anywhere:
   chart data comes from <script type="application/json"> blocks, read as data, never run. */
(function () {
  "use strict";
  var EASTERN = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669";
  var eastern = document.documentElement.getAttribute("data-digits") === "eastern";
  function digits(s) {
    s = String(s);
    return eastern ? s.replace(/[0-9]/g, function (d) { return EASTERN[+d]; }) : s;
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  var COLORS = { PER: "#1f5fbf", ORG: "#7a3db8", LOC: "#0b7a5a", GPE: "#0b7a5a", NORP: "#0e7490",
                 MISC: "#a35200", x: "#667085" };
  var FONT = '"Noto Naskh Arabic", "Noto Sans Arabic", sans-serif';

  function lineOption(d) {
    return {
      textStyle: { fontFamily: FONT },
      color: ["#0b6e4f", "#1f5fbf", "#c11574", "#b54708", "#7a3db8", "#475467", "#0e9384", "#dd2590"],
      tooltip: { trigger: "axis", formatter: function (ps) {
        var out = esc(digits(ps.length ? ps[0].axisValue : ""));
        ps.forEach(function (p) { out += "<br>" + esc(p.seriesName) + ": " + esc(digits(p.value)); });
        return out;
      } },
      legend: { type: "scroll", top: 0, formatter: function (n) { return n; } },
      grid: { left: 48, right: 24, top: 40, bottom: 56 },
      xAxis: { type: "category", data: d.keys, inverse: !!d.rtl,
               axisLabel: { formatter: function (v) { return digits(v); } } },
      yAxis: { type: "value", minInterval: 1, position: d.rtl ? "right" : "left",
               axisLabel: { formatter: function (v) { return digits(v); } } },
      dataZoom: d.keys.length > 40 ? [{ type: "inside" }, { type: "slider", bottom: 8 }] : [],
      series: d.series.map(function (s) {
        return { name: s.name, type: d.bar ? "bar" : "line", data: s.data, smooth: false,
                 showSymbol: d.keys.length < 60, emphasis: { focus: "series" } };
      })
    };
  }

  function graphOption(d) {
    var maxv = 1;
    d.nodes.forEach(function (n) { if (!n.center && n.value > maxv) maxv = n.value; });
    return {
      textStyle: { fontFamily: FONT },
      tooltip: { formatter: function (p) {
        return p.dataType === "edge" ? esc(digits(p.data.value))
                                     : esc(p.data.name) + " (" + esc(digits(p.data.value)) + ")";
      } },
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true,
        force: { repulsion: 360, edgeLength: [80, 200], gravity: 0.06 },
        label: { show: true, position: "right", fontFamily: FONT, fontSize: 13 },
        lineStyle: { color: "source", opacity: 0.35, curveness: 0.1 },
        data: d.nodes.map(function (n) {
          return { id: n.id, name: n.name, value: n.value, href: n.href,
                   symbolSize: n.center ? 42 : 12 + 26 * Math.sqrt(n.value / maxv),
                   itemStyle: { color: COLORS[n.type] || COLORS.x } };
        }),
        links: d.links.map(function (l) {
          return { source: l.source, target: l.target, value: l.value,
                   lineStyle: { width: 1 + Math.min(6, Math.log2(1 + l.value)) } };
        })
      }]
    };
  }

  /* A chart is drawn, and later resized, only while its box has a size. ECharts lays a chart
     out in its container's box, and the graph's view of a box of width or height 0 has a
     singular transform whose inverse is null: ECharts throws "Cannot read properties of null
     (reading '0')". A window may be that small for a moment (a headless browser setting its
     viewport goes through 1x1; a phone rotating) and a panel may be hidden, so the charts
     follow their own box (ResizeObserver) and wait out a box of no size. */
  function drawChart(el, d) {
    var chart = null;
    function fit() {
      if (el.clientWidth === 0 || el.clientHeight === 0) return;
      if (chart) { chart.resize(); return; }
      chart = window.echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(d.kind === "graph" ? graphOption(d) : lineOption(d));
      if (d.kind === "graph") {
        chart.on("click", function (p) {
          var h = p.data && p.data.href;
          if (p.dataType === "node" && typeof h === "string" && h.indexOf("/entity/") === 0) {
            window.location.href = h;
          }
        });
      }
      el.setAttribute("data-series", String((d.series || [1]).length));
      el.setAttribute("data-ready", "1");
    }
    if (typeof window.ResizeObserver === "function") {
      new window.ResizeObserver(fit).observe(el);  // called as it starts observing, then on each change
    } else {
      fit();
      window.addEventListener("resize", fit);
    }
  }

  function initCharts() {
    if (typeof window.echarts === "undefined") return;
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var src = document.getElementById(el.getAttribute("data-chart"));
      if (!src) return;
      var d;
      try { d = JSON.parse(src.textContent); } catch (e) { return; }
      drawChart(el, d);
    });
  }

  function initDebrisToggle() {
    var box = document.getElementById("show-debris");
    var body = document.getElementById("article-body");
    if (!box || !body) return;
    var sync = function () { body.classList.toggle("show-debris", box.checked); };
    box.addEventListener("change", sync);
    sync();
  }

  document.addEventListener("DOMContentLoaded", function () {
    initDebrisToggle();
    initCharts();
  });
})();
