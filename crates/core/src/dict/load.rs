//! Finding and loading dictionary sets: the built-in one, a directory, or named files.

use std::path::{Path, PathBuf};

use super::{petrarch, tabari, DictError, DictErrorKind, DictKind, DictSet};

/// The text formats herald reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    Tabari,
    Petrarch,
}

/// The project's own dictionaries, compiled into the binary from `dictionaries/`.
const BUILTIN: &[(&str, DictKind, &str)] = &[
    ("countries.actors.txt", DictKind::Actors, include_str!("../../../../dictionaries/countries.actors.txt")),
    ("international.actors.txt", DictKind::Actors, include_str!("../../../../dictionaries/international.actors.txt")),
    ("agents.txt", DictKind::Agents, include_str!("../../../../dictionaries/agents.txt")),
    ("verbs.txt", DictKind::Verbs, include_str!("../../../../dictionaries/verbs.txt")),
    ("discards.txt", DictKind::Discards, include_str!("../../../../dictionaries/discards.txt")),
    ("issues.txt", DictKind::Issues, include_str!("../../../../dictionaries/issues.txt")),
];

/// Parses the built-in dictionary set.
pub fn builtin() -> DictSet {
    let mut set = DictSet::default();
    for (name, kind, text) in BUILTIN {
        let file = format!("dictionaries/{name}");
        set.extend(parse_text(text, &file, *kind, Flavor::Petrarch));
    }
    set
}

/// Parses dictionary text of a known kind and flavour.
pub fn parse_text(text: &str, file: &str, kind: DictKind, flavor: Flavor) -> DictSet {
    match (flavor, kind) {
        (Flavor::Petrarch, DictKind::Actors) => petrarch::parse_actors(text, file),
        (Flavor::Petrarch, DictKind::Agents) => petrarch::parse_agents(text, file),
        (Flavor::Petrarch, DictKind::Verbs) => petrarch::parse_verbs(text, file),
        (Flavor::Petrarch, DictKind::Discards) => petrarch::parse_discards(text, file),
        (Flavor::Petrarch, DictKind::Issues) => petrarch::parse_issues(text, file),
        (Flavor::Tabari, DictKind::Actors) => tabari::parse_actors(text, file),
        (Flavor::Tabari, DictKind::Agents) => tabari::parse_agents(text, file),
        (Flavor::Tabari, DictKind::Verbs) => tabari::parse_verbs(text, file),
        (Flavor::Tabari, DictKind::Discards) => petrarch::parse_discards(text, file),
        (Flavor::Tabari, DictKind::Issues) => petrarch::parse_issues(text, file),
    }
}

/// Guesses a file's kind from its name and its flavour from name and content:
/// `*.actors`, `*.agents`, `*.verbs` without `.txt` are TABARI; PETRARCH files end in `.txt`.
pub fn detect(path: &Path, head: &str) -> Option<(DictKind, Flavor)> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let kind = if name.contains("actor") {
        DictKind::Actors
    } else if name.contains("agent") {
        DictKind::Agents
    } else if name.contains("verb") || name.starts_with("cameo.2.0") || name.contains("newdict") {
        DictKind::Verbs
    } else if name.contains("discard") {
        DictKind::Discards
    } else if name.contains("issue") {
        DictKind::Issues
    } else {
        return None;
    };
    let tabari_ext = [".actors", ".agents", ".verbs"].iter().any(|e| name.ends_with(e));
    let petrarch_verbs = head.lines().any(|l| l.trim_start().starts_with("---") && l.contains('['));
    let flavor = if kind == DictKind::Verbs && petrarch_verbs {
        Flavor::Petrarch
    } else if tabari_ext {
        Flavor::Tabari
    } else {
        Flavor::Petrarch
    };
    Some((kind, flavor))
}

