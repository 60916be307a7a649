/*
 * Draws the dependency graph plugin's maps with ECharts' graph series: the interactive map (its answer fetched from
 * the element's data-source, GET /api/graph/map) and the smaller drawings whose answer sits in a JSON block on the
 * page (data-json names it). The server has laid the nodes out, so nothing moves: no force layout, no animation,
 * which keeps thousands of edges smooth. Every drawing has the same answer as a list beside it.
 */
"use strict";
(function () {
  if (window.vitalsGraphMap) {
    return;
  }
  window.vitalsGraphMap = true;

  var PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];
  var HEALTH = { OK: "#2e7d32", UNKNOWN: "#757575", WARN: "#f9a825", CRITICAL: "#c62828" };
  var HEALTH_WORDS = { OK: "OK", UNKNOWN: "Unknown", WARN: "Warning", CRITICAL: "Critical" };
  var NO_SIGNAL = "#b0bec5";
  var NO_TEAM = "#90a4ae";
  /** Above this many edges labels, hover highlighting and curves are left out: they cost the most per frame. */
  var LARGE = 1000;
  /** The most edges drawn; above it the heaviest are drawn, the status says how many are not, the list has all. */
  var MOST_EDGES = 5000;

  function teamColour(team) {
    if (!team) {
      return NO_TEAM;
    }
    var hash = 0;
    for (var i = 0; i < team.length; i++) {
      hash = (hash * 31 + team.charCodeAt(i)) | 0;
    }
    return PALETTE[Math.abs(hash) % PALETTE.length];
  }

  function shortName(id) {
    var slash = id.lastIndexOf("/");
    return slash >= 0 ? id.substring(slash + 1) : id;
  }

  function colourOf(item, by) {
    if (by === "health") {
      return item.health ? HEALTH[item.health] : NO_SIGNAL;
    }
    return teamColour(item.team);
  }

  /** The answer as ECharts' nodes and links; groups are squares sized by how many nodes they hold. */
  function items(map) {
    var nodes = map.nodes.map(function (n) {
      return {
        id: n.id, name: n.id, x: n.x, y: n.y, href: n.href, team: n.owner || null, health: n.health || null,
        short: shortName(n.id) + (n.missing ? " (missing)" : ""),
        tip: n.id + (n.owner ? "\nowner " + shortName(n.owner) : "") +
          (n.distance !== undefined && n.distance !== null ? "\ndistance " + n.distance : "") +
          "\nhealth " + (n.health ? HEALTH_WORDS[n.health] : "no signal"),
        symbol: n.missing ? "emptyCircle" : "circle",
        symbolSize: n.side === "focus" ? 24 : 12
      };
    });
    var groups = map.groups.map(function (g) {
      return {
        id: g.id, name: g.id, x: g.x, y: g.y, href: g.href, team: g.key === "none" ? null : g.key,
        health: g.health || null,
        short: g.label + " (" + g.nodes + " nodes)",
        tip: g.label + ": " + g.nodes + " nodes, " + g.innerEdges + " edges inside\nclick to show its nodes",
        symbol: "roundRect",
        symbolSize: Math.min(48, 14 + 4 * Math.sqrt(g.nodes))
      };
    });
    var edges = map.edges;
    if (edges.length > MOST_EDGES) {
      edges = edges.slice().sort(function (a, b) {
        return b.count - a.count;
      }).slice(0, MOST_EDGES);
    }
    var links = edges.map(function (e) {
      return {
        source: e.from, target: e.to, value: e.count, relation: e.relation,
        lineStyle: { width: Math.min(8, 1 + Math.log(e.count) / Math.LN2) }
      };
    });
    return { data: nodes.concat(groups), links: links, left: map.edges.length - links.length };
  }

  function option(drawn, by) {
    var large = drawn.links.length > LARGE;
    drawn.data.forEach(function (item) {
      item.itemStyle = { color: colourOf(item, by) };
    });
    return {
      animation: false,
      tooltip: {
        renderMode: "richText",
        formatter: function (p) {
          if (p.dataType === "edge") {
            return p.data.source + "\n" + p.data.relation + " (" + p.data.value + (p.data.value === 1 ? " edge" : " edges") +
              ")\n" + p.data.target;
          }
          return p.data.tip;
        }
      },
      series: [{
        type: "graph",
        layout: "none",
        roam: true,
        draggable: false,
        data: drawn.data,
        links: drawn.links,
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: [0, 6],
        label: {
          show: drawn.data.length <= 150,
          position: "right",
          formatter: function (p) {
            return p.data.short;
          }
        },
        lineStyle: { color: "#78909c", opacity: large ? 0.35 : 0.7, curveness: large ? 0 : 0.08 },
        emphasis: { focus: large ? "none" : "adjacency", lineStyle: { opacity: 1 } }
      }]
    };
  }

  function legend(element, drawn, by) {
    var list = element.dataset.legend ? document.getElementById(element.dataset.legend) : null;
    if (!list) {
      return;
    }
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    var entries = [];
    if (by === "health") {
      Object.keys(HEALTH).forEach(function (status) {
        entries.push([HEALTH_WORDS[status], HEALTH[status]]);
      });
      entries.push(["no signal", NO_SIGNAL]);
    } else {
      var seen = {};
      drawn.data.forEach(function (item) {
        var key = item.team || "";
        if (!seen[key]) {
          seen[key] = true;
          entries.push([item.team ? shortName(item.team) : "no team", teamColour(item.team)]);
        }
      });
    }
    entries.forEach(function (entry) {
      var li = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "graph-map-swatch";
      swatch.setAttribute("aria-hidden", "true");
      // A style property set from a script is allowed by the page's policy; a style attribute is not.
      swatch.style.backgroundColor = entry[1];
      swatch.style.display = "inline-block";
      swatch.style.width = "0.9em";
      swatch.style.height = "0.9em";
      swatch.style.marginRight = "0.3em";
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(entry[0]));
      list.appendChild(li);
    });
  }

  function draw(element, map) {
    var drawn = items(map);
    var by = element.dataset.colour === "health" ? "health" : "team";
    var height = Number(element.dataset.height) || Math.max(420, Math.min(860, window.innerHeight - 200));
    element.style.height = height + "px";
    element.style.width = "100%";
    var chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption(option(drawn, by));
    chart.on("click", function (p) {
      if (p.dataType === "node" && p.data.href) {
        window.location.href = p.data.href;
      }
    });
    window.addEventListener("resize", function () {
      chart.resize();
    });
    var select = element.dataset.colourSelect ? document.getElementById(element.dataset.colourSelect) : null;
    if (select) {
      select.addEventListener("change", function () {
        by = select.value === "health" ? "health" : "team";
        element.dataset.colour = by;
        chart.setOption(option(drawn, by));
        legend(element, drawn, by);
      });
    }
    legend(element, drawn, by);
    element.dataset.drawnNodes = String(drawn.data.length);
    element.dataset.drawnEdges = String(drawn.links.length);
    var status = element.dataset.status ? document.getElementById(element.dataset.status) : null;
    if (status) {
      status.textContent = "Drawn: " + map.nodes.length + " nodes, " + map.groups.length + " groups and " +
        drawn.links.length + " edges" + (drawn.left > 0 ? " (the heaviest; " + drawn.left +
        " lighter ones are not drawn, the list has them all)" : "") +
        ". Drag to move, scroll to zoom, click a node to centre the map on it.";
    }
  }

  function failed(element, message) {
    var status = element.dataset.status ? document.getElementById(element.dataset.status) : null;
    if (status) {
      status.textContent = "The drawing failed (" + message + "); the list below holds the same answer.";
    }
  }

  function start() {
    document.querySelectorAll(".graph-map[data-source]").forEach(function (element) {
      fetch(element.dataset.source, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("the map answered " + response.status);
          }
          return response.json();
        })
        .then(function (map) {
          draw(element, map);
        })
        .catch(function (error) {
          failed(element, error.message);
        });
    });
    document.querySelectorAll(".graph-map[data-json]").forEach(function (element) {
      var block = document.getElementById(element.dataset.json);
      try {
        draw(element, JSON.parse(block.textContent));
      } catch (error) {
        failed(element, error.message);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
