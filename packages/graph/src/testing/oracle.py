"""Peer-library oracle for the differential tests: reads an edge list (source target weight per
line, whitespace-separated, in file order) and prints networkx's and igraph's metrics as JSON,
each a list in node order (order of first appearance, which is networkx's insertion order).
Usage: /usr/bin/python3 oracle.py MANIFEST.json — a list of {"edges", "directed", "partition"?};
prints a JSON list of answers in the same order (one process for many graphs: imports are slow)."""
import json
import math
import sys

import networkx as nx

try:
    import igraph as ig
except ImportError:  # igraph is optional; the test reports what it skipped
    ig = None



def run(path, directed, partition_path):
    G = nx.DiGraph() if directed else nx.Graph()
    with open(path) as f:
        for line in f:
            s, t, w = line.split()
            G.add_edge(s, t, weight=float(w))
    for u, v, d in G.edges(data=True):
        d["inv"] = 1.0 / d["weight"]
    nodes = list(G.nodes())
    n = len(nodes)


    def lst(d):
        return [None if isinstance(d[v], float) and math.isnan(d[v]) else d[v] for v in nodes]


    def connected(g):
        return nx.is_strongly_connected(g) if g.is_directed() else nx.is_connected(g)


    out = {"nodes": nodes, "nx": {}, "ig": {}}
    X = out["nx"]
    X["degree"] = lst(dict(G.degree()))
    X["strength"] = lst(dict(G.degree(weight="weight")))
    X["degree_centrality"] = lst(nx.degree_centrality(G))
    X["betweenness"] = lst(nx.betweenness_centrality(G))
    X["betweenness_w"] = lst(nx.betweenness_centrality(G, weight="weight"))
    X["betweenness_s"] = lst(nx.betweenness_centrality(G, weight="inv"))
    X["closeness"] = lst(nx.closeness_centrality(G))
    X["closeness_w"] = lst(nx.closeness_centrality(G, distance="weight"))
    X["closeness_s"] = lst(nx.closeness_centrality(G, distance="inv"))
    X["harmonic"] = lst(nx.harmonic_centrality(G))
    X["harmonic_w"] = lst(nx.harmonic_centrality(G, distance="weight"))
    X["pagerank"] = lst(nx.pagerank(G, weight=None, tol=1e-13, max_iter=100000))
    X["pagerank_w"] = lst(nx.pagerank(G, weight="weight", tol=1e-13, max_iter=100000))
    X["katz"] = lst(nx.katz_centrality_numpy(G, alpha=0.05))
    X["katz_w"] = lst(nx.katz_centrality_numpy(G, alpha=0.05, weight="weight"))
    X["kcore"] = lst(nx.core_number(G))
    # networkx's constraint is pure Python and slow (25 s on the 315-edge London gang); dense
    # graphs are checked against igraph's C implementation only.
    if G.number_of_edges() <= 160:
        X["constraint"] = lst(nx.constraint(G))
        X["constraint_w"] = lst(nx.constraint(G, weight="weight"))
    X["assortativity"] = nx.degree_assortativity_coefficient(G)
    if connected(G):
        X["eigenvector"] = lst(nx.eigenvector_centrality_numpy(G))
        X["eigenvector_w"] = lst(nx.eigenvector_centrality_numpy(G, weight="weight"))
    # clustering: Onnela weighted and (on DiGraphs) Fagiolo directed, as networkx defines them
    X["clustering_any"] = lst(nx.clustering(G))
    X["clustering_w"] = lst(nx.clustering(G, weight="weight"))
    X["average_clustering_any"] = nx.average_clustering(G)
    X["average_clustering_w"] = nx.average_clustering(G, weight="weight")
    if directed:
        X["strong"] = sorted(sorted(c) for c in nx.strongly_connected_components(G))
        X["weak"] = sorted(sorted(c) for c in nx.weakly_connected_components(G))
    else:
        X["weak"] = sorted(sorted(c) for c in nx.connected_components(G))
        X["clustering"] = lst(nx.clustering(G))
        X["average_clustering"] = nx.average_clustering(G)
        X["transitivity"] = nx.transitivity(G)
        X["efficiency"] = nx.global_efficiency(G)
        X["articulation"] = sorted(nx.articulation_points(G))
        X["bridges"] = sorted(sorted(e) for e in nx.bridges(G))
        U = G
        X["ci"] = [(U.degree(v) - 1) * sum(U.degree(j) - 1 for j in U[v]) for v in nodes]
        X["ci_w"] = [(U.degree(v, weight="weight") - 1) * sum(U.degree(j, weight="weight") - 1 for j in U[v]) for v in nodes]
        X["louvain_q"] = nx.community.modularity(G, nx.community.louvain_communities(G, weight=None, seed=1), weight=None)
        if partition_path:
            with open(partition_path) as f:
                labels = [int(x) for x in f.read().split()]
            groups = {}
            for v, c in zip(nodes, labels):
                groups.setdefault(c, set()).add(v)
            X["modularity_of_partition"] = nx.community.modularity(G, list(groups.values()), weight=None)

    if ig is not None:
        index = {v: i for i, v in enumerate(nodes)}
        E = [(index[u], index[v]) for u, v in G.edges()]
        H = ig.Graph(n=n, edges=E, directed=directed)
        H.es["weight"] = [d["weight"] for _, _, d in G.edges(data=True)]
        I = out["ig"]
        mode = "in" if directed else "all"
        I["degree"] = H.degree()
        I["betweenness_raw"] = H.betweenness(directed=directed)
        I["betweenness_w_raw"] = H.betweenness(directed=directed, weights="weight")
        I["closeness_nowf"] = [0.0 if math.isnan(x) else x for x in H.closeness(mode=mode, normalized=True)]
        I["harmonic"] = H.harmonic_centrality(mode=mode, normalized=False)
        I["pagerank"] = H.pagerank(directed=directed)
        I["pagerank_w"] = H.pagerank(directed=directed, weights="weight")
        I["coreness"] = H.coreness(mode="all")
        I["constraint"] = [None if math.isnan(x) else x for x in H.constraint()]
        I["constraint_w"] = [None if math.isnan(x) else x for x in H.constraint(weights="weight")]
        I["assortativity"] = H.assortativity_degree(directed=directed)
        if not directed:
            I["clustering"] = H.transitivity_local_undirected(mode="zero")
        if connected(G) and not directed:
            I["eigenvector_scaled"] = H.eigenvector_centrality(scale=True)
    return out


with open(sys.argv[1]) as f:
    jobs = json.load(f)
print(json.dumps([run(j["edges"], j["directed"], j.get("partition")) for j in jobs]))
