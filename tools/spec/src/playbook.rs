//! `check-playbook`: every `stellar` command in the operator's playbook, checked
//! without a network.
//!
//! 1. The pinned stellar-cli parses it: it runs against an empty config, so it
//!    gets past argument parsing and stops at the network, or it fails as a
//!    usage error, which fails the check.
//! 2. Each contract function after `--` exists in the built WASM's spec, every
//!    `--arg` is one of its parameters, and every required one is given.
use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    io::Read,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    thread,
    time::{Duration, Instant},
};

use crate::model::Function;

const ACCOUNT: &str = "GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF";
const CONTRACT: &str = "CAZLY4W5HLJTS7F55I7ATXL24IZDSA7JKFS5HQI5TTY5HIIJ2O5TQRCV";

/// A parseable value for each of the playbook's variables and, for contract
/// addresses, which contract (`artifacts/callora_<contract>.wasm`) it is.
fn variable(name: &str) -> Option<(String, Option<&'static str>)> {
    let (value, contract) = match name {
        "ADMIN" | "OWNER" | "BACKEND" | "NEW_ADMIN" => (ACCOUNT, None),
        "SETTLEMENT" | "NEW_SETTLEMENT" => (CONTRACT, Some("settlement")),
        "POOL" | "NEW_POOL" => (CONTRACT, Some("revenue_pool")),
        "VAULT" | "NEW_VAULT" => (CONTRACT, Some("vault")),
        "USDC" => (CONTRACT, None),
        "WASM_HASH" => return Some(("ab".repeat(32), None)),
        _ => return None,
    };
    Some((value.to_string(), contract))
}

/// What stellar-cli (clap) prints when it refuses the command line itself.
const USAGE_ERRORS: [&str; 5] = [
    "unexpected argument",
    "invalid value",
    "required arguments were not provided",
    "unrecognized subcommand",
    "Usage:",
];

const TIMEOUT: Duration = Duration::from_secs(60);

/// The `stellar …` lines of the document's ```` ```sh ```` blocks, with
/// continuation lines joined and trailing comments dropped.
pub fn commands(doc: &str) -> Vec<String> {
    let mut commands = Vec::new();
    let mut rest = doc;
    while let Some(start) = rest.find("```sh\n") {
        let body = &rest[start + "```sh\n".len()..];
        let Some(end) = body.find("```") else { break };
        for line in body[..end].replace("\\\n", " ").lines() {
            let line = line.split(" #").next().unwrap_or_default().trim();
            if line.starts_with("stellar ") {
                commands.push(line.to_string());
            }
        }
        rest = &body[end + 3..];
    }
    commands
}

/// The command's words without shell redirections (`> file`, `< file`).
fn words(command: &str) -> Result<Vec<String>, String> {
    let words = shlex::split(command).ok_or("cannot split it into words")?;
    let mut clean = Vec::new();
    let mut iter = words.into_iter();
    while let Some(w) = iter.next() {
        if w == ">" || w == "<" {
            iter.next();
        } else {
            clean.push(w);
        }
    }
    Ok(clean)
}

/// Runs the command line; its exit code and its output (stdout then stderr).
fn run(cli: &[String], config: &Path) -> Result<(Option<i32>, String), String> {
    let mut child = Command::new(&cli[0])
        .args(&cli[1..])
        .env("STELLAR_CONFIG_DIR", config)
        .env("STELLAR_NO_UPDATE_CHECK", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", cli[0]))?;
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        thread::spawn(move || {
            let mut text = String::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_string(&mut text);
            }
            text
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("no answer within {} s", TIMEOUT.as_secs()));
        }
        thread::sleep(Duration::from_millis(20));
    };
    let output = stdout.join().unwrap_or_default() + &stderr.join().unwrap_or_default();
    Ok((status.code(), output))
}

/// The functions of `<artifacts>/callora_<contract>.wasm`, read once.
struct Specs {
    artifacts: PathBuf,
    loaded: BTreeMap<String, BTreeMap<String, Function>>,
}

