"""The KPI view (``view.KpisView``): dashboard, charts (pyqtgraph, imported lazily), entry grid, import."""
