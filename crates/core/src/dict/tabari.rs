//! TABARI dictionary formats: .verbs (synsets, time, alternatives), .actors, .agents, .options.
