//! Writers for coded events: JSON Lines, CSV/TSV, Phoenix columns, PLOVER JSON.
