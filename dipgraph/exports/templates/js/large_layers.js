  // ---- layers of a large graph, built when first switched on ---------------------
