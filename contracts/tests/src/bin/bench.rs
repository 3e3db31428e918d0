//! `bench` — the metered cost benchmark (see `callora_tests::bench`).
//!
//! ```text
//! bench            write docs/costs.md and docs/costs.json
//! bench --check    fail if they differ from the committed copies, or if a figure
//!                  exceeds its budget in budgets/budgets.tsv by more than 2%
//! ```
use callora_tests::bench;
use std::{fs, process::ExitCode};

const MAX_BATCH_DEDUCT: u32 = 25;
const MAX_BATCH_DISTRIBUTE: u32 = 30;
const TOLERANCE_PERCENT: i64 = 2;

fn main() -> ExitCode {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(_) => {
            eprintln!("usage: bench [--check]");
            return ExitCode::from(2);
        }
    };
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let report = bench::run(MAX_BATCH_DEDUCT, MAX_BATCH_DISTRIBUTE);
    let mut ok = true;

    let missing = bench::missing_entry_points(&report);
    if !missing.is_empty() {
        eprintln!("entry points without a measurement: {}", missing.join(", "));
        ok = false;
    }

    let files = [
        (format!("{root}/docs/costs.md"), bench::markdown(&report)),
        (format!("{root}/docs/costs.json"), bench::json(&report)),
    ];
    for (path, content) in &files {
        if check {
            if fs::read_to_string(path).ok().as_deref() != Some(content.as_str()) {
                eprintln!("{path} differs from this build's measurements: run ./scripts/bench.sh and commit it");
                ok = false;
            }
        } else {
            fs::write(path, content).expect("write");
            println!("wrote {path}");
        }
    }

    // Budgets: every figure has one; none may exceed it by more than 2%.
    let budgets_path = format!("{root}/budgets/budgets.tsv");
    let budgets: std::collections::BTreeMap<(String, String), i64> =
        fs::read_to_string(&budgets_path)
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                Some((
                    (f[0].to_string(), f[1].to_string()),
                    f.get(2)?.parse().ok()?,
                ))
            })
            .collect();
    for ((name, metric), value) in bench::budget_figures(&report) {
        match budgets.get(&(name.clone(), metric.clone())) {
            None => {
                eprintln!(
                    "no budget for {name} {metric} (measured {value}) in budgets/budgets.tsv"
                );
                ok = false;
            }
            Some(budget) if value * 100 > budget * (100 + TOLERANCE_PERCENT) => {
                eprintln!("over budget: {name} {metric} = {value}, budget {budget} (+{TOLERANCE_PERCENT}%)");
                ok = false;
            }
            _ => {}
        }
    }
    if ok {
        println!(
            "benchmark: {} entry-point rows, all within budget",
            report.rows.len()
        );
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
