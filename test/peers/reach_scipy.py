"""Peer for the edge-table benchmark: the same run as `firecover reach` with pandas + scipy
(read_csv, a CSR matrix of travellable directions with the cheaper of parallel edges, csgraph.dijkstra with a limit)."""
import sys
import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

edges, nodes, source, budget, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
nd = pd.read_csv(nodes, usecols=['id'])
ed = pd.read_csv(edges, usecols=['source', 'target', 'cost', 'reverse_cost'])
ids = nd['id'].to_numpy()
index = pd.Series(np.arange(len(ids)), index=ids)
s = index[ed['source'].to_numpy()].to_numpy()
t = index[ed['target'].to_numpy()].to_numpy()
c = ed['cost'].to_numpy()
r = ed['reverse_cost'].to_numpy()
tail = np.concatenate([s[c >= 0], t[r >= 0]])
head = np.concatenate([t[c >= 0], s[r >= 0]])
w = np.concatenate([c[c >= 0], r[r >= 0]])
# csr_matrix sums duplicates; keep the cheaper of parallel arcs instead, and a tiny offset keeps 0-cost arcs as arcs
df = pd.DataFrame({'a': tail, 'b': head, 'w': w}).groupby(['a', 'b'], sort=False)['w'].min().reset_index()
g = csr_matrix((df['w'].to_numpy() + 1e-12, (df['a'].to_numpy(), df['b'].to_numpy())), shape=(len(ids), len(ids)))
dist = dijkstra(g, directed=True, indices=int(index[source]), limit=budget)
reached = np.isfinite(dist)
pd.DataFrame({'node': ids[reached], 'cost': dist[reached]}).to_csv(out, index=False)
print(int(reached.sum()))
