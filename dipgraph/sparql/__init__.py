"""SPARQL beyond the library call: the HTTP endpoint, pushing to a server, printing results.

The query engine itself (named queries, read-only execution) is :mod:`dipgraph.graph.sparql`.
"""
