"""SPARQL beyond the library call: the HTTP endpoint, pushing to a server, printing results.

The query engine itself (named queries, read-only execution, the SERVICE check and
syntax-error messages it shares with the server) is :mod:`dipgraph.graph.sparql`.
"""