impl Specs {
    fn functions(&mut self, contract: &str) -> Result<&BTreeMap<String, Function>, String> {
        if !self.loaded.contains_key(contract) {
            let iface = crate::load(&self.artifacts.join(format!("callora_{contract}.wasm")))?;
            let functions = iface
                .functions
                .into_iter()
                .map(|f| (f.name.clone(), f))
                .collect();
            self.loaded.insert(contract.to_string(), functions);
        }
        Ok(&self.loaded[contract])
    }
}

/// The contract a `--wasm` path names: `…/callora_<contract>.wasm`.
fn contract_of_wasm(path: &str) -> Option<&str> {
    let name = &path[path.find("callora_")? + "callora_".len()..];
    let end = name
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(name.len());
    (end > 0 && name[end..].starts_with(".wasm")).then_some(&name[..end])
}

/// A contract function call in a command.
#[derive(Debug, PartialEq, Eq)]
struct Call<'a> {
    /// `artifacts/callora_<contract>.wasm`
    contract: &'a str,
    function: &'a str,
    args: &'a [String],
}

/// The contract function a command calls, with its arguments: the constructor
/// for `deploy`, the function after `--` for `invoke`. `None` for commands
/// that call no contract function.
fn call(words: &[String]) -> Option<Result<Call<'_>, String>> {
    let has = |w: &str| words.iter().any(|x| x == w);
    let dash = words.iter().position(|w| w == "--")?;
    if !(has("invoke") || has("deploy")) {
        return None;
    }
    let after = &words[dash + 1..];
    Some(if has("deploy") {
        let wasm = words
            .iter()
            .position(|w| w == "--wasm")
            .and_then(|i| words.get(i + 1));
        match wasm.and_then(|w| contract_of_wasm(w)) {
            Some(contract) => Ok(Call {
                contract,
                function: "__constructor",
                args: after,
            }),
            None => Err("deploy: no --wasm …/callora_<contract>.wasm".to_string()),
        }
    } else {
        // The last `--id`, as the CLI reads it.
        let target = words
            .windows(2)
            .rev()
            .find(|w| w[0] == "--id")
            .map(|w| w[1].trim_start_matches('$'))
            .unwrap_or_default();
        match (variable(target).and_then(|(_, c)| c), after.split_first()) {
            (None, _) => Err(format!("--id {target}: not a contract variable")),
            (_, None) => Err("invoke: no function after --".to_string()),
            (Some(contract), Some((function, args))) => Ok(Call {
                contract,
                function,
                args,
            }),
        }
    })
}

/// Every way the command's contract call disagrees with the built spec
/// (`Err`: a spec cannot be read, which stops the whole check).
fn check_call(words: &[String], specs: &mut Specs) -> Result<Vec<String>, String> {
    let Call {
        contract,
        function,
        args,
    } = match call(words) {
        None => return Ok(Vec::new()),
        Some(Err(problem)) => return Ok(vec![problem]),
        Some(Ok(call)) => call,
    };
    let Some(f) = specs.functions(contract)?.get(function) else {
        return Ok(vec![format!("{contract} has no function {function}")]);
    };
    let mut problems = Vec::new();
    let mut given = BTreeSet::new();
    for arg in args.iter().filter_map(|w| w.strip_prefix("--")) {
        let name = arg.split('=').next().unwrap_or_default();
        let name = name.strip_suffix("-file-path").unwrap_or(name);
        if !f.inputs.iter().any(|p| p.name == name) {
            problems.push(format!("{contract}.{function} has no parameter {name}"));
        }
        given.insert(name);
    }
    for p in &f.inputs {
        if !p.optional() && !given.contains(p.name.as_str()) {
            problems.push(format!("{contract}.{function} needs --{}", p.name));
        }
    }
    Ok(problems)
}

