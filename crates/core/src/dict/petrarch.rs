//! PETRARCH-1 dictionary formats: verbs (with synsets), actors, agents, discards, issues.
