//! `herald`: news text in, coded political events out. Glue only: flags, progress, output.

use std::collections::HashSet;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use herald_core::codes::CodeTable;
use herald_core::coder::{Coder, CoderOptions, SentenceContext};
use herald_core::dict::{load, DictSet, Dictionary};
use herald_core::output::{OutputFormat, Writer};
use herald_core::read::{read_input, InputFormat};
use herald_core::Date;

mod bench;
mod validate;

/// `println!` that returns the write error (a closed pipe ends the program quietly in `main`).
macro_rules! outln {
    ($($arg:tt)*) => {
        std::io::Write::write_fmt(&mut std::io::stdout(), format_args!("{}\n", format_args!($($arg)*)))?
    };
}
pub(crate) use outln;

#[derive(Parser)]
#[command(name = "herald", version, about = "Turn news text into coded political events (CAMEO/PLOVER)")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Code articles into events (JSON Lines on stdout by default).
    Code(CodeArgs),
    /// Show how one sentence is coded: tokens, actors, verbs, the pattern that fired or why none did.
    Explain {
        sentence: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        dict: Option<PathBuf>,
    },
    /// Run a TABARI .project or PETRARCH XML validation file.
    Validate {
        file: PathBuf,
        /// Print every record, not only failures.
        #[arg(long)]
        verbose: bool,
        /// Use these dictionaries (directory, config or file) instead of the ones the suite names.
        #[arg(long)]
        dict: Option<PathBuf>,
        /// Code PETRARCH records from their <Text> only, never from their parse's words.
        #[arg(long)]
        raw_text: bool,
    },
    /// Throughput benchmark: sentences/s and MiB/s on one core for a corpus.
    Bench {
        /// Corpus file (JSONL, XML, TABARI or text); default ../shared/corpora/ag-news-test.jsonl.
        corpus: Option<PathBuf>,
        #[arg(long)]
        dict: Option<PathBuf>,
        /// Passes over the corpus.
        #[arg(long, default_value_t = 3)]
        repeat: usize,
        /// Code whole articles as `herald code` does, not sentence by sentence.
        #[arg(long)]
        article: bool,
        /// Publication date for articles without one (with --article).
        #[arg(long)]
        date: Option<String>,
    },
    /// Dictionary tools.
    Dict {
        #[command(subcommand)]
        cmd: DictCmd,
    },
}

