"""Compiling checked facts into graphs, and the questions asked of them."""
