//! `callora-spec` — reads the built WASMs' contract specs.
//!
//! ```text
//! callora-spec docs [--check]
//!     write docs/interfaces/<contract>.json, docs/interfaces/index.json,
//!     docs/events.md and the entry-point block of docs/<contract>.md from
//!     artifacts/*.wasm (--check: fail if the committed copies differ)
//! callora-spec diff OLD.wasm NEW.wasm [--allow-breaking]
//!     classify every difference as breaking or compatible for the backend and for
//!     indexers; exit 1 on a breaking change unless --allow-breaking
//! callora-spec diff-dir OLD_DIR NEW_DIR --expect REPORT
//!     diff each contract; pass only if the report equals REPORT (the committed
//!     record of intended changes; its `#` lines are the reviewer's notes and
//!     are not compared), so no unreviewed breaking change lands
//! callora-spec check-playbook PLAYBOOK ARTIFACTS_DIR
//!     every `stellar` command in the playbook parsed by the CLI on PATH (no
//!     network), every contract function and argument checked against the
//!     WASMs' specs; exit 1 on any failure
//! ```
mod diff;
mod docs;
mod model;
mod playbook;
#[cfg(test)]
mod spec_checks;

use std::{fs, path::Path, process::ExitCode};

use callora_types::CONTRACTS;

fn load(path: &Path) -> Result<model::Interface, String> {
    let wasm = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    model::read(&wasm).map_err(|e| format!("{}: {e}", path.display()))
}

fn docs(check: bool) -> Result<bool, String> {
    let mut files = Vec::new();
    let mut all = Vec::new();
    for c in CONTRACTS {
        let iface = load(&Path::new("artifacts").join(format!("{c}.wasm")))?;
        files.push((
            format!("docs/interfaces/{c}.json"),
            docs::interface_json(c, &iface),
        ));
        let document = format!("docs/{}.md", docs::short_name(c));
        let current = fs::read_to_string(&document).map_err(|e| format!("{document}: {e}"))?;
        let block = docs::entry_points_md(c, &iface)?;
        files.push((
            document.clone(),
            docs::splice(&current, &block).map_err(|e| format!("{document}: {e}"))?,
        ));
        all.push((c, iface));
    }
    files.push(("docs/interfaces/index.json".to_string(), docs::index_json()));
    files.push(("docs/events.md".to_string(), docs::events_md(&all)));
    let mut clean = true;
    for (path, content) in files {
        if check {
            if fs::read_to_string(&path).ok().as_deref() != Some(content.as_str()) {
                eprintln!("{path} differs from the build: run `cargo run -p callora-spec -- docs` and commit it");
                clean = false;
            }
        } else {
            fs::create_dir_all(Path::new(&path).parent().unwrap()).map_err(|e| e.to_string())?;
            fs::write(&path, content).map_err(|e| format!("{path}: {e}"))?;
            println!("wrote {path}");
        }
    }
    Ok(clean)
}

fn version_label(dir: &Path) -> String {
    if dir == Path::new("artifacts") {
        return "current build".into();
    }
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string())
}

fn run(args: &[String]) -> Result<bool, String> {
    let usage = "usage: callora-spec docs [--check] | diff OLD NEW [--allow-breaking] | \
                 diff-dir OLD_DIR NEW_DIR --expect REPORT | check-playbook PLAYBOOK ARTIFACTS_DIR";
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["docs"] => docs(false),
        ["docs", "--check"] => docs(true),
        ["diff", old, new, rest @ ..] => {
            let allow = rest == ["--allow-breaking"];
            if !rest.is_empty() && !allow {
                return Err(usage.into());
            }
            let changes = diff::diff(&load(Path::new(old))?, &load(Path::new(new))?);
            print!("{}", diff::render("contract", old, new, &changes));
            Ok(allow || !changes.iter().any(|c| c.breaking))
        }
        ["diff-dir", old, new, "--expect", report] => {
            let (old, new) = (Path::new(old), Path::new(new));
            let mut out = String::new();
            for c in CONTRACTS {
                let file = format!("{c}.wasm");
                let changes = diff::diff(&load(&old.join(&file))?, &load(&new.join(&file))?);
                out.push_str(&diff::render(
                    c,
                    &version_label(old),
                    &version_label(new),
                    &changes,
                ));
            }
            print!("{out}");
            let expected = fs::read_to_string(report).unwrap_or_default();
            if diff::without_notes(&expected) != out {
                eprintln!(
                    "the schema diff differs from {report}: review every change (breaking ones \
                     need a version bump and a note in the playbook), then commit the new report"
                );
                return Ok(false);
            }
            Ok(true)
        }
        ["check-playbook", playbook, artifacts] => {
            playbook::check_playbook(Path::new(playbook), Path::new(artifacts))
        }
        _ => Err(usage.into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
