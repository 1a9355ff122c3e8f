"""Peer for the edge-table benchmark: the same run as `firecover reach --edges E --nodes N --from-node S --budget B --out O`
with networkx (read the pgRouting CSV, build a DiGraph of travellable directions, bounded Dijkstra, write node,cost)."""
import csv, sys
import networkx as nx

edges, nodes, source, budget, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
g = nx.DiGraph()
with open(nodes, newline='') as f:
    for row in csv.DictReader(f):
        g.add_node(int(row['id']))
with open(edges, newline='') as f:
    for row in csv.DictReader(f):
        s, t, c, r = int(row['source']), int(row['target']), float(row['cost']), float(row['reverse_cost'])
        # parallel edges: keep the cheaper one, as a shortest path would
        if c >= 0 and (not g.has_edge(s, t) or g[s][t]['w'] > c):
            g.add_edge(s, t, w=c)
        if r >= 0 and (not g.has_edge(t, s) or g[t][s]['w'] > r):
            g.add_edge(t, s, w=r)
dist = nx.single_source_dijkstra_path_length(g, source, cutoff=budget, weight='w')
with open(out, 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['node', 'cost'])
    for n, d in dist.items():
        w.writerow([n, d])
print(len(dist))
