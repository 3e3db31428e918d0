//! `rehearse` — the operator's upgrade rehearsal with no network.
//!
//! ```text
//! rehearse                                   deploy v1, wire, traffic, upgrade, migrate, verify
//! rehearse --snapshot FILE [--settlement C…] [--revenue-pool C…] [--vault C…]...
//!                                            upgrade the contracts of a `stellar snapshot create` file
//! ```
//!
//! Exits 1 when any verification fails, 2 on bad arguments.
use callora_tests::rehearsal::{rehearse_playbook, rehearse_snapshot, Kind};
use std::{path::PathBuf, process::ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let report = if args.is_empty() {
        println!("Callora upgrade rehearsal: playbook on the in-process host\n");
        rehearse_playbook()
    } else {
        let mut snapshot = None;
        let mut contracts = Vec::new();
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let value = it.next().cloned();
            match (flag.as_str(), value) {
                ("--snapshot", Some(v)) => snapshot = Some(PathBuf::from(v)),
                ("--vault", Some(v)) => contracts.push((Kind::Vault, v)),
                ("--settlement", Some(v)) => contracts.push((Kind::Settlement, v)),
                ("--revenue-pool", Some(v)) => contracts.push((Kind::RevenuePool, v)),
                _ => {
                    eprintln!("usage: rehearse [--snapshot FILE [--settlement C…] [--revenue-pool C…] [--vault C…]...]");
                    return ExitCode::from(2);
                }
            }
        }
        let Some(path) = snapshot else {
            eprintln!("--snapshot FILE is required with contract addresses");
            return ExitCode::from(2);
        };
        println!("Callora upgrade rehearsal: {}\n", path.display());
        rehearse_snapshot(&path, &contracts)
    };
    print!("{}", report.render());
    if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
