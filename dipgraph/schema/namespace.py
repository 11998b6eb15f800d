"""Where dipgraph's IRIs live when a dataset says nothing else: a w3id.org permanent IRI
(README, "Namespace, dataset file and licences"). Facts override the data base in their
dataset.yaml (dipgraph.loader.dataset); the vocabulary's namespace is fixed."""

DEFAULT_BASE = "https://w3id.org/dipgraph/id/"
DG_NS = "https://w3id.org/dipgraph/ns#"
