//! Sentence splitting with byte ranges into the original text.
