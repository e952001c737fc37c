// LLO Radar: draw the charts (vega-embed) and the region map (Leaflet), offline.
(function () {
  "use strict";
  document.querySelectorAll(".chart[data-spec]").forEach(function (el) {
    var source = document.getElementById(el.dataset.spec);
    if (!source || !window.vegaEmbed) return;
    // ast: Vega's expression interpreter, not `new Function`: the CSP allows no 'unsafe-eval'.
    window.vegaEmbed(el, JSON.parse(source.textContent), { actions: false, renderer: "svg", ast: true })
      .then(function () { el.classList.add("drawn"); })
      .catch(function (err) { el.textContent = String(err); });
  });

  var mapEl = document.getElementById("map");
  var data = document.getElementById("map-data");
  if (mapEl && data && window.L) {
    var features = JSON.parse(data.textContent);
    var map = L.map(mapEl, { zoomSnap: 0.25, attributionControl: false, scrollWheelZoom: false });
    var layer = L.geoJSON(features, {
      style: function (f) {
        return {
          className: "region region-" + f.properties.code,
          fillColor: f.properties.colour, fillOpacity: 0.9, color: "#444", weight: 0.8
        };
      },
      onEachFeature: function (f, l) {
        // A text node, never HTML: a region's name comes from ingested data (issue 18).
        var tip = document.createElement("span");
        tip.textContent = f.properties.name + ": " + f.properties["class"] + " (" + f.properties.ratio + ")";
        l.bindTooltip(tip);
        l.on("click", function () { window.location.href = "/regio/" + f.properties.code; });
      }
    }).addTo(map);
    map.fitBounds(layer.getBounds());
    mapEl.classList.add("drawn");
  }
})();
