//! Tokens: words with byte offsets into the sentence and their normalised forms.
