//! CAMEO code table: Goldstein value, quad class and PLOVER mapping for each event code.