/// Loads one file, detecting its kind and flavour unless given.
pub fn load_file(path: &Path, kind: Option<DictKind>) -> Result<DictSet, DictError> {
    let bytes = std::fs::read(path).map_err(|e| {
        let k = if e.kind() == std::io::ErrorKind::NotFound { DictErrorKind::MissingFile } else { DictErrorKind::Io };
        DictError::new(k, path, 0, e.to_string())
    })?;
    let text = decode(&bytes);
    let head: String = text.lines().take(2000).collect::<Vec<_>>().join("\n");
    let (dk, flavor) = match (kind, detect(path, &head)) {
        (Some(k), Some((_, f))) => (k, f),
        (Some(k), None) => (k, Flavor::Petrarch),
        (None, Some(x)) => x,
        (None, None) => {
            return Err(DictError::new(
                DictErrorKind::Syntax,
                path,
                0,
                "cannot tell what kind of dictionary this is (name it *.actors, *.agents, *.verbs, *discards*, *issues*)",
            ))
        }
    };
    let mut set = parse_text(&text, &path.display().to_string(), dk, flavor);
    if std::str::from_utf8(&bytes).is_err() {
        set.warnings.push(super::Warning {
            loc: super::SourceLoc { file: path.display().to_string().into(), line: 0 },
            message: "not UTF-8; read as Latin-1".into(),
        });
    }
    Ok(set)
}

/// Loads every dictionary file in a directory (sorted by name, so loading is deterministic).
pub fn load_dir(dir: &Path) -> Result<DictSet, DictError> {
    let rd = std::fs::read_dir(dir).map_err(|e| DictError::new(DictErrorKind::Io, dir, 0, e.to_string()))?;
    let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
    files.sort();
    let mut set = DictSet::default();
    let mut any = false;
    for f in files {
        let head = std::fs::read(&f).map(|b| decode(&b[..b.len().min(200_000)])).unwrap_or_default();
        if detect(&f, &head).is_none() {
            continue;
        }
        set.extend(load_file(&f, None)?);
        any = true;
    }
    if !any {
        return Err(DictError::new(DictErrorKind::MissingFile, dir, 0, "no dictionary files found"));
    }
    Ok(set)
}

/// UTF-8 when valid, else Latin-1 (common in old dictionary files).
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// Loads the dictionaries a config file names: PETRARCH's `PETR_config.ini`
/// (`verbfile_name`, `P1verbfile_name`, `actorfile_list`, `agentfile_name`,
/// `discardfile_name`, `issuefile_name`) or herald's own keys (`verbs`, `actors`,
/// `agents`, `discards`, `issues`), comma-separated lists, relative to the config file.
pub fn load_config(path: &Path) -> Result<DictSet, DictError> {
    let text = std::fs::read(path)
        .map(|b| decode(&b))
        .map_err(|e| DictError::new(DictErrorKind::Io, path, 0, e.to_string()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut files: Vec<(PathBuf, DictKind, u32)> = Vec::new();
    let mut p1_verbs = false;
    let mut section = String::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split(['#', ';']).next().unwrap_or("").trim();
        if line.starts_with('[') {
            section = line.trim_matches(['[', ']']).to_lowercase();
            continue;
        }
        let Some((key, value)) = line.split_once('=') else { continue };
        if !(section.is_empty() || section == "dictionaries" || section == "herald") {
            continue;
        }
        let key = key.trim().to_lowercase();
        let kind = match key.as_str() {
            "verbs" | "verbfile_name" => DictKind::Verbs,
            "p1verbfile_name" => {
                p1_verbs = true;
                DictKind::Verbs
            }
            "actors" | "actorfile_list" => DictKind::Actors,
            "agents" | "agentfile_name" => DictKind::Agents,
            "discards" | "discardfile_name" => DictKind::Discards,
            "issues" | "issuefile_name" => DictKind::Issues,
            _ => continue,
        };
        for f in value.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            files.push((dir.join(f), kind, i as u32 + 1));
        }
    }
    // PETRARCH's universal config names a PETRARCH-2 verb file and a PETRARCH-1 one; use the latter.
    if p1_verbs {
        let keep: Vec<bool> = files
            .iter()
            .map(|(f, k, _)| *k != DictKind::Verbs || !f.to_string_lossy().contains("2.0"))
            .collect();
        let mut it = keep.into_iter();
        files.retain(|_| it.next().unwrap_or(true));
    }
    if files.is_empty() {
        return Err(DictError::new(DictErrorKind::Syntax, path, 0, "names no dictionary files"));
    }
    let mut set = DictSet::default();
    for (f, kind, line) in files {
        if !f.exists() {
            return Err(DictError::new(
                DictErrorKind::MissingFile,
                path,
                line,
                format!("{}: no such file", f.display()),
            ));
        }
        set.extend(load_file(&f, Some(kind))?);
    }
    Ok(set)
}
