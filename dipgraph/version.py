"""dipgraph's version, in a leaf module: the cache key includes it, and the cache sits
below the package root that re-exports it."""

__version__ = "0.1.0"
