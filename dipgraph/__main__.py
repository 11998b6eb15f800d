"""``python -m dipgraph`` runs the CLI."""

from dipgraph.cli import main

main()
