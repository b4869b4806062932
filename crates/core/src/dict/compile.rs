//! Compiling a DictSet into the immutable, fast Dictionary.
/// The compiled dictionary set.
pub struct Dictionary;
