//! `rehearse` — the operator's upgrade rehearsal with no network.
//!
//! ```text
//! rehearse                                   deploy v2 (the previous release), wire, traffic,
//!                                            upgrade in place, migrate, verify, traffic
//! rehearse --snapshot FILE [--settlement C…] [--revenue-pool C…] [--vault C…]... [--operator G…]
//!                                            upgrade the contracts of a `stellar snapshot create` file
//! ```
//!
//! `--operator` receives vaults whose admin is still their owner (code
//! versions 1–2); by default the settlement's admin, else the revenue pool's.
//!
//! Exits 1 when any verification fails, 2 on bad arguments.
use callora_tests::rehearsal::{rehearse_playbook, rehearse_snapshot, Kind, CURRENT_VERSION};
use std::{path::PathBuf, process::ExitCode};

const USAGE: &str = "usage: rehearse [--snapshot FILE [--settlement C…] [--revenue-pool C…] [--vault C…]... [--operator G…]]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let report = if args.is_empty() {
        println!(
            "Callora upgrade rehearsal: v2 -> v{CURRENT_VERSION} by the playbook, on the in-process host\n"
        );
        rehearse_playbook()
    } else {
        let mut snapshot = None;
        let mut operator = None;
        let mut contracts = Vec::new();
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let value = it.next().cloned();
            match (flag.as_str(), value) {
                ("--snapshot", Some(v)) => snapshot = Some(PathBuf::from(v)),
                ("--vault", Some(v)) => contracts.push((Kind::Vault, v)),
                ("--settlement", Some(v)) => contracts.push((Kind::Settlement, v)),
                ("--revenue-pool", Some(v)) => contracts.push((Kind::RevenuePool, v)),
                ("--operator", Some(v)) => operator = Some(v),
                _ => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            }
        }
        let Some(path) = snapshot else {
            eprintln!("--snapshot FILE is required with contract addresses\n{USAGE}");
            return ExitCode::from(2);
        };
        println!(
            "Callora upgrade rehearsal: {} -> v{CURRENT_VERSION}\n",
            path.display()
        );
        rehearse_snapshot(&path, &contracts, operator.as_deref())
    };
    print!("{}", report.render());
    if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