#[derive(Subcommand)]
enum DictCmd {
    /// Lint a dictionary set (the built-in one by default): problems with file:line.
    Check { dir: Option<PathBuf> },
    /// Which entries match a phrase.
    Lookup {
        phrase: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        dict: Option<PathBuf>,
    },
    /// Counts by kind.
    Stats { dir: Option<PathBuf> },
    /// Write the compiled form of a dictionary set (the built-in one by default); load it
    /// with `--dict FILE` to skip parsing and compiling.
    Compile {
        #[arg(long)]
        dict: Option<PathBuf>,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Frequent capitalised names and verbs in a corpus that no dictionary entry covers.
    Coverage {
        /// Corpus: text, JSON Lines, PETRARCH XML or TABARI records.
        corpus: PathBuf,
        /// How many names and verbs to list.
        #[arg(long, default_value_t = 50)]
        top: usize,
        #[arg(long)]
        dict: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
struct CodeArgs {
    /// Input files; `-` or none reads stdin.
    files: Vec<PathBuf>,
    /// Publication date where the input has none (YYYY-MM-DD).
    #[arg(long)]
    date: Option<String>,
    #[arg(long, value_enum, default_value = "auto")]
    input: InputArg,
    #[arg(long, default_value = "jsonl")]
    format: String,
    /// Dictionary directory (TABARI or PETRARCH formats) instead of the built-in set.
    #[arg(long)]
    dict: Option<PathBuf>,
    /// Print progress to stderr (default: when stderr is a terminal).
    #[arg(long)]
    progress: bool,
    /// One event per happening: `none` emits every coded mention; `article` (default)
    /// merges, within each article, events with the same source, target, root and date
    /// into one with `mentions` and `sentences`; `day` also applies the Phoenix
    /// one-a-day rule across the whole run: an event whose (date, source, target, code)
    /// was already written is dropped. The first one is kept, so input order matters.
    #[arg(long, value_enum, default_value = "article")]
    dedup: Dedup,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Dedup {
    None,
    Article,
    Day,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputArg {
    Auto,
    Text,
    Jsonl,
    PetrarchXml,
    Tabari,
}

impl From<InputArg> for InputFormat {
    fn from(a: InputArg) -> Self {
        match a {
            InputArg::Auto => InputFormat::Auto,
            InputArg::Text => InputFormat::Text,
            InputArg::Jsonl => InputFormat::Jsonl,
            InputArg::PetrarchXml => InputFormat::PetrarchXml,
            InputArg::Tabari => InputFormat::Tabari,
        }
    }
}

/// A user error: printed as one line, exit status 2.
#[derive(Debug)]
struct UserError(String);

impl std::fmt::Display for UserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UserError {}

fn user(msg: impl Into<String>) -> anyhow::Error {
    UserError(msg.into()).into()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if let Some(io) = e.downcast_ref::<io::Error>() {
                if io.kind() == io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            if e.downcast_ref::<UserError>().is_some() {
                eprintln!("herald: {e}");
            } else {
                eprintln!("herald: {e:#}");
            }
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.cmd {
        Cmd::Code(a) => code(a),
        Cmd::Explain { sentence, date, dict } => explain(&sentence, date.as_deref(), dict.as_deref()),
        Cmd::Validate { file, verbose, dict, raw_text } => validate::run(&file, verbose, dict.as_deref(), raw_text),
        Cmd::Dict { cmd } => dict_cmd(cmd),
        Cmd::Bench { corpus, dict, repeat, article, date } => {
            let article = if article { Some(parse_date(date.as_deref())?) } else { None };
            bench::run(&corpus.unwrap_or_else(bench::default_corpus), dict.as_deref(), repeat, article)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn parse_date(s: Option<&str>) -> Result<Option<Date>> {
    s.map(|d| Date::parse(d).ok_or_else(|| user(format!("--date {d}: expected YYYY-MM-DD"))))
        .transpose()
}

/// Loads `--dict DIR` or the built-in set; dictionary warnings go to stderr as a count.
pub(crate) fn load_dictionary(dir: Option<&Path>, quiet: bool) -> Result<Dictionary> {
    Ok(load_dictionary_opts(dir, quiet)?.0)
}

/// As [`load_dictionary`], with the coder options the dictionary set implies
/// (a validation suite file given as `--dict` brings its own conventions).
pub(crate) fn load_dictionary_opts(dir: Option<&Path>, quiet: bool) -> Result<(Dictionary, CoderOptions)> {
    let mut opts = CoderOptions::default();
    let set: DictSet = match dir {
        Some(d) if is_suite(d) => {
            let (set, o) = herald_core::validate::suite_dictionaries(d).map_err(user)?;
            opts = o;
            set
        }
        Some(d) if d.is_file() && is_snapshot_file(d) => {
            let bytes = std::fs::read(d).with_context(|| format!("reading {}", d.display()))?;
            let dict = Dictionary::read_snapshot(&bytes).map_err(|e| user(format!("{}: {e}", d.display())))?;
            return Ok((dict, opts));
        }
        Some(d) => load_set(d)?,
        None => load::builtin(),
    };
    let dict = Dictionary::compile(&set);
    if !quiet && !dict.warnings.is_empty() {
        eprintln!(
            "herald: {} dictionary warnings (run `herald dict check` to list them)",
            dict.warnings.len()
        );
    }
    Ok((dict, opts))
}

/// Loads a dictionary directory, config file (`.ini`) or single dictionary file.
pub(crate) fn load_set(d: &Path) -> Result<DictSet> {
    Ok(match d {
        d if d.is_dir() => load::load_dir(d).map_err(|e| user(e.to_string()))?,
        f if f.extension().is_some_and(|e| e == "ini" || e == "conf") => {
            load::load_config(f).map_err(|e| user(e.to_string()))?
        }
        f => load::load_file(f, None).map_err(|e| user(e.to_string()))?,
    })
}

fn is_snapshot_file(p: &Path) -> bool {
    use std::io::Read as _;
    let mut head = [0u8; 8];
    std::fs::File::open(p).and_then(|mut f| f.read_exact(&mut head)).is_ok()
        && herald_core::dict::snapshot::is_snapshot(&head)
}

fn is_suite(p: &Path) -> bool {
    let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    ext == "project" || ext == "xml"
}

fn code(a: CodeArgs) -> Result<ExitCode> {
    let date = parse_date(a.date.as_deref())?;
    let format: OutputFormat = a.format.parse().map_err(|_| user(format!("--format {}: expected jsonl, csv, tsv, phoenix or plover", a.format)))?;
    let dict = load_dictionary(a.dict.as_deref(), false)?;
    let codes = CodeTable::builtin();
    let mut coder = Coder::with_options(&dict, CoderOptions::default());
    let stdout = io::stdout();
    let mut out = Writer::new(BufWriter::with_capacity(1 << 16, stdout.lock()), format);
    let inputs: Vec<PathBuf> = if a.files.is_empty() { vec![PathBuf::from("-")] } else { a.files };
    let progress = a.progress || io::stderr().is_terminal();
    let started = Instant::now();
    let (mut articles, mut events, mut errors) = (0usize, 0usize, 0usize);
    // --dedup day: (date, source, target, code) already written in this run.
    let mut seen_day: HashSet<(Option<Date>, String, String, String)> = HashSet::new();
    for path in &inputs {
        let name = path.display().to_string();
        let bytes = if name == "-" {
            let mut b = Vec::new();
            io::stdin().read_to_end(&mut b).context("reading stdin")?;
            b
        } else {
            match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("herald: {name}: {e}");
                    errors += 1;
                    continue;
                }
            }
        };
        if bytes.is_empty() {
            eprintln!("herald: {name}: empty input, nothing to code");
            errors += 1;
            continue;
        }
        for rec in read_input(&name, &bytes, a.input.into()) {
            let mut art = match rec {
                Ok(art) => art,
                Err(e) => {
                    eprintln!("herald: {e}");
                    errors += 1;
                    continue;
                }
            };
            if art.date.is_none() {
                art.date = date;
            }
            let coded = match a.dedup {
                Dedup::None => coder.code_article_mentions(&art, codes),
                Dedup::Article | Dedup::Day => coder.code_article(&art, codes),
            };
            for e in coded {
                if a.dedup == Dedup::Day && !seen_day.insert((e.date, e.source.clone(), e.target.clone(), e.code.clone())) {
                    continue;
                }
                out.write(&e)?;
                events += 1;
            }
            articles += 1;
            if progress && articles % 10_000 == 0 {
                eprintln!("herald: {articles} articles, {events} events, {:.1}s", started.elapsed().as_secs_f64());
            }
        }
    }
    out.finish()?.flush()?;
    if progress {
        eprintln!("herald: done: {articles} articles, {events} events, {errors} errors, {:.2}s", started.elapsed().as_secs_f64());
    }
    // Bad inputs were reported as they came; the good ones were still coded.
    Ok(if errors > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn explain(sentence: &str, date: Option<&str>, dict: Option<&Path>) -> Result<ExitCode> {
    let date = parse_date(date)?;
    let (dict, opts) = load_dictionary_opts(dict, false)?;
    let mut coder = Coder::with_options(&dict, opts);
    let (events, trace) = coder.explain(sentence, &SentenceContext { date, ..Default::default() });
    let mut o = io::stdout().lock();
    for line in trace {
        writeln!(o, "{line}")?;
    }
    if events.is_empty() {
        writeln!(o, "events: none")?;
    }
    for e in events {
        writeln!(o, "event: {} → {} {}  [{}]", e.source, e.target, e.code, e.pattern)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn dict_cmd(cmd: DictCmd) -> Result<ExitCode> {
    match cmd {
        DictCmd::Check { dir } => {
            let dict = load_dictionary(dir.as_deref(), true)?;
            let mut o = io::stdout().lock();
            for w in &dict.warnings {
                writeln!(o, "{w}")?;
            }
            writeln!(o, "dict check: {} warnings", dict.warnings.len())?;
            Ok(ExitCode::SUCCESS)
        }
        DictCmd::Compile { dict, output } => {
            let d = load_dictionary(dict.as_deref(), false)?;
            let f = std::fs::File::create(&output).with_context(|| format!("creating {}", output.display()))?;
            d.write_snapshot(BufWriter::new(f)).with_context(|| format!("writing {}", output.display()))?;
            eprintln!("herald: wrote {}", output.display());
            Ok(ExitCode::SUCCESS)
        }
        DictCmd::Stats { dir } => {
            let dict = load_dictionary(dir.as_deref(), true)?;
            let patterns: usize = dict.blocks.iter().map(|b| b.patterns.len()).sum();
            outln!("actors (incl. synonyms)\t{}", dict.actors.len());
            outln!("agents (incl. plurals)\t{}", dict.agents.len());
            outln!("verb blocks\t{}", dict.blocks.len());
            outln!("verb forms\t{}", dict.verb_forms.len());
            outln!("patterns\t{patterns}");
            outln!("synsets\t{}", dict.synsets.len());
            outln!("discards\t{}", dict.discards.len());
            outln!("issues\t{}", dict.issues.len());
            outln!("lexemes\t{}", dict.lexicon.len());
            Ok(ExitCode::SUCCESS)
        }
        DictCmd::Coverage { corpus, top, dict } => coverage(&corpus, top, dict.as_deref()),
        DictCmd::Lookup { phrase, date, dict } => {
            let date = parse_date(date.as_deref())?;
            let dict = load_dictionary(dict.as_deref(), true)?;
            let mut coder = Coder::new(&dict);
            let (_, trace) = coder.explain(&phrase, &SentenceContext { date, ..Default::default() });
            for line in trace.iter().filter(|l| !l.starts_with("no event")) {
                outln!("{line}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn coverage(corpus: &Path, top: usize, dict: Option<&Path>) -> Result<ExitCode> {
    let dict = load_dictionary(dict, true)?;
    let name = corpus.display().to_string();
    let bytes = std::fs::read(corpus).map_err(|e| user(format!("{name}: {e}")))?;
    let mut cov = herald_core::dict::coverage::Coverage::new(&dict);
    let (mut articles, mut errors) = (0usize, 0usize);
    for rec in read_input(&name, &bytes, InputFormat::Auto) {
        match rec {
            Ok(art) => {
                cov.add_article(&art);
                articles += 1;
            }
            Err(e) => {
                eprintln!("herald: {e}");
                errors += 1;
            }
        }
    }
    let mut o = io::stdout().lock();
    writeln!(o, "# {name}: {articles} articles, {} sentences", cov.sentences())?;
    writeln!(o, "# capitalised names no actor, agent or discard entry covers (top {top})")?;
    for (n, c) in cov.names(top) {
        writeln!(o, "{c}\t{n}")?;
    }
    writeln!(o, "# words after an actor that look like verbs and no verb entry covers (top {top})")?;
    for (v, c) in cov.verbs(top) {
        writeln!(o, "{c}\t{v}")?;
    }
    Ok(if errors > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