/// What is wrong with one command (`Err` stops the whole check).
fn check(command: &str, config: &Path, specs: &mut Specs) -> Result<Vec<String>, String> {
    let words = match words(command) {
        Ok(words) => words,
        Err(problem) => return Ok(vec![problem]),
    };
    let cli: Vec<String> = words
        .iter()
        .map(|w| match w.strip_prefix('$').and_then(variable) {
            Some((value, _)) => value,
            None => w.clone(),
        })
        .collect();
    let (code, output) = match run(&cli, config) {
        Ok(ran) => ran,
        Err(problem) => return Ok(vec![problem]),
    };
    if code == Some(2) || USAGE_ERRORS.iter().any(|u| output.contains(u)) {
        let first = output.trim().lines().next().unwrap_or("(no output)");
        return Ok(vec![format!("stellar refused it: {first}")]);
    }
    check_call(&words, specs)
}

/// Checks every `stellar` command of the playbook; false if any fails.
pub fn check_playbook(playbook: &Path, artifacts: &Path) -> Result<bool, String> {
    let doc = fs::read_to_string(playbook).map_err(|e| format!("{}: {e}", playbook.display()))?;
    let commands = commands(&doc);
    Command::new("stellar")
        .arg("--version")
        .output()
        .map_err(|e| format!("cannot run stellar ({e}): ./scripts/build.sh installs it"))?;
    let config = std::env::temp_dir().join(format!("callora-playbook-{}", std::process::id()));
    fs::create_dir_all(&config).map_err(|e| format!("{}: {e}", config.display()))?;
    let mut specs = Specs {
        artifacts: artifacts.to_path_buf(),
        loaded: BTreeMap::new(),
    };
    let mut failures = Vec::new();
    let checked: Result<(), String> = commands.iter().try_for_each(|command| {
        let problems = check(command, &config, &mut specs)?;
        failures.extend(problems.into_iter().map(|p| (command, p)));
        Ok(())
    });
    let _ = fs::remove_dir_all(&config);
    checked?;
    println!("playbook: {} stellar commands checked", commands.len());
    for (command, problem) in &failures {
        eprintln!("{command}\n    {problem}");
    }
    Ok(failures.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn commands_are_the_stellar_lines_of_sh_blocks() {
        let doc = "text\n```sh\nstellar a \\\n  --b c # why\n./x.sh\n```\n\
                   ```\nstellar not-sh\n```\n   ```sh\n   stellar d\n   ```\n";
        assert_eq!(commands(doc), ["stellar a    --b c", "stellar d"]);
    }

    #[test]
    fn redirections_are_dropped_and_quotes_removed() {
        let mut expected = split("stellar tx sign --x");
        expected.push("[1, 2]".into());
        assert_eq!(
            words("stellar tx sign --x '[1, 2]' < in.xdr > out.xdr").unwrap(),
            expected
        );
    }

    #[test]
    fn the_called_function_is_found_for_invoke_and_deploy() {
        fn found<'a>(contract: &'a str, function: &'a str, args: &'a [String]) -> Found<'a> {
            Some(Ok(Call {
                contract,
                function,
                args,
            }))
        }
        type Found<'a> = Option<Result<Call<'a>, String>>;
        let invoke = split("stellar contract invoke --id $POOL -- f --a 1");
        assert_eq!(call(&invoke), found("revenue_pool", "f", &invoke[7..]));
        let deploy = split("stellar contract deploy --wasm a/callora_vault.wasm -- --owner x");
        assert_eq!(call(&deploy), found("vault", "__constructor", &deploy[6..]));
        let usdc = split("stellar contract invoke --id $USDC -- f");
        assert!(call(&usdc).unwrap().is_err());
        assert!(call(&split("stellar contract upload --wasm x.wasm")).is_none());
        let pool = "a/callora_revenue_pool.wasm";
        assert_eq!(contract_of_wasm(pool), Some("revenue_pool"));
        assert_eq!(contract_of_wasm("a/other.wasm"), None);
    }
}
