"""Peer side of the graph benchmark: load an edge list and compute one task with networkx or
igraph, as a whole process (the runner times load + compute together).
Usage: /usr/bin/python3 bench/graph/peer.py networkx|igraph TASK EDGES [SAMPLES]
TASK: pagerank | components | louvain | betweenness | betweenness-sampled"""
import sys

lib, task, path = sys.argv[1], sys.argv[2], sys.argv[3]
samples = int(sys.argv[4]) if len(sys.argv) > 4 else 100

if lib == "networkx":
    import networkx as nx
    G = nx.read_edgelist(path, nodetype=str)
    if task == "pagerank":
        r = nx.pagerank(G, weight=None)
    elif task == "components":
        r = list(nx.connected_components(G))
    elif task == "louvain":
        r = nx.community.louvain_communities(G, weight=None, seed=1)
    elif task == "betweenness":
        r = nx.betweenness_centrality(G)
    elif task == "betweenness-sampled":
        r = nx.betweenness_centrality(G, k=samples, seed=1)
    else:
        raise SystemExit(f"unknown task {task}")
elif lib == "igraph":
    import igraph as ig
    G = ig.Graph.Read_Ncol(path, names=True, directed=False)
    if task == "pagerank":
        r = G.pagerank()
    elif task == "components":
        r = G.connected_components().membership
    elif task == "louvain":
        r = G.community_multilevel().membership
    elif task == "betweenness":
        r = G.betweenness()
    elif task == "betweenness-sampled":
        raise SystemExit("igraph 0.10 has no sampled betweenness")
    else:
        raise SystemExit(f"unknown task {task}")
else:
    raise SystemExit(f"unknown library {lib}")
print(len(r))
