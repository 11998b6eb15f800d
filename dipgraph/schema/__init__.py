"""The fact model as data: one YAML file per fact kind, read by :mod:`.model`."""

from dipgraph.schema.model import FactKind, Model, Property, load_model

__all__ = ["FactKind", "Model", "Property", "load_model"]
