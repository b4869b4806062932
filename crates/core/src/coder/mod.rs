//! The coder: match actors, agents and verb patterns in tokens; code events.
