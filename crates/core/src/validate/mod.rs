//! Validation suites: TABARI .project/.text records and PETRARCH XML unit tests.
