  // ---- overview of a large graph: countries as clusters -------------------------
