import { startUrl } from './start_url';
import { startAnalysisWorker } from './worker_client';

// The page's first script (index.html), a few kilobytes, run before the main bundle (MapLibre, ~1.3 MB)
// is evaluated: the analysis worker starts now and reads the scenario to open while the page starts the map.
startAnalysisWorker(new URL(startUrl(), location.href).href);
