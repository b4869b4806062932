//! The compiled form of a dictionary set on disk (`herald dict compile`): the
//! [`Dictionary`] itself, serialized, so loading skips parsing and compiling.
//! A snapshot is tied to the herald version that wrote it; another version refuses it
//! with a message to recompile.

use std::io::Write;

use super::Dictionary;

const MAGIC: &[u8; 8] = b"HERALDD\x01";

/// Whether `bytes` start like a compiled dictionary.
pub fn is_snapshot(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

impl Dictionary {
    /// Writes the compiled form.
    pub fn write_snapshot(&self, mut w: impl Write) -> std::io::Result<()> {
        w.write_all(MAGIC)?;
        let v = version().as_bytes();
        w.write_all(&[v.len() as u8])?;
        w.write_all(v)?;
        bincode::serialize_into(&mut w, self).map_err(std::io::Error::other)
    }

    /// Reads a compiled form written by this version of herald.
    pub fn read_snapshot(bytes: &[u8]) -> Result<Dictionary, String> {
        let rest = bytes.strip_prefix(MAGIC).ok_or("not a compiled herald dictionary")?;
        let (&n, rest) = rest.split_first().ok_or("truncated compiled dictionary")?;
        let (v, body) = rest.split_at_checked(n as usize).ok_or("truncated compiled dictionary")?;
        if v != version().as_bytes() {
            return Err(format!(
                "compiled by herald {}, this is {}: run `herald dict compile` again",
                String::from_utf8_lossy(v),
                version()
            ));
        }
        bincode::deserialize(body).map_err(|e| format!("corrupt compiled dictionary: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use crate::coder::{Coder, SentenceContext};
    use crate::dict::{load, Dictionary};

    #[test]
    fn snapshot_codes_like_the_source() {
        let d = Dictionary::compile(&load::builtin());
        let mut bytes = Vec::new();
        d.write_snapshot(&mut bytes).unwrap();
        assert!(super::is_snapshot(&bytes));
        let e = Dictionary::read_snapshot(&bytes).unwrap();
        let text = "Russian forces shelled Ukrainian positions while Iran's president praised Iraq.";
        let ctx = SentenceContext::default();
        let a = Coder::new(&d).code_sentence(text, &ctx);
        let b = Coder::new(&e).code_sentence(text, &ctx);
        assert!(!a.is_empty());
        assert_eq!(a, b);
        assert!(Dictionary::read_snapshot(&bytes[..bytes.len() / 2]).is_err());
        assert!(Dictionary::read_snapshot(b"nonsense").is_err());
    }
}
